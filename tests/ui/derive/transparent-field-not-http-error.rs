// rustc's own error, spanned on the field's type.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error(transparent)]
    #[http(transparent)]
    Io(std::io::Error),
}

fn main() {}
