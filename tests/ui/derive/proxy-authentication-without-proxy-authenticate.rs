// A 407 MUST carry Proxy-Authenticate (RFC 9110 Section 15.5.8).
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 407)]
    Failed,
}

fn main() {}
