//! The 40-variant error enum (25 4xx, 15 5xx) of the compile-time benchmark;
//! `main.rs` here and the axum pair (`../../*-axum`) use it.

// 510 is obsoleted in the registry, and the derive says so; the peer uses it
// too, and the warning would only clutter `scripts/compile-time.sh`'s output.
#![allow(deprecated)]

use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
pub enum ApiError {
    // ---- 4xx (25) ----
    #[error("bad request: {0}")]
    #[http(status = BadRequest)]
    BadRequest(String),
    #[error("invalid JSON at line {line}, column {column}")]
    #[http(status = 400, code = "invalid_json")]
    InvalidJson { line: usize, column: usize },
    #[error("missing field `{0}`")]
    #[http(status = 400)]
    MissingField(String),
    #[error("login required")]
    #[http(status = Unauthorized, www_authenticate = "Bearer realm=\"api\"")]
    Unauthenticated,
    #[error("a paid plan is required")]
    #[http(status = 402)]
    PaymentRequired,
    #[error("user {user} may not do this")]
    #[http(status = Forbidden)]
    Forbidden { user: u64 },
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("user {id} not found")]
    #[http(status = 404)]
    UserNotFound { id: u64 },
    #[error("method not allowed")]
    #[http(status = 405, allow = "GET, POST")]
    MethodNotAllowed,
    #[error("no acceptable representation")]
    #[http(status = NotAcceptable)]
    NotAcceptable,
    #[error("request took too long")]
    #[http(status = 408)]
    RequestTimeout,
    #[error("conflict: {0}")]
    #[http(status = Conflict)]
    Conflict(String),
    #[error("version conflict: expected {expected}, found {found}")]
    #[http(status = 409)]
    VersionConflict { expected: u32, found: u32 },
    #[error("item {0} is gone")]
    #[http(status = Gone)]
    Gone(u64),
    #[error("Content-Length required")]
    #[http(status = 411)]
    LengthRequired,
    #[error("precondition failed")]
    #[http(status = PreconditionFailed)]
    PreconditionFailed,
    #[error("body of {size} bytes exceeds {limit}")]
    #[http(status = 413)]
    ContentTooLarge { size: usize, limit: usize },
    #[error("URI too long")]
    #[http(status = UriTooLong)]
    UriTooLong,
    #[error("unsupported media type {0}")]
    #[http(status = 415)]
    UnsupportedMediaType(String),
    #[error("range not satisfiable")]
    #[http(status = RangeNotSatisfiable)]
    RangeNotSatisfiable,
    #[error("expectation failed")]
    #[http(status = 417)]
    ExpectationFailed,
    #[error("misdirected request")]
    #[http(status = MisdirectedRequest)]
    MisdirectedRequest,
    #[error("field `{field}`: {reason}")]
    #[http(status = 422, code = "validation_failed")]
    Unprocessable { field: String, reason: String },
    #[error("resource locked")]
    #[http(status = Locked)]
    Locked,
    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,

    // ---- 5xx (15) ----
    #[error("internal error: {0}")]
    #[http(status = 500)]
    Internal(String),
    #[error("database unavailable")]
    #[http(status = ServiceUnavailable)]
    Database(#[source] std::io::Error),
    #[error("bad configuration key {key}")]
    #[http(status = InternalServerError)]
    Config { key: String },
    #[error("serialization failed")]
    #[http(status = 500)]
    Serialization(#[source] std::fmt::Error),
    #[error("not implemented")]
    #[http(status = NotImplemented)]
    NotImplemented,
    #[error("upstream sent garbage: {0}")]
    #[http(status = 502)]
    BadGateway(String),
    #[error("upstream unavailable")]
    #[http(status = 503, retry_after = 120)]
    UpstreamUnavailable,
    #[error("down for maintenance")]
    #[http(status = ServiceUnavailable, expose)]
    Maintenance,
    #[error("upstream timed out")]
    #[http(status = GatewayTimeout)]
    GatewayTimeout,
    #[error("HTTP version not supported")]
    #[http(status = 505)]
    HttpVersionNotSupported,
    #[error("variant also negotiates")]
    #[http(status = VariantAlsoNegotiates)]
    VariantAlsoNegotiates,
    #[error("disk full")]
    #[http(status = 507)]
    InsufficientStorage,
    #[error("loop detected")]
    #[http(status = LoopDetected)]
    LoopDetected,
    #[error("not extended")]
    #[http(status = 510)]
    NotExtended,
    #[error("network login required")]
    #[http(status = NetworkAuthenticationRequired)]
    NetworkAuthRequired,
}

