// Only a heuristically cacheable status (410, 404, ...) may opt in to caching;
// a 409 describes a state that changes.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("name taken")]
    #[http(status = 409, cacheable)]
    DuplicateName,
}

fn main() {}
