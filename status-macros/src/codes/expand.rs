//! Checked spec -> tokens: one call to status-core's `status_code_enum!`
//! (and `warning_code_enum!` when the spec has warnings) with a header and
//! one row per entry. The enum, its methods and impls are written in
//! status-core; only what the spec decides is emitted here. Nothing here can
//! fail: every rule was enforced when the spec was parsed.

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::{Attribute, Path};

use super::{row, warning_row};
use crate::spec::Spec;

pub(crate) struct Options<'a> {
    pub(crate) attrs: &'a [Attribute],
    pub(crate) name: &'a Ident,
    pub(crate) warning_name: &'a Ident,
    pub(crate) codes_module: &'a Ident,
    pub(crate) krate: &'a Path,
    /// How the spec is named in generated docs.
    pub(crate) origin: &'a str,
    /// Whether the docs may carry doctests naming `status_core::StatusCode`.
    pub(crate) doctests: bool,
    /// Whether the enum has every built-in code, and so converts both ways
    /// with `StatusCode`.
    pub(crate) extend_builtin: bool,
}

pub(crate) fn impl_status_codes(spec: &Spec, options: &Options<'_>) -> TokenStream {
    let private = crate::private::path(options.krate);
    let doctests = doctests_flag(options.doctests);
    let extends = options
        .extend_builtin
        .then(|| Ident::new("StatusCode", proc_macro2::Span::call_site()));
    let Options {
        attrs,
        name,
        codes_module,
        origin,
        ..
    } = options;
    let default_doc = (!has_doc(attrs)).then(|| {
        let doc = format!("HTTP status codes generated from {origin}.");
        quote!(#[doc = #doc])
    });
    let rows = spec.codes.iter().map(row::code_row);
    let warnings = (!spec.warnings.is_empty()).then(|| {
        let warning_name = options.warning_name;
        let doc = format!(
            "Warning header codes (RFC 7234, Section 5.5) from {origin}. These are not status codes: \
             they appeared in the `Warning` header, which RFC 9111 has since obsoleted."
        );
        let rows = spec.warnings.iter().map(warning_row::warning_row);
        quote! {
            #private::warning_code_enum! {
                doctests: #doctests,
                #[doc = #doc]
                enum #warning_name;
                rows: [#(#rows)*]
            }
        }
    });
    quote! {
        #private::status_code_enum! {
            doctests: #doctests,
            extends: [#extends],
            codes_module: #codes_module,
            #(#attrs)*
            #default_doc
            enum #name;
            rows: [#(#rows)*]
        }
        #warnings
    }
}

fn doctests_flag(doctests: bool) -> Ident {
    let flag = if doctests { "yes" } else { "no" };
    Ident::new(flag, proc_macro2::Span::call_site())
}

fn has_doc(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident("doc"))
}
