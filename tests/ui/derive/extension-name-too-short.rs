// An extension member name has at least three characters (RFC 9457, Section 3.2).
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("missing")]
    #[http(status = 404)]
    Missing {
        #[http(extension)]
        id: u64,
    },
}

fn main() {}
