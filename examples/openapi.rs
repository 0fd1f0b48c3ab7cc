//! Per-operation OpenAPI errors with utoipa: the program README.md's
//! "OpenAPI with utoipa" section shows, kept compiling here.
//! `cargo run --example openapi` prints the document.

// No handler here constructs the errors; in an app, the handlers do.
#![allow(dead_code)]

use status_core::{ErrorCatalog, FrameworkError, HttpError, ProblemDetails};
use utoipa::IntoResponses;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
use utoipa::openapi::{ComponentsBuilder, OpenApiBuilder, PathsBuilder, ResponseBuilder};

/// Errors every route can answer.
#[derive(Debug, thiserror::Error, HttpError)]
enum AuthError {
    /// No or an unknown bearer token.
    #[error("a valid bearer token is required")]
    #[http(status = 401, www_authenticate = "Bearer")]
    Unauthenticated,
}

/// What `GET /items/{id}` can answer, and nothing else.
#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "https://api.example.com/errors#")]
enum GetItemError {
    /// No item with this id.
    #[error("item {0} not found")]
    #[http(status = 404, code = "item_not_found")]
    NotFound(u64),
    /// The item was deleted.
    #[error("item {item_id} was deleted")]
    #[http(status = 404, code = "item_deleted")]
    Deleted {
        #[http(extension)]
        item_id: u64,
    },
    #[error(transparent)]
    #[http(transparent)]
    Auth(#[from] AuthError),
}

fn main() {
    let mut get_item = OperationBuilder::new()
        .operation_id(Some("getItem"))
        .response(
            "200",
            ResponseBuilder::new().description("The item").build(),
        );
    // 401 and 404: one 404 response, `oneOf` two problems, an example each.
    for (status, response) in GetItemError::responses() {
        get_item = get_item.response(status, response);
    }
    // A framework problem the operation can meet: a path parameter that does not parse.
    let framework = FrameworkError::ERRORS
        .iter()
        .filter(|entry| entry.code == "invalid_path_parameter");
    for (status, response) in status_core::error_responses(framework) {
        get_item = get_item.response(status, response);
    }
    let api = OpenApiBuilder::new()
        .paths(PathsBuilder::new().path(
            "/items/{id}",
            PathItem::new(HttpMethod::Get, get_item.build()),
        ))
        .components(Some(
            ComponentsBuilder::new()
                .schema_from::<ProblemDetails>()
                .build(),
        ))
        .build();
    println!("{}", api.to_pretty_json().expect("the document serializes"));
}
