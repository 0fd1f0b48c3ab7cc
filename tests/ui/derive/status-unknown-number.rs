// A status must be in the registry.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 4040)]
    Failed,
}

fn main() {}
