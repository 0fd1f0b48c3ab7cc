// A misspelled gRPC code gets a suggestion.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 503, grpc = Unavalable)]
    Failed,
}

fn main() {}
