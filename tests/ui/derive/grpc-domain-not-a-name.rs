// grpc_domain names a service, such as a host name.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http(grpc_domain = "our shop")]
enum ApiError {
    #[error("failed")]
    #[http(status = 404)]
    Failed,
}

fn main() {}
