// code.proto's spelling is not the Rust name; the hint gives the Rust name.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 409, grpc = FAILED_PRECONDITION)]
    Failed,
}

fn main() {}
