//! Compile-time benchmark app, hand-written flavour: the 40-variant error enum
//! of `../ours` (25 4xx, 15 5xx) with its status, code, headers and RFC 9457
//! problem+json body written by hand over `http`, `thiserror` and `serde_json`.

mod error;

use error::ApiError;

fn main() {
    let errors = [
        ApiError::ItemNotFound(7),
        ApiError::Unauthenticated,
        ApiError::MethodNotAllowed,
        ApiError::RateLimited,
        ApiError::Unprocessable {
            field: "name".into(),
            reason: "empty".into(),
        },
        ApiError::Database(std::io::Error::other("connection refused by 10.0.0.7")),
        ApiError::Maintenance,
    ];
    for error in &errors {
        let response = error.to_response();
        println!("{} {:?} {}", response.status(), response.headers(), response.body());
    }
    // Keep every variant constructed so none is dead code.
    let all = [
        ApiError::BadRequest(String::new()),
        ApiError::InvalidJson { line: 1, column: 2 },
        ApiError::MissingField("id".into()),
        ApiError::PaymentRequired,
        ApiError::Forbidden { user: 1 },
        ApiError::UserNotFound { id: 1 },
        ApiError::NotAcceptable,
        ApiError::RequestTimeout,
        ApiError::Conflict(String::new()),
        ApiError::VersionConflict { expected: 1, found: 2 },
        ApiError::Gone(1),
        ApiError::LengthRequired,
        ApiError::PreconditionFailed,
        ApiError::ContentTooLarge { size: 2, limit: 1 },
        ApiError::UriTooLong,
        ApiError::UnsupportedMediaType(String::new()),
        ApiError::RangeNotSatisfiable,
        ApiError::ExpectationFailed,
        ApiError::MisdirectedRequest,
        ApiError::Locked,
        ApiError::Internal(String::new()),
        ApiError::Config { key: String::new() },
        ApiError::Serialization(std::fmt::Error),
        ApiError::NotImplemented,
        ApiError::BadGateway(String::new()),
        ApiError::UpstreamUnavailable,
        ApiError::GatewayTimeout,
        ApiError::HttpVersionNotSupported,
        ApiError::VariantAlsoNegotiates,
        ApiError::InsufficientStorage,
        ApiError::LoopDetected,
        ApiError::NotExtended,
        ApiError::NetworkAuthRequired,
    ];
    let total: usize = all.iter().map(|error| error.to_response().body().len()).sum();
    println!("{} more responses, {total} body bytes", all.len());
}
