//! `#[derive(HttpError)]`: parse into the IR, check it, expand it.

mod ast;
mod attr;
mod check;
mod expand;
mod fallback;
mod suggest;

use proc_macro2::{Span, TokenStream};
use syn::DeriveInput;

use crate::ctxt::Ctxt;
use crate::spec::Spec;

pub(crate) fn expand(input: &DeriveInput) -> TokenStream {
    match try_expand(input) {
        Ok(tokens) => tokens,
        Err(error) => fallback::expand(input, &crate_path(input), &error),
    }
}

fn try_expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let spec = Spec::builtin().map_err(|errors| {
        syn::Error::new(
            Span::call_site(),
            format!(
                "the built-in status-code spec is invalid: {}",
                errors.join("; ")
            ),
        )
    })?;
    let cx = Ctxt::new();
    let ir = ast::Input::from_syn(&cx, spec, input);
    if let Some(ir) = &ir {
        check::check(&cx, ir);
    }
    cx.check()?;
    Ok(ir.map_or_else(TokenStream::new, |ir| expand::impl_http_error(&ir)))
}

/// The `crate = "..."` path, read leniently for the fallback: a malformed
/// attribute was already reported.
fn crate_path(input: &DeriveInput) -> syn::Path {
    let mut krate: syn::Path = syn::parse_quote!(::status_core);
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("http"))
    {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let literal: syn::LitStr = meta.value()?.parse()?;
                krate = literal.parse()?;
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            } else if meta.input.peek(syn::token::Paren) {
                let _content;
                syn::parenthesized!(_content in meta.input);
            }
            Ok(())
        });
    }
    krate
}
