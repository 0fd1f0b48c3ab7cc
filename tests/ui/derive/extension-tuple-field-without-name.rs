// A tuple field has no name for its member: it needs `extension = "..."`.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("missing")]
    #[http(status = 404)]
    Missing(#[http(extension)] u64),
}

fn main() {}
