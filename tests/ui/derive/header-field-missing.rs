// A header from a field names an existing field.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 429, retry_after = wait)]
    RateLimited { seconds: u64 },
}

fn main() {}
