// The body writes `code` itself: no extension member may take the name.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("missing")]
    #[http(status = 404)]
    Missing {
        #[http(extension = "code")]
        reason: u64,
    },
}

fn main() {}
