// rustc's own error, spanned on the field's type.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 429, retry_after = when)]
    RateLimited { when: String },
}

fn main() {}
