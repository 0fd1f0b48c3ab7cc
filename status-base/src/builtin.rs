//! The built-in registry, expanded: [`StatusCode`], [`WarningCode`] and the
//! per-code types of [`codes`], all re-exported at the crate root.
//!
//! The invocation below is not compiled: `builtin/expanded.rs` is its
//! expansion, checked in so that this crate does not wait for the
//! proc-macro to be built (see `status-macros/src/expanded.rs`, whose test
//! expands it again and fails when the two differ).

#[cfg(any())]
crate::status_codes!(
    /// An HTTP status code from the registry: every IANA-registered code, the
    /// unofficial codes common in the wild, each with its phrase, reference and
    /// protocol rules.
    ///
    /// ```
    /// use status_core::StatusCode;
    ///
    /// assert_eq!(StatusCode::NotFound.as_u16(), 404);
    /// assert_eq!(StatusCode::NotFound.to_string(), "404 Not Found");
    /// assert_eq!("404".parse::<StatusCode>(), Ok(StatusCode::NotFound));
    /// assert_eq!(u16::from(StatusCode::ImATeapot), 418);
    /// assert_eq!(size_of::<Option<StatusCode>>(), 2);
    /// ```
    ///
    /// The enum is `#[non_exhaustive]`: registries grow, and a new code is not
    /// a breaking change.
    codes_module = codes,
    // Internal to this crate: the method docs may carry examples that name
    // `status_core::StatusCode`, which are doctests here and would not
    // compile in a user's crate.
    __doctests,
);

#[allow(clippy::all, clippy::pedantic, missing_docs, unreachable_pub)]
mod expanded {
    include!("builtin/expanded.rs");
}

pub use expanded::*;
