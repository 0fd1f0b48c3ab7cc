//! Procedural macros behind [`status-core`](https://docs.rs/status-core). Depend on
//! `status-core`, which re-exports them with the runtime types they expand to and
//! documents them in full.

mod codes;
mod ctxt;
mod derive;
#[cfg(test)]
mod expanded;
mod header;
mod member;
mod private;
mod spec;

use proc_macro::TokenStream;

/// Generates a status-code enum from a TOML registry. Documented on
/// `status_core::status_codes!`; use it through `status-core`, whose types the
/// generated code names.
#[proc_macro]
pub fn status_codes(input: TokenStream) -> TokenStream {
    codes::expand(input.into()).into()
}

/// Derives `status_core::HttpError` from `#[http(...)]` attributes. Documented
/// on `status_core::HttpError`; use it through `status-core`.
#[proc_macro_derive(HttpError, attributes(http))]
pub fn derive_http_error(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    derive::expand(&input).into()
}
