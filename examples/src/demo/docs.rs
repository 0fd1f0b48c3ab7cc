//! The demo documents its errors from the derive alone: `/openapi.json` takes
//! every error response from the catalogs of `DemoError` and of the
//! framework problems it composes, and `/errors` lists both, the page the
//! demo's problem `type` URIs (`/errors#<code>`) point into.

use std::fmt::Write as _;

use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Response};
use headers::HeaderMapExt as _;
use headers_accept::Accept;
use mediatype::MediaType;
use mediatype::names::{APPLICATION, HTML, JSON, TEXT};
use status_core::axum::Json;
use status_core::{CatalogEntry, ErrorCatalog, FrameworkError, StatusCode};
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{
    ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder, PathsBuilder, Required,
    ResponseBuilder,
};

use crate::error::DemoError;
use crate::layout::{self, escape};

/// The documented operations: method, path, summary, success status and its
/// description. Every operation can answer with any `DemoError` (the
/// middleware's 401, 429 and 503 apply to all routes) and any framework
/// problem.
#[rustfmt::skip]
const OPERATIONS: &[(HttpMethod, &str, &str, StatusCode, &str)] = &[
    (HttpMethod::Get, "/health", "Liveness", StatusCode::Ok, "The service is up."),
    (HttpMethod::Get, "/items", "List items, paginated", StatusCode::Ok, "A page of items."),
    (HttpMethod::Post, "/items", "Create an item", StatusCode::Created, "Created; `Location` names it."),
    (HttpMethod::Get, "/items/{id}", "Read an item", StatusCode::Ok, "The item, with an `ETag`."),
    (HttpMethod::Put, "/items/{id}", "Replace an item", StatusCode::Ok, "The updated item."),
    (HttpMethod::Delete, "/items/{id}", "Delete an item", StatusCode::NoContent, "Deleted."),
    (HttpMethod::Post, "/jobs", "Start a job", StatusCode::Accepted, "Accepted; poll `Location`."),
    (HttpMethod::Get, "/jobs/{id}", "Poll a job", StatusCode::Ok, "The job's state."),
];

/// The OpenAPI 3.1 document of the demo.
#[must_use]
pub fn openapi() -> OpenApi {
    let errors = status_core::error_responses(catalogs());
    let mut paths = PathsBuilder::new();
    let mut items: Vec<(&str, PathItem)> = Vec::new();
    for (method, path, summary, status, description) in OPERATIONS {
        let mut operation = OperationBuilder::new().summary(Some(*summary)).response(
            status.as_str(),
            ResponseBuilder::new().description(*description).build(),
        );
        for (error_status, response) in &errors {
            operation = operation.response(error_status.clone(), response.clone());
        }
        if path.contains("{id}") {
            operation = operation.parameter(
                ParameterBuilder::new()
                    .name("id")
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .schema(Some(
                        ObjectBuilder::new().schema_type(Type::Integer).format(Some(
                            utoipa::openapi::SchemaFormat::KnownFormat(
                                utoipa::openapi::KnownFormat::Int64,
                            ),
                        )),
                    )),
            );
        }
        let operation = operation.build();
        if let Some((_, item)) = items.iter_mut().find(|(known, _)| known == path) {
            let merged = PathItem::new(method.clone(), operation);
            item.merge_operations(merged);
        } else {
            items.push((path, PathItem::new(method.clone(), operation)));
        }
    }
    for (path, item) in items {
        paths = paths.path(path, item);
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("status-core demo")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "An item service whose every error is an RFC 9457 problem from one \
                     `#[derive(HttpError)]` enum. Problem types are documented at `/errors`.",
                )),
        )
        .paths(paths)
        .components(Some(
            ComponentsBuilder::new()
                .schema_from::<status_core::ProblemDetails>()
                .build(),
        ))
        .build()
}

/// Every problem the demo answers with: its own, then the framework's.
fn catalogs() -> [&'static [CatalogEntry]; 2] {
    [DemoError::ERRORS, FrameworkError::ERRORS]
}

/// `GET /openapi.json`.
pub(super) async fn openapi_json() -> Response {
    Json(openapi()).into_response()
}

/// `GET /errors`: the catalog as JSON for clients that ask for it, an HTML
/// page with one anchor per code otherwise.
pub(super) async fn error_catalog(headers: HeaderMap) -> Response {
    const PAGE: MediaType<'static> = MediaType::new(TEXT, HTML);
    const DATA: MediaType<'static> = MediaType::new(APPLICATION, JSON);
    let wants_json = headers
        .typed_get::<Accept>()
        .and_then(|accept| accept.negotiate([&PAGE, &DATA]).cloned())
        == Some(DATA);
    let errors: Vec<CatalogEntry> = catalogs().into_iter().flatten().copied().collect();
    if wants_json {
        Json(errors).into_response()
    } else {
        Html(catalog_page(&errors)).into_response()
    }
}

/// A plain page: a section per error, its id the code, so `/errors#<code>`
/// lands on it.
#[must_use]
pub fn catalog_page(errors: &[CatalogEntry]) -> String {
    let mut page = String::from(
        "<h1>Errors</h1>\n<p>Every problem this API answers with. A problem's <code>type</code> links to its section.</p>\n",
    );
    for (position, entry) in errors.iter().enumerate() {
        // Variants may share a code (two masked 500s are both `internal`):
        // the first one's section takes the id, so ids stay unique.
        let first = errors[..position]
            .iter()
            .all(|earlier| earlier.code != entry.code);
        let id = if first {
            format!(" id=\"{}\"", escape(entry.code))
        } else {
            String::new()
        };
        let headers: Vec<String> = entry
            .headers
            .iter()
            .map(|header| escape(header.name))
            .collect();
        let _ = write!(
            page,
            "<section{id}>\n<h2>{status} {title}: <code>{code}</code></h2>\n<p>{description}</p>\n<dl><dt>Variant</dt><dd>{variant}</dd><dt>Detail shown to clients</dt><dd>{exposed}</dd><dt>Headers</dt><dd>{headers}</dd></dl>\n</section>\n",
            code = escape(entry.code),
            status = entry.status.as_u16(),
            title = escape(entry.title()),
            description = escape(entry.description),
            variant = escape(entry.variant),
            exposed = if entry.exposes_detail {
                "yes"
            } else {
                "no (masked)"
            },
            headers = if headers.is_empty() {
                "none".to_owned()
            } else {
                headers.join(", ")
            },
        );
    }
    layout::page("Errors", &page)
}
