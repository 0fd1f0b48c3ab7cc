// Header names are RFC 9110 tokens.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 400, header("X Request Id" = "abc"))]
    Failed,
}

fn main() {}
