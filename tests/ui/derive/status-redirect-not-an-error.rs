// A redirect is not an error response either.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = Found)]
    Failed,
}

fn main() {}
