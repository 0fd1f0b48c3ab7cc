// status belongs on a variant.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http(status = 500)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404)]
    Failed,
}

fn main() {}
