// A client branches on `code`: one code cannot mean two statuses.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("missing")]
    #[http(status = 404, code = "missing")]
    Missing,
    #[error("gone")]
    #[http(status = 410, code = "missing")]
    Gone,
    // The same code with the same status is fine.
    #[error("missing too")]
    #[http(status = NotFound, code = "missing")]
    AlsoMissing,
}

fn main() {}
