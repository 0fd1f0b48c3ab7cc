// A deprecated status warns on the user's token, as `StatusCode::UseProxy`
// does; `deny` turns the warnings into errors to pin them.
#![deny(deprecated)]

use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("not extended")]
    #[http(status = 510)]
    NotExtended,
    #[error("not extended")]
    #[http(status = NotExtended)]
    ByName,
}

fn main() {}
