// grpc_domain is the type's, not a variant's.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, grpc_domain = "shop.example.com")]
    Failed,
}

fn main() {}
