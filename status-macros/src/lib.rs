//! Procedural macros behind [`status-core`](https://docs.rs/status-core). Depend on
//! `status-core`, which re-exports them with the runtime types they expand to.

mod codes;
mod spec;

use proc_macro::TokenStream;

/// Generates a status-code enum from a TOML registry. See `status_core::status_codes!`
/// for the full documentation; use it through `status-core`, whose types the
/// generated code names.
#[proc_macro]
pub fn status_codes(input: TokenStream) -> TokenStream {
    codes::expand(input.into()).into()
}
