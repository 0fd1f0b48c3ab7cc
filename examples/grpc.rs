//! One error enum over HTTP and gRPC: `cargo run --example grpc`.
//!
//! Serves `status_examples::grpc::app()` (an axum router with an HTTP route
//! and a gRPC method) on a loopback port, asks both protocols for the same
//! items, and prints what each answered: the problem+json body next to the
//! gRPC status, its code, message and `ErrorInfo`.

use axum::body::{Body, to_bytes};
use status_examples::grpc::{self, get_item_grpc};
use tonic_types::StatusExt as _;
use tower::ServiceExt as _;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, grpc::app()).await });
    let channel = tonic::transport::Channel::from_shared(format!("http://{address}"))?
        .connect()
        .await?;
    println!("serving HTTP and gRPC on {address}\n");

    for id in 1..=4 {
        let request = axum::http::Request::get(format!("/items/{id}")).body(Body::empty())?;
        let response = grpc::app().oneshot(request).await?;
        let status = response.status();
        let body = to_bytes(response.into_body(), 64 * 1024).await?;
        println!(
            "GET /items/{id} -> {status}\n  {}",
            String::from_utf8_lossy(&body)
        );

        match get_item_grpc(channel.clone(), id).await {
            Ok(item) => println!("{} {{ id: {id} }} -> OK {item:?}\n", grpc::GET_ITEM),
            Err(status) => {
                let info = status.get_details_error_info();
                println!(
                    "{} {{ id: {id} }} -> {:?} {:?}\n  ErrorInfo {:?}\n",
                    grpc::GET_ITEM,
                    status.code(),
                    status.message(),
                    info.map(|info| (info.reason, info.domain)),
                );
            }
        }
    }
    Ok(())
}
