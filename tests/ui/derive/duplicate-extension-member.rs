// A problem sends each member once.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("out of credit")]
    #[http(status = 403)]
    OutOfCredit {
        #[http(extension)]
        balance: u32,
        #[http(extension = "balance")]
        old_balance: u32,
        #[http(instance, extension)]
        instance: String,
    },
}

fn main() {}
