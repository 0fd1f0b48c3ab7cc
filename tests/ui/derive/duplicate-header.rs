// A header is set once, whichever key sets it.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 405, allow = "GET", header("Allow" = "HEAD"))]
    Failed,
}

fn main() {}
