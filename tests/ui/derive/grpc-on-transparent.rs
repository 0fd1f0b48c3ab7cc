// A transparent variant takes its gRPC code from the inner error too.
use status_core::{FrameworkError, HttpError};

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error(transparent)]
    #[http(transparent, grpc = Internal)]
    Framework(#[from] FrameworkError),
}

fn main() {}
