// type_base is a URI.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "see our docs")]
enum ApiError {
    #[error("failed")]
    #[http(status = 404)]
    Failed,
}

fn main() {}
