// Every variant maps to a status.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("fine")]
    #[http(status = 404)]
    Missing,
    #[error("no attribute")]
    Forgotten,
}

fn main() {}
