// An error is never sent as OK.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, grpc = Ok)]
    Failed,
}

fn main() {}
