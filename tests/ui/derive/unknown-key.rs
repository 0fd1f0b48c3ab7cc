// A misspelled key gets a suggestion.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(stauts = 404)]
    Failed,
}

fn main() {}
