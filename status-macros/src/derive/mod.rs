//! `#[derive(HttpError)]`: parse into the IR, check it, expand it.

mod ast;
mod attr;
mod check;
mod expand;
mod fallback;
mod suggest;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::ctxt::Ctxt;

pub(crate) fn expand(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let ir = ast::Input::from_syn(&cx, input);
    check::check(&cx, &ir);
    match cx.check() {
        Ok(()) => expand::impl_http_error(&ir),
        Err(error) => fallback::expand(&ir, &error),
    }
}
