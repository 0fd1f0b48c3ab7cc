// `log` takes one of tracing's level names.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("down for maintenance")]
    #[http(status = 503, log = "loud")]
    Maintenance,
}

fn main() {}
