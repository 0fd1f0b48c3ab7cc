//! Integrations with other crates, one file per cargo feature. Each file defines
//! the hidden `macro_rules!` that `status_codes!` output calls, so generated code
//! carries no `#[cfg]` of its own: the features of *this* crate decide.

#[cfg(feature = "http")]
pub(crate) mod http;
#[cfg(feature = "serde")]
pub(crate) mod serde;

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_http {
    ($ty:ident) => {};
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_serde {
    ($ty:ident) => {};
}
