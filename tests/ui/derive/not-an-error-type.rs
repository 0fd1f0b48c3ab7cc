// rustc's own error: HttpError extends std::error::Error.
use status_core::HttpError;

#[derive(Debug, HttpError)]
enum ApiError {
    #[http(status = 404)]
    Missing,
}

fn main() {}
