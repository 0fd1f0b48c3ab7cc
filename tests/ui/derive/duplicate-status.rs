// Each key is given once.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, status = 410)]
    Failed,
}

fn main() {}
