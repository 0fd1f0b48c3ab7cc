// The gRPC code is a name, not a string.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, grpc = "NOT_FOUND")]
    Failed,
}

fn main() {}
