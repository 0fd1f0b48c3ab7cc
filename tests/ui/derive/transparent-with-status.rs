// transparent takes everything from the inner error.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("inner")]
#[http(status = 404)]
struct Inner;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error(transparent)]
    #[http(transparent, status = 500)]
    Wrapped(Inner),
}

fn main() {}
