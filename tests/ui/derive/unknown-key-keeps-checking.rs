// An unknown key is skipped, not the rest of the attribute: the keys after it are still checked.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(stauts = 404, code = "not a code")]
    Failed,
}

fn main() {}
