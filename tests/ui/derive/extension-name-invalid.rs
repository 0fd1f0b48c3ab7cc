// Member names hold only ASCII letters, digits and `_` (RFC 9457, Section 3.2).
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("missing")]
    #[http(status = 404)]
    Missing(#[http(extension = "item-id")] u64),
}

fn main() {}
