// type_base belongs on the enum.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, type_base = "https://example.com/")]
    Failed,
}

fn main() {}
