//! One `[[warning]]` entry as a row of status-core's `warning_code_enum!`.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::docs;
use crate::spec::WarningEntry;

pub(crate) fn warning_row(entry: &WarningEntry) -> TokenStream {
    let variant = Ident::new(&entry.name, Span::call_site());
    let code = Literal::u16_unsuffixed(entry.code);
    let docs = docs::warning_doc(entry);
    let warning_line = format!("{} {}", entry.code, entry.phrase);
    let WarningEntry {
        phrase,
        reference,
        description,
        ..
    } = entry;
    quote! {
        #(#[doc = #docs])*
        #variant = #code {
            warn_text: #phrase,
            warning_line: #warning_line,
            reference: #reference,
            description: #description,
        }
    }
}
