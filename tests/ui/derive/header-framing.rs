// Content-Type and Content-Length describe the problem+json body the adapters write.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 400, header("Content-Type" = "text/plain"))]
    Failed,
}

fn main() {}
