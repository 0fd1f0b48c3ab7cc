// retry_after takes whole seconds or a field.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 429, retry_after = "soon")]
    Failed,
}

fn main() {}
