// A name far from every gRPC code lists them all.
use status_core::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("failed")]
    #[http(status = 404, grpc = Teapot)]
    Failed,
}

fn main() {}
