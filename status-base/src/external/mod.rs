//! Integrations with other crates, one file per cargo feature. Each file defines
//! the hidden `macro_rules!` that `status_codes!` output calls, so generated code
//! carries no `#[cfg]` of its own: the features of *this* crate decide.

#[cfg(feature = "actix-web")]
pub(crate) mod actix_web;
#[cfg(feature = "actix-web")]
pub mod actix_web_problems;
#[cfg(feature = "axum")]
pub(crate) mod axum;
#[cfg(feature = "http")]
pub(crate) mod http;
#[cfg(feature = "poem")]
pub(crate) mod poem;
#[cfg(feature = "poem")]
pub mod poem_problems;
#[cfg(feature = "serde")]
pub(crate) mod serde;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "utoipa")]
pub(crate) mod utoipa;

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __with_actix_web {
    ($($item:tt)*) => {};
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __with_http {
    ($($item:tt)*) => {};
}

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

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_axum {
    ($doctests:ident, $ty:ident) => {};
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_actix_web {
    ($doctests:ident, $ty:ident) => {};
}

#[cfg(not(feature = "poem"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_poem {
    ($doctests:ident, $ty:ident) => {};
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
}

#[cfg(not(feature = "poem"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
}
