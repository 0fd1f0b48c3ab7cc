// A misspelled status name gets a suggestion.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = NotFund)]
    Failed,
}

fn main() {}
