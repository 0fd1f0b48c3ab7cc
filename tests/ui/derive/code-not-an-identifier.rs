// code is machine-readable.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, code = "item not found!")]
    Failed,
}

fn main() {}
