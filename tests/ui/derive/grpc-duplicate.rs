// `grpc` once per variant.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 503, grpc = Unavailable, grpc = Internal)]
    Failed,
}

fn main() {}
