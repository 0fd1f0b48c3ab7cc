// With feature `serde` an extension member's value is `Serialize`; rustc's
// error lands on the field's type.
use status_core::HttpError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("missing")]
    #[http(status = 404)]
    Missing {
        #[http(extension)]
        opaque: Opaque,
    },
}

fn main() {}
