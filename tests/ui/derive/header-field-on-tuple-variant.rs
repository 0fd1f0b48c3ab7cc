// Fields are referenced by name.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 429, retry_after = seconds)]
    RateLimited(u64),
}

fn main() {}
