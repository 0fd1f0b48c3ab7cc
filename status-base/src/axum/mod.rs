//! Every error of an axum service as an RFC 9457 problem (feature `axum`).
//!
//! axum answers the errors it makes itself in plain text: its extractors'
//! rejections, the router's 404 and 405, body limits. This module gives the
//! same situations the built-in [`FrameworkError`](crate::FrameworkError)
//! problems, with stable codes:
//!
//! - [`Json`], [`Query`], [`Form`] and (feature `axum-path`) `Path`: drop-in
//!   replacements for axum's extractors whose rejections are problems; a
//!   JSON body that does not fit is a 422 whose `errors[].pointer` names the
//!   member.
//! - [`ProblemLayer`]: around the whole router, it turns every other error
//!   response that is not a problem into one (the router's 404 and 405 with
//!   its `Allow`, a 413 from a body limit), catches panics, and bounds how
//!   long a client may take to send its body and a handler to answer.
//!
//! ```no_run
//! use axum::ServiceExt as _;
//! use axum::routing::post;
//! use status_core::axum::{Json, ProblemLayer};
//! use tower_layer::Layer as _;
//!
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct NewItem {
//!     name: String,
//! }
//!
//! async fn create(Json(item): Json<NewItem>) -> Json<NewItem> {
//!     Json(item)
//! }
//!
//! # async fn run() -> std::io::Result<()> {
//! let router = axum::Router::new().route("/items", post(create));
//! let app = ProblemLayer::new().layer(router);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
//! axum::serve(listener, app.into_make_service()).await
//! # }
//! ```

mod body;
mod extract;
mod layer;
#[cfg(feature = "axum-path")]
mod path;

pub use extract::{Form, Json, Query};
pub use layer::{ProblemLayer, ProblemService, ResponseFuture};
#[cfg(feature = "axum-path")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum-path")))]
pub use path::Path;
