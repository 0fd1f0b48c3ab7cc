// A 401 MUST carry WWW-Authenticate (RFC 9110 Section 15.5.2).
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 401)]
    Failed,
}

fn main() {}
