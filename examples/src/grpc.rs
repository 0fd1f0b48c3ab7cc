//! One error enum served over HTTP and gRPC from one axum router, on one
//! port: `GET /items/{id}` answers problem+json, the gRPC method
//! `shop.Shop/GetItem` answers a `tonic::Status`, and both come from the
//! same `ShopError` (`cargo run --example grpc`).
//!
//! The gRPC side needs no `.proto` file and no `protoc`: its two messages
//! derive `prost::Message`, and the method is one `tonic::server::Grpc::unary`
//! call on a route of the router.

use std::convert::Infallible;

use axum::extract::Path;
use axum::http::uri::PathAndQuery;
use axum::routing::{any_service, get};
use axum::{Json, Router};
use status_core::HttpError;
use tonic_prost::ProstCodec;

/// The errors of the shop, for both protocols.
#[derive(Debug, thiserror::Error, HttpError)]
#[http(grpc_domain = "shop.example.com")]
pub enum ShopError {
    /// No item has this id.
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    /// The item exists but is being restocked; gRPC clients get
    /// `FAILED_PRECONDITION` rather than the 409's `ABORTED`.
    #[error("item {0} is being restocked")]
    #[http(status = 409, grpc = FailedPrecondition, code = "restocking")]
    Restocking(u64),
    /// The store is down: masked on both protocols, and worth a retry.
    #[error("inventory database unreachable at 10.0.0.7:5432")]
    #[http(status = 503, retry_after = 5)]
    Unavailable,
}

/// `shop.GetItemRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetItemRequest {
    /// The item's id.
    #[prost(uint64, tag = "1")]
    pub id: u64,
}

/// `shop.Item`, the answer of both protocols.
#[derive(Clone, PartialEq, prost::Message, serde::Serialize)]
pub struct Item {
    /// The item's id.
    #[prost(uint64, tag = "1")]
    pub id: u64,
    /// Its name.
    #[prost(string, tag = "2")]
    pub name: String,
}

/// The gRPC method's path.
pub const GET_ITEM: &str = "/shop.Shop/GetItem";

/// The shop's one operation, which both protocols call: item 1 exists,
/// item 2 is being restocked, item 3 finds the database down.
///
/// # Errors
///
/// [`ShopError`] for every other id.
pub fn find_item(id: u64) -> Result<Item, ShopError> {
    match id {
        1 => Ok(Item {
            id,
            name: "desk lamp".to_owned(),
        }),
        2 => Err(ShopError::Restocking(id)),
        3 => Err(ShopError::Unavailable),
        _ => Err(ShopError::ItemNotFound(id)),
    }
}

async fn http_item(Path(id): Path<u64>) -> Result<Json<Item>, ShopError> {
    find_item(id).map(Json)
}

/// The router: the HTTP route and the gRPC method side by side. Serve it
/// with `axum::serve`, which speaks HTTP/1.1 and, with axum's `http2`
/// feature, the HTTP/2 that gRPC needs.
pub fn app() -> Router {
    let get_item = tower::service_fn(|request: tonic::Request<GetItemRequest>| async move {
        find_item(request.into_inner().id)
            .map(tonic::Response::new)
            .map_err(tonic::Status::from)
    });
    let grpc = tower::service_fn(move |request: axum::extract::Request| async move {
        let mut grpc = tonic::server::Grpc::new(ProstCodec::<Item, GetItemRequest>::default());
        Ok::<_, Infallible>(grpc.unary(get_item, request).await)
    });
    Router::new()
        .route("/items/{id}", get(http_item))
        .route(GET_ITEM, any_service(grpc))
}

/// Calls `shop.Shop/GetItem` on `channel`, as a generated client would.
///
/// # Errors
///
/// The `tonic::Status` the server answered with, or a transport error as
/// one.
pub async fn get_item_grpc(
    channel: tonic::transport::Channel,
    id: u64,
) -> Result<Item, tonic::Status> {
    let mut client = tonic::client::Grpc::new(channel);
    client
        .ready()
        .await
        .map_err(|error| tonic::Status::unavailable(error.to_string()))?;
    let response = client
        .unary(
            tonic::Request::new(GetItemRequest { id }),
            PathAndQuery::from_static(GET_ITEM),
            ProstCodec::<GetItemRequest, Item>::default(),
        )
        .await?;
    Ok(response.into_inner())
}
