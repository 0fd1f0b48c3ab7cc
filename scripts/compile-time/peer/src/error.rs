//! The 40-variant error enum (25 4xx, 15 5xx) of the compile-time benchmark;
//! `main.rs` here and the axum pair (`../../*-axum`) use it.

use http::{Response, StatusCode, header};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    // ---- 4xx (25) ----
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("invalid JSON at line {line}, column {column}")]
    InvalidJson { line: usize, column: usize },
    #[error("missing field `{0}`")]
    MissingField(String),
    #[error("login required")]
    Unauthenticated,
    #[error("a paid plan is required")]
    PaymentRequired,
    #[error("user {user} may not do this")]
    Forbidden { user: u64 },
    #[error("item {0} not found")]
    ItemNotFound(u64),
    #[error("user {id} not found")]
    UserNotFound { id: u64 },
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("no acceptable representation")]
    NotAcceptable,
    #[error("request took too long")]
    RequestTimeout,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("version conflict: expected {expected}, found {found}")]
    VersionConflict { expected: u32, found: u32 },
    #[error("item {0} is gone")]
    Gone(u64),
    #[error("Content-Length required")]
    LengthRequired,
    #[error("precondition failed")]
    PreconditionFailed,
    #[error("body of {size} bytes exceeds {limit}")]
    ContentTooLarge { size: usize, limit: usize },
    #[error("URI too long")]
    UriTooLong,
    #[error("unsupported media type {0}")]
    UnsupportedMediaType(String),
    #[error("range not satisfiable")]
    RangeNotSatisfiable,
    #[error("expectation failed")]
    ExpectationFailed,
    #[error("misdirected request")]
    MisdirectedRequest,
    #[error("field `{field}`: {reason}")]
    Unprocessable { field: String, reason: String },
    #[error("resource locked")]
    Locked,
    #[error("slow down")]
    RateLimited,

    // ---- 5xx (15) ----
    #[error("internal error: {0}")]
    Internal(String),
    #[error("database unavailable")]
    Database(#[source] std::io::Error),
    #[error("bad configuration key {key}")]
    Config { key: String },
    #[error("serialization failed")]
    Serialization(#[source] std::fmt::Error),
    #[error("not implemented")]
    NotImplemented,
    #[error("upstream sent garbage: {0}")]
    BadGateway(String),
    #[error("upstream unavailable")]
    UpstreamUnavailable,
    #[error("down for maintenance")]
    Maintenance,
    #[error("upstream timed out")]
    GatewayTimeout,
    #[error("HTTP version not supported")]
    HttpVersionNotSupported,
    #[error("variant also negotiates")]
    VariantAlsoNegotiates,
    #[error("disk full")]
    InsufficientStorage,
    #[error("loop detected")]
    LoopDetected,
    #[error("not extended")]
    NotExtended,
    #[error("network login required")]
    NetworkAuthRequired,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(..) => StatusCode::BAD_REQUEST,
            Self::InvalidJson { .. } => StatusCode::BAD_REQUEST,
            Self::MissingField(..) => StatusCode::BAD_REQUEST,
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::PaymentRequired => StatusCode::PAYMENT_REQUIRED,
            Self::Forbidden { .. } => StatusCode::FORBIDDEN,
            Self::ItemNotFound(..) => StatusCode::NOT_FOUND,
            Self::UserNotFound { .. } => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            Self::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::Conflict(..) => StatusCode::CONFLICT,
            Self::VersionConflict { .. } => StatusCode::CONFLICT,
            Self::Gone(..) => StatusCode::GONE,
            Self::LengthRequired => StatusCode::LENGTH_REQUIRED,
            Self::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            Self::ContentTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UriTooLong => StatusCode::URI_TOO_LONG,
            Self::UnsupportedMediaType(..) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::RangeNotSatisfiable => StatusCode::RANGE_NOT_SATISFIABLE,
            Self::ExpectationFailed => StatusCode::EXPECTATION_FAILED,
            Self::MisdirectedRequest => StatusCode::MISDIRECTED_REQUEST,
            Self::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Locked => StatusCode::LOCKED,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(..) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Database(..) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Config { .. } => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Serialization(..) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::NotImplemented => StatusCode::NOT_IMPLEMENTED,
            Self::BadGateway(..) => StatusCode::BAD_GATEWAY,
            Self::UpstreamUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Maintenance => StatusCode::SERVICE_UNAVAILABLE,
            Self::GatewayTimeout => StatusCode::GATEWAY_TIMEOUT,
            Self::HttpVersionNotSupported => StatusCode::HTTP_VERSION_NOT_SUPPORTED,
            Self::VariantAlsoNegotiates => StatusCode::VARIANT_ALSO_NEGOTIATES,
            Self::InsufficientStorage => StatusCode::INSUFFICIENT_STORAGE,
            Self::LoopDetected => StatusCode::LOOP_DETECTED,
            Self::NotExtended => StatusCode::NOT_EXTENDED,
            Self::NetworkAuthRequired => StatusCode::NETWORK_AUTHENTICATION_REQUIRED,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::BadRequest(..) => "bad_request",
            Self::InvalidJson { .. } => "invalid_json",
            Self::MissingField(..) => "missing_field",
            Self::Unauthenticated => "unauthenticated",
            Self::PaymentRequired => "payment_required",
            Self::Forbidden { .. } => "forbidden",
            Self::ItemNotFound(..) => "item_not_found",
            Self::UserNotFound { .. } => "user_not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::NotAcceptable => "not_acceptable",
            Self::RequestTimeout => "request_timeout",
            Self::Conflict(..) => "conflict",
            Self::VersionConflict { .. } => "version_conflict",
            Self::Gone(..) => "gone",
            Self::LengthRequired => "length_required",
            Self::PreconditionFailed => "precondition_failed",
            Self::ContentTooLarge { .. } => "content_too_large",
            Self::UriTooLong => "uri_too_long",
            Self::UnsupportedMediaType(..) => "unsupported_media_type",
            Self::RangeNotSatisfiable => "range_not_satisfiable",
            Self::ExpectationFailed => "expectation_failed",
            Self::MisdirectedRequest => "misdirected_request",
            Self::Unprocessable { .. } => "validation_failed",
            Self::Locked => "locked",
            Self::RateLimited => "rate_limited",
            Self::Internal(..) => "internal",
            Self::Database(..) => "database",
            Self::Config { .. } => "config",
            Self::Serialization(..) => "serialization",
            Self::NotImplemented => "not_implemented",
            Self::BadGateway(..) => "bad_gateway",
            Self::UpstreamUnavailable => "upstream_unavailable",
            Self::Maintenance => "maintenance",
            Self::GatewayTimeout => "gateway_timeout",
            Self::HttpVersionNotSupported => "http_version_not_supported",
            Self::VariantAlsoNegotiates => "variant_also_negotiates",
            Self::InsufficientStorage => "insufficient_storage",
            Self::LoopDetected => "loop_detected",
            Self::NotExtended => "not_extended",
            Self::NetworkAuthRequired => "network_auth_required",
        }
    }

    fn exposes_detail(&self) -> bool {
        matches!(self, Self::Maintenance) || !self.status().is_server_error()
    }

    fn headers(&self) -> Vec<(header::HeaderName, &'static str)> {
        match self {
            Self::Unauthenticated => vec![(header::WWW_AUTHENTICATE, "Bearer realm=\"api\"")],
            Self::MethodNotAllowed => vec![(header::ALLOW, "GET, POST")],
            Self::RateLimited => vec![(header::RETRY_AFTER, "60")],
            Self::UpstreamUnavailable => vec![(header::RETRY_AFTER, "120")],
            _ => Vec::new(),
        }
    }

    pub fn to_response(&self) -> Response<String> {
        let status = self.status();
        let reason = status.canonical_reason().unwrap_or("Unknown");
        let detail = if self.exposes_detail() {
            self.to_string()
        } else {
            reason.to_owned()
        };
        let body = json!({
            "type": "about:blank",
            "title": reason,
            "status": status.as_u16(),
            "detail": detail,
            "code": self.code(),
        });
        let mut builder = Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "application/problem+json");
        for (name, value) in self.headers() {
            builder = builder.header(name, value);
        }
        builder.body(body.to_string()).expect("valid response")
    }
}

