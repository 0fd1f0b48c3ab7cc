// Every mistake is reported in one compile, with no follow-on errors where the type is used.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("a")]
    #[http(status = NotFund)]
    A,
    #[error("b")]
    #[http(status = 200)]
    B,
    #[error("c")]
    #[http(status = 401)]
    C,
    #[error("d")]
    D,
}

#[allow(dead_code)]
fn status_of(error: &impl HttpError) -> u16 {
    error.status().as_u16()
}

#[allow(dead_code)]
fn use_it() -> u16 {
    status_of(&ApiError::A)
}

fn main() {}
