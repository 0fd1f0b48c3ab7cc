//! What to emit when the input is invalid: the errors, plus stub impls so the
//! user sees only the real mistakes, not "`HttpError` is not implemented"
//! wherever the type is used.

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::{Data, Input};

/// `input` is the IR as far as it was built; only its name, generics and
/// crate path are used, so a partial one serves.
pub(crate) fn expand(input: &Input<'_>, error: &syn::Error) -> TokenStream {
    let errors = error.to_compile_error();
    // A union can never be an HttpError: stubs would only add errors.
    if matches!(input.data, Data::Union) {
        return errors;
    }
    let krate = &input.krate;
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, where_clause) = input.original.generics.split_for_impl();
    let private = crate::private::path(krate);
    let adapter_args = quote!([#impl_generics] [#ident #ty_generics] [#where_clause]);
    quote! {
        #errors

        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::HttpError for #ident #ty_generics #where_clause {
            fn status(&self) -> #krate::StatusCode {
                ::core::unreachable!()
            }

            fn code(&self) -> &'static str {
                ::core::unreachable!()
            }
        }

        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #impl_generics #krate::ErrorCatalog for #ident #ty_generics #where_clause {
            const ERRORS: &'static [#krate::CatalogEntry] = &[];
        }

        #private::impl_axum!(#adapter_args);
        #private::impl_actix_web!(#adapter_args);
        #private::impl_poem!(#adapter_args);
        #private::impl_tonic!(#adapter_args);
        #private::impl_utoipa!(#adapter_args);
    }
}
