// A key far from every known one gets the list of keys.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, colour = "red")]
    Failed,
}

fn main() {}
