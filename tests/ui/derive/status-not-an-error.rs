// Only 4xx and 5xx statuses are errors.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 200)]
    Failed,
}

fn main() {}
