// A 405 MUST carry Allow (RFC 9110 Section 15.5.6).
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = MethodNotAllowed)]
    Failed,
}

fn main() {}
