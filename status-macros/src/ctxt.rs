//! Collects every error of one macro input so they are reported together
//! (the `serde_derive` pattern).

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

pub(crate) struct Ctxt {
    // `None` once `check` has run; the drop check relies on it.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    /// Records an error on the tokens of `object`.
    pub(crate) fn error_spanned_by(&self, object: impl ToTokens, message: impl Display) {
        self.syn_error(syn::Error::new_spanned(object.into_token_stream(), message));
    }

    /// Records an error on a span.
    pub(crate) fn error_at(&self, span: proc_macro2::Span, message: impl Display) {
        self.syn_error(syn::Error::new(span, message));
    }

    pub(crate) fn syn_error(&self, error: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(error);
        }
    }

    /// All recorded errors folded into one, or `Ok` when there were none.
    pub(crate) fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // A forgotten `check` would silently swallow errors; fail loudly in
        // development instead, but never while already unwinding.
        assert!(
            std::thread::panicking() || self.errors.borrow().is_none(),
            "Ctxt dropped without calling check()"
        );
    }
}
