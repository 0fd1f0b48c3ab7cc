//! The one place that names status-core's hidden module: every path that
//! generated code takes into it is built here.

use proc_macro2::TokenStream;
use quote::quote;

/// `#krate::__private`, where `krate` is `::status_core` or the user's
/// `crate = ...` path.
pub(crate) fn path(krate: &syn::Path) -> TokenStream {
    quote!(#krate::__private)
}
