// Only a 5xx is logged, so only a 5xx takes a level.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("no such item")]
    #[http(status = 404, log = "info")]
    NotFound,
}

fn main() {}
