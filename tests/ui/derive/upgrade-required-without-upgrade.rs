// A 426 MUST carry Upgrade (RFC 9110 Section 15.5.22).
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 426)]
    Failed,
}

fn main() {}
