// transparent delegates to exactly one field.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("both")]
    #[http(transparent)]
    Both(std::io::Error, u8),
}

fn main() {}
