// A header literal cannot split the response.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 405, allow = "GET\r\nSet-Cookie: admin=1")]
    Failed,
}

fn main() {}
