// `extension` marks a field, not a variant.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("missing")]
    #[http(status = 404, extension)]
    Missing { id: u64 },
}

fn main() {}
