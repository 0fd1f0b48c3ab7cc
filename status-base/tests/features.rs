//! What a user's crate expands, under whichever features of status-core are
//! on. Each feature switches hidden `macro_rules!` pairs (`status-base/src/external/`)
//! that `#[derive(HttpError)]` and `status_codes!` call, so CI builds this
//! file once per feature, alone and with `std` (`.ci/run`, step
//! "features"): a pair that does not expand, or an impl that goes missing,
//! fails there and not in a user's build.

use status_core::{HttpError, StatusCode};

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,
    #[error("database unavailable")]
    #[http(status = 503)]
    Db,
}

/// The derive hands generics to each pair as separate groups.
#[derive(Debug, thiserror::Error, HttpError)]
enum Lookup<T: core::fmt::Debug + core::fmt::Display + Send + Sync + 'static> {
    #[error("no item {0}")]
    #[http(status = 404)]
    Missing(T),
}

status_core::status_codes!(
    /// A user's enum: the built-in registry and one code of its own.
    name = AppStatus,
    extend_builtin,
    inline = r#"
        [[code]]
        code = 299
        name = "PartiallyStale"
        phrase = "Partially Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/docs/status#299"
        description = "Some of the returned items come from a stale cache."
    "#
);

/// Compiles only if `T` implements the trait.
macro_rules! assert_impl {
    ($trait:path: $($ty:ty),+) => {{
        fn assert_impl<T: $trait>() {}
        $(assert_impl::<$ty>();)+
    }};
}

#[test]
fn the_derive_and_status_codes_work_under_every_feature_set() {
    assert_impl!(HttpError: ApiError, Lookup<u8>);
    assert_impl!(status_core::ErrorCatalog: ApiError, Lookup<u8>);
    assert_impl!(core::str::FromStr: StatusCode, AppStatus);
    assert_eq!(ApiError::ItemNotFound(7).status(), StatusCode::NotFound);
    assert_eq!(ApiError::RateLimited.status(), StatusCode::TooManyRequests);
    assert_eq!(ApiError::Db.status(), StatusCode::ServiceUnavailable);
    assert_eq!(Lookup::Missing(3_u8).status(), StatusCode::NotFound);
    assert_eq!(AppStatus::PartiallyStale.as_u16(), 299);
    assert_eq!(AppStatus::from_u16(404), Ok(AppStatus::NotFound));
}

#[cfg(feature = "http")]
#[test]
fn http() {
    assert_impl!(Into<http::StatusCode>: StatusCode, AppStatus);
    assert_impl!(TryFrom<http::StatusCode>: StatusCode, AppStatus);
}

#[cfg(feature = "serde")]
#[test]
fn serde() {
    assert_impl!(serde::Serialize: StatusCode, AppStatus);
    assert_impl!(serde::de::DeserializeOwned: StatusCode, AppStatus);
}

#[cfg(feature = "axum")]
#[test]
fn axum() {
    assert_impl!(axum_core::response::IntoResponse: ApiError, Lookup<u8>, StatusCode, AppStatus);
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web() {
    assert_impl!(actix_web::ResponseError: ApiError, Lookup<u8>);
    assert_impl!(actix_web::Responder: StatusCode, AppStatus);
    assert_impl!(Into<actix_web::http::StatusCode>: StatusCode, AppStatus);
    assert_impl!(TryFrom<actix_web::http::StatusCode>: StatusCode, AppStatus);
}

#[cfg(feature = "poem")]
#[test]
fn poem() {
    assert_impl!(poem::error::ResponseError: ApiError, Lookup<u8>);
    assert_impl!(poem::IntoResponse: StatusCode, AppStatus);
}

#[cfg(feature = "utoipa")]
#[test]
fn utoipa() {
    assert_impl!(utoipa::IntoResponses: ApiError, Lookup<u8>);
}

#[cfg(feature = "tonic")]
#[test]
fn tonic() {
    assert_impl!(Into<tonic::Status>: ApiError, Lookup<u8>, status_core::FrameworkError);
    assert_impl!(Into<tonic::Code>: StatusCode, status_core::GrpcCode);
    assert_impl!(Into<StatusCode>: tonic::Code);
}
