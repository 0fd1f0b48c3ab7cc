//! One spec entry as a row of status-core's `status_code_enum!`: the
//! variant's docs and attributes, then every fact the spec gives.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::docs;
use crate::spec::{Alias, Class, CodeEntry, Registration};

pub(crate) fn code_row(entry: &CodeEntry) -> TokenStream {
    let variant = Ident::new(&entry.name, Span::call_site());
    let code = Literal::u16_unsuffixed(entry.code);
    let docs = docs::variant_doc(entry);
    let code_alias = entry.code.to_string();
    let doc_aliases = std::iter::once(&entry.phrase)
        .chain(entry.aliases.iter().map(|alias| &alias.phrase))
        .filter(|text| docs::usable_as_doc_alias(text) && **text != entry.name);
    let deprecated = deprecated_attr(entry);
    let class = class_ident(entry.class());
    let status_line = format!("{} {}", entry.code, entry.phrase);
    let registration = Ident::new(entry.registration.variant_name(), Span::call_site());
    let CodeEntry {
        phrase,
        source,
        reference,
        description,
        no_body,
        must_headers,
        should_headers,
        may_headers,
        cacheable,
        retryable,
        redirect,
        permanent,
        keeps_method,
        interim,
        unsatisfied_range,
        allow_excludes_method,
        ..
    } = entry;
    let grpc = entry.grpc.map_or_else(
        || quote!(None),
        |variant| {
            let variant = Ident::new(variant, Span::call_site());
            quote!(Some(#variant))
        },
    );
    let aliases = entry
        .aliases
        .iter()
        .enumerate()
        .map(|(index, alias)| alias_row(entry, index, alias, deprecated.as_ref()));
    quote! {
        #(#[doc = #docs])*
        #[doc(alias = #code_alias)]
        #(#[doc(alias = #doc_aliases)])*
        #variant = #code {
            attrs: [#deprecated],
            class: #class,
            phrase: #phrase,
            status_line: #status_line,
            registration: #registration,
            source: #source,
            reference: #reference,
            description: #description,
            no_body: #no_body,
            must_headers: [#(#must_headers),*],
            should_headers: [#(#should_headers),*],
            may_headers: [#(#may_headers),*],
            cacheable: #cacheable,
            retryable: #retryable,
            redirect: #redirect,
            permanent: #permanent,
            keeps_method: #keeps_method,
            interim: #interim,
            unsatisfied_range: #unsatisfied_range,
            allow_excludes_method: #allow_excludes_method,
            grpc: #grpc,
            aliases: [#(#aliases)*],
        }
    }
}

/// An alias becomes an associated constant of the enum, with the entry's
/// deprecation, and an item of `aliases()`.
fn alias_row(
    entry: &CodeEntry,
    index: usize,
    alias: &Alias,
    deprecated: Option<&TokenStream>,
) -> TokenStream {
    let name = Ident::new(&alias.name, Span::call_site());
    let doc = docs::alias_doc(entry, index);
    let Alias { phrase, source, .. } = alias;
    let reference = optional_text(alias.reference.as_deref());
    let description = optional_text(alias.description.as_deref());
    quote! {
        #[doc = #doc]
        #deprecated
        #name {
            phrase: #phrase,
            source: #source,
            reference: #reference,
            description: #description,
        }
    }
}

/// `Some("...")` or `None`, which the row's matcher reads as an ident and an
/// optional literal.
fn optional_text(text: Option<&str>) -> TokenStream {
    if let Some(text) = text {
        quote!(Some(#text))
    } else {
        quote!(None)
    }
}

/// A `StatusClass` variant of status-core, which is also the name of the
/// class trait the code's per-code type implements.
fn class_ident(class: Class) -> Ident {
    Ident::new(class.name(), Span::call_site())
}

fn deprecated_attr(entry: &CodeEntry) -> Option<TokenStream> {
    (entry.registration == Registration::Deprecated).then(|| {
        let note = &entry.description;
        quote!(#[deprecated(note = #note)])
    })
}
