// The axum half of the compile-time benchmark's second pair, the same on both
// sides (`include!`d by `peer-axum` and `ours-axum`): a router whose handlers
// return `ApiError`, and one response of each kind printed.

use axum::extract::Path;
use axum::response::IntoResponse;
use axum::routing::get;

async fn item(Path(id): Path<u64>) -> Result<String, ApiError> {
    if id == 0 {
        Err(ApiError::ItemNotFound(id))
    } else {
        Ok(format!("item {id}"))
    }
}

async fn limited() -> Result<String, ApiError> {
    Err(ApiError::RateLimited)
}

fn main() {
    let app: axum::Router = axum::Router::new()
        .route("/items/{id}", get(item))
        .route("/limited", get(limited));
    drop(app);
    for error in [
        ApiError::ItemNotFound(7),
        ApiError::Unauthenticated,
        ApiError::RateLimited,
        ApiError::Database(std::io::Error::other("connection refused by 10.0.0.7")),
    ] {
        let response = error.into_response();
        println!("{} {:?}", response.status(), response.headers());
    }
}
