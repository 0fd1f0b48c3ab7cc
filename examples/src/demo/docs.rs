//! The demo documents itself from the derive: `/openapi.json` lists every
//! operation with exactly the problems its handler, the middleware in front
//! of it and the framework can answer, each taken from the catalogs of
//! `DemoError` (which composes status-core's framework problems), and
//! `/errors` is the page the demo's problem `type` URIs (`/errors#<code>`)
//! point into.
//!
//! The operation table is the one place a route's errors are written down;
//! `tests/e2e_docs.rs` holds every code in it to the catalog, and
//! Schemathesis (`scripts/schemathesis.sh`) holds the server to the document.

use std::fmt::Write as _;

use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Response};
use headers::HeaderMapExt as _;
use headers_accept::Accept;
use mediatype::MediaType;
use mediatype::names::{APPLICATION, HTML, JSON, TEXT};
use status_core::axum::Json;
use status_core::{CatalogEntry, ErrorCatalog, JsonType, StatusClass, StatusCode};
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{
    HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem,
};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, InfoBuilder, KnownFormat, OpenApi, OpenApiBuilder, PathsBuilder, RefOr,
    Required, ResponseBuilder, SchemaFormat,
};

use crate::error::DemoError;
use crate::layout::{self, escape};
use crate::store::{MAX_DESCRIPTION, MAX_NAME};

/// What a request carries besides its path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    /// Nothing the server reads.
    Nothing,
    /// `?page=&per_page=` of `GET /items`.
    Paging,
    /// `?code=` of `GET /codes`.
    CodeQuery,
    /// A JSON item (`name`, `description`).
    ItemBody,
    /// A JSON job request (`item_id`).
    JobBody,
    /// A JSON maintenance switch (`enabled`).
    SwitchBody,
}

impl Input {
    const fn is_json_body(self) -> bool {
        matches!(self, Input::ItemBody | Input::JobBody | Input::SwitchBody)
    }
}

/// A path parameter, typed as the handler parses it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Param {
    /// `{id}` of an item: any `i64`.
    ItemId,
    /// `{id}` of a job: any `u64` (`usize` here: the demo runs on 64-bit machines).
    JobId,
    /// `{code}`: three digits from 100 to 999.
    Code,
}

/// A success response: status, description, body and headers.
struct Success {
    status: StatusCode,
    description: &'static str,
    body: Body,
    headers: &'static [(&'static str, &'static str)],
}

/// What a success response's body is.
#[derive(Clone, Copy)]
enum Body {
    Empty,
    Item,
    Page,
    Attachments,
    Job,
    Health,
    Stats,
    Switch,
    Csv,
    /// HTML by default, JSON for `Accept: application/json`.
    HtmlOrJson,
    OpenApi,
}

/// One operation of the demo.
struct Operation {
    method: HttpMethod,
    path: &'static str,
    id: &'static str,
    summary: &'static str,
    param: Option<Param>,
    input: Input,
    /// Needs `Authorization: Bearer <token>` (the admin routes).
    bearer: bool,
    success: &'static [Success],
    /// The codes of the `DemoError`s the handler itself returns.
    errors: &'static [&'static str],
}

const ETAG: (&str, &str) = ("ETag", "The item's version, a strong validator.");
const LOCATION: (&str, &str) = ("Location", "Where the resource is.");
const OK_ITEM: Success = Success {
    status: StatusCode::Ok,
    description: "The item, with its `ETag`.",
    body: Body::Item,
    headers: &[ETAG],
};

/// A redirect to `/items`.
const fn redirect(status: StatusCode) -> &'static [Success] {
    match status {
        StatusCode::MovedPermanently => &[Success {
            status: StatusCode::MovedPermanently,
            description: "Moved for good: see `Location`.",
            body: Body::Empty,
            headers: &[LOCATION],
        }],
        StatusCode::Found => &[Success {
            status: StatusCode::Found,
            description: "Elsewhere for now: see `Location`.",
            body: Body::Empty,
            headers: &[LOCATION],
        }],
        StatusCode::SeeOther => &[Success {
            status: StatusCode::SeeOther,
            description: "Done; `GET` the `Location`.",
            body: Body::Empty,
            headers: &[LOCATION],
        }],
        StatusCode::TemporaryRedirect => &[Success {
            status: StatusCode::TemporaryRedirect,
            description: "Repeat the request at `Location`.",
            body: Body::Empty,
            headers: &[LOCATION],
        }],
        _ => &[Success {
            status: StatusCode::PermanentRedirect,
            description: "Repeat the request at `Location`, from now on.",
            body: Body::Empty,
            headers: &[LOCATION],
        }],
    }
}

const RETIRED: &[&str] = &["route_retired"];

const fn retired(method: HttpMethod, id: &'static str) -> Operation {
    Operation {
        method,
        path: "/v1/items",
        id,
        summary: "Retired: the first version of the items API",
        param: None,
        input: Input::Nothing,
        bearer: false,
        success: &[],
        errors: RETIRED,
    }
}

/// Every operation the demo answers, in the router's order.
#[rustfmt::skip]
const OPERATIONS: &[Operation] = &[
    Operation { method: HttpMethod::Get, path: "/health", id: "health", summary: "Liveness",
        param: None, input: Input::Nothing, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "The service is up.", body: Body::Health, headers: &[] }],
        errors: &[] },
    Operation { method: HttpMethod::Get, path: "/items", id: "listItems", summary: "List items, paginated",
        param: None, input: Input::Paging, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "A page of items; `Link` names the next page when there is one.", body: Body::Page,
            headers: &[("Link", "The next page, `rel=\"next\"`.")] }],
        errors: &["not_acceptable", "bad_parameter", "internal"] },
    Operation { method: HttpMethod::Post, path: "/items", id: "createItem", summary: "Create an item",
        param: None, input: Input::ItemBody, bearer: false,
        success: &[Success { status: StatusCode::Created, description: "Created; `Location` names it.", body: Body::Item, headers: &[LOCATION, ETAG] }],
        errors: &["validation_failed", "duplicate_name", "internal"] },
    Operation { method: HttpMethod::Get, path: "/items/export", id: "exportItems", summary: "Export every item as CSV, with byte ranges",
        param: None, input: Input::Nothing, bearer: false,
        success: &[
            Success { status: StatusCode::Ok, description: "The whole export.", body: Body::Csv,
                headers: &[("Accept-Ranges", "`bytes`: a `Range` is honoured.")] },
            Success { status: StatusCode::PartialContent, description: "The bytes the `Range` asked for.", body: Body::Csv,
                headers: &[("Content-Range", "Which bytes of how many."), ("Accept-Ranges", "`bytes`.")] },
        ],
        errors: &["not_acceptable", "range_not_satisfiable", "internal"] },
    Operation { method: HttpMethod::Get, path: "/items/{id}", id: "getItem", summary: "Read an item",
        param: Some(Param::ItemId), input: Input::Nothing, bearer: false,
        success: &[OK_ITEM, Success { status: StatusCode::NotModified, description: "`If-None-Match` names the current version.", body: Body::Empty, headers: &[ETAG] }],
        errors: &["not_acceptable", "item_not_found", "internal"] },
    Operation { method: HttpMethod::Put, path: "/items/{id}", id: "replaceItem", summary: "Replace an item",
        param: Some(Param::ItemId), input: Input::ItemBody, bearer: false,
        success: &[OK_ITEM],
        errors: &["bad_parameter", "validation_failed", "item_not_found", "stale_item", "duplicate_name", "internal"] },
    Operation { method: HttpMethod::Delete, path: "/items/{id}", id: "deleteItem", summary: "Delete an item",
        param: Some(Param::ItemId), input: Input::Nothing, bearer: false,
        success: &[Success { status: StatusCode::NoContent, description: "Deleted.", body: Body::Empty, headers: &[] }],
        errors: &["item_not_found", "internal"] },
    Operation { method: HttpMethod::Get, path: "/items/{id}/attachments", id: "listAttachments", summary: "An item's attachment file names",
        param: Some(Param::ItemId), input: Input::Nothing, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "The file names.", body: Body::Attachments, headers: &[] }],
        errors: &["item_not_found", "internal"] },
    Operation { method: HttpMethod::Post, path: "/jobs", id: "createJob", summary: "Start an export job",
        param: None, input: Input::JobBody, bearer: false,
        success: &[Success { status: StatusCode::Accepted, description: "Accepted; poll `Location`.", body: Body::Job, headers: &[LOCATION] }],
        errors: &["item_not_found", "internal"] },
    Operation { method: HttpMethod::Get, path: "/jobs/{id}", id: "getJob", summary: "Poll a job",
        param: Some(Param::JobId), input: Input::Nothing, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "The job's state.", body: Body::Job, headers: &[] }],
        errors: &["job_not_found"] },
    Operation { method: HttpMethod::Put, path: "/admin/maintenance", id: "setMaintenance", summary: "Switch maintenance mode (admin)",
        param: None, input: Input::SwitchBody, bearer: true,
        success: &[Success { status: StatusCode::Ok, description: "The new state.", body: Body::Switch, headers: &[] }],
        errors: &["unauthenticated", "forbidden"] },
    Operation { method: HttpMethod::Get, path: "/admin/stats", id: "stats", summary: "Statistics (admin)",
        param: None, input: Input::Nothing, bearer: true,
        success: &[Success { status: StatusCode::Ok, description: "Counts.", body: Body::Stats, headers: &[] }],
        errors: &["unauthenticated", "forbidden", "internal"] },
    Operation { method: HttpMethod::Get, path: "/old-items", id: "oldItems", summary: "The old address of `/items`",
        param: None, input: Input::Nothing, bearer: false, success: redirect(StatusCode::MovedPermanently), errors: &[] },
    Operation { method: HttpMethod::Get, path: "/temp-items", id: "tempItems", summary: "A temporary address of `/items`",
        param: None, input: Input::Nothing, bearer: false, success: redirect(StatusCode::Found), errors: &[] },
    Operation { method: HttpMethod::Post, path: "/submit-form", id: "submitForm", summary: "A form post that redirects to `/items`",
        param: None, input: Input::Nothing, bearer: false, success: redirect(StatusCode::SeeOther), errors: &[] },
    Operation { method: HttpMethod::Post, path: "/upload", id: "upload", summary: "An upload that moved to `/items` for now",
        param: None, input: Input::Nothing, bearer: false, success: redirect(StatusCode::TemporaryRedirect), errors: &[] },
    Operation { method: HttpMethod::Get, path: "/catalog", id: "catalog", summary: "The old catalog, now `/items`",
        param: None, input: Input::Nothing, bearer: false, success: redirect(StatusCode::PermanentRedirect), errors: &[] },
    retired(HttpMethod::Get, "getRetiredItems"),
    retired(HttpMethod::Put, "putRetiredItems"),
    retired(HttpMethod::Post, "postRetiredItems"),
    retired(HttpMethod::Delete, "deleteRetiredItems"),
    retired(HttpMethod::Options, "optionsRetiredItems"),
    retired(HttpMethod::Patch, "patchRetiredItems"),
    retired(HttpMethod::Trace, "traceRetiredItems"),
    Operation { method: HttpMethod::Get, path: "/teapot", id: "teapot", summary: "Always 418",
        param: None, input: Input::Nothing, bearer: false, success: &[], errors: &["teapot"] },
    Operation { method: HttpMethod::Get, path: "/openapi.json", id: "openapi", summary: "This document",
        param: None, input: Input::Nothing, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "The OpenAPI 3.1 document.", body: Body::OpenApi, headers: &[] }],
        errors: &[] },
    Operation { method: HttpMethod::Get, path: "/errors", id: "errors", summary: "Every problem this API answers with",
        param: None, input: Input::Nothing, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "An HTML page with one section per code, or the catalog as JSON.", body: Body::HtmlOrJson, headers: &[] }],
        errors: &[] },
    Operation { method: HttpMethod::Get, path: "/codes", id: "codes", summary: "The status-code reference, or one code with `?code=`",
        param: None, input: Input::CodeQuery, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "The reference (HTML, or JSON when asked for).", body: Body::HtmlOrJson, headers: &[] }],
        errors: &["bad_parameter", "unknown_status_code"] },
    Operation { method: HttpMethod::Get, path: "/codes/{code}", id: "code", summary: "One status code of the reference",
        param: Some(Param::Code), input: Input::Nothing, bearer: false,
        success: &[Success { status: StatusCode::Ok, description: "The code's page (HTML, or JSON when asked for).", body: Body::HtmlOrJson, headers: &[] }],
        errors: &["bad_parameter", "unknown_status_code"] },
    Operation { method: HttpMethod::Get, path: "/debug/panic", id: "debugPanic", summary: "Panics on purpose: what a bug looks like from outside",
        param: None, input: Input::Nothing, bearer: false, success: &[], errors: &[] },
];

/// The codes of every problem `operation` can answer with: its handler's,
/// then those of the middleware and the framework that apply to it.
fn operation_codes(operation: &Operation) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = operation.errors.to_vec();
    if operation.param.is_some() && operation.param != Some(Param::Code) {
        // The typed `Path` extractor; `/codes/{code}` reads a string itself.
        codes.push("invalid_path_parameter");
    }
    if operation.input == Input::Paging {
        codes.push("invalid_query");
    }
    if operation.input.is_json_body() {
        codes.extend([
            "malformed_body",
            "body_timeout",
            "body_too_large",
            "unsupported_media_type",
            "invalid_body",
        ]);
    }
    // The middleware (`demo/mod.rs`): writes spend the rate limit, and every
    // route but `/health` and `/admin/*` is off during maintenance.
    if !matches!(
        operation.method,
        HttpMethod::Get | HttpMethod::Head | HttpMethod::Options
    ) {
        codes.push("rate_limited");
    }
    if operation.path != "/health" && !operation.path.starts_with("/admin/") {
        codes.push("maintenance");
    }
    // A panic in any handler is caught by the `ProblemLayer`.
    codes.push("internal_error");
    codes
}

/// Every problem the demo answers with: `DemoError`'s catalog, which holds
/// the framework problems in the place of its transparent variant.
fn catalog() -> &'static [CatalogEntry] {
    DemoError::ERRORS
}

/// The entry of `code`; `None` for a code no error has (a test holds the
/// operation table to the catalog, so the document never names one).
fn entry(code: &str) -> Option<&'static CatalogEntry> {
    DemoError::by_code(code)
}

/// The codes an operation documents, each checked against the catalog:
/// for `tests/e2e_docs.rs`.
#[must_use]
pub fn documented_codes() -> Vec<(String, Vec<&'static str>)> {
    OPERATIONS
        .iter()
        .map(|operation| {
            (
                format!("{} {}", method_name(&operation.method), operation.path),
                operation_codes(operation),
            )
        })
        .collect()
}

fn method_name(method: &HttpMethod) -> &'static str {
    match method {
        HttpMethod::Get => "GET",
        HttpMethod::Post => "POST",
        HttpMethod::Put => "PUT",
        HttpMethod::Delete => "DELETE",
        HttpMethod::Options => "OPTIONS",
        HttpMethod::Head => "HEAD",
        HttpMethod::Patch => "PATCH",
        HttpMethod::Trace => "TRACE",
    }
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn integer(minimum: usize, maximum: usize) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(minimum))
        .maximum(Some(maximum))
}

/// `i64` as the `Path` extractor parses it.
fn int64() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
}

fn item_schema() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("id", int64())
        .required("id")
        .property("name", string())
        .required("name")
        .property("description", string())
        .required("description")
        .property("version", int64())
        .required("version")
}

fn job_schema() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("id", integer(0, usize::MAX))
        .required("id")
        .property("item_id", int64())
        .required("item_id")
        .property("status", string().enum_values(Some(["queued", "done"])))
        .required("status")
}

fn request_body(input: Input) -> Option<utoipa::openapi::request_body::RequestBody> {
    let schema: RefOr<Schema> = match input {
        Input::ItemBody => ObjectBuilder::new()
            .schema_type(Type::Object)
            .property(
                "name",
                string()
                    .description(Some(
                        "Unique; surrounding white space is trimmed; no control characters.",
                    ))
                    .min_length(Some(1))
                    .max_length(Some(MAX_NAME))
                    // Something other than white space, and no control
                    // character (Unicode's Cc) anywhere: what `NewItem::validate` holds it to.
                    .pattern(Some(
                        r"^[^\u0000-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u001F\u007F-\u009F]*$",
                    )),
            )
            .required("name")
            .property(
                "description",
                string()
                    .description(Some("No control characters but tab and line breaks."))
                    .max_length(Some(MAX_DESCRIPTION))
                    .pattern(Some(r"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$")),
            )
            .additional_properties(Some(
                utoipa::openapi::schema::AdditionalProperties::FreeForm(false),
            ))
            .into(),
        Input::JobBody => ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("item_id", int64())
            .required("item_id")
            .additional_properties(Some(
                utoipa::openapi::schema::AdditionalProperties::FreeForm(false),
            ))
            .into(),
        Input::SwitchBody => ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("enabled", ObjectBuilder::new().schema_type(Type::Boolean))
            .required("enabled")
            .additional_properties(Some(
                utoipa::openapi::schema::AdditionalProperties::FreeForm(false),
            ))
            .into(),
        Input::Nothing | Input::Paging | Input::CodeQuery => return None,
    };
    Some(
        RequestBodyBuilder::new()
            .required(Some(Required::True))
            .content(
                "application/json",
                ContentBuilder::new().schema(Some(schema)).build(),
            )
            .build(),
    )
}

fn parameters(operation: &Operation) -> Vec<utoipa::openapi::path::Parameter> {
    let mut parameters = Vec::new();
    let query = |name: &str, schema: ObjectBuilder, description: &str| {
        ParameterBuilder::new()
            .name(name)
            .parameter_in(ParameterIn::Query)
            .required(Required::False)
            .description(Some(description))
            .schema(Some(schema))
            .build()
    };
    if let Some(param) = operation.param {
        let (name, schema, description) = match param {
            Param::ItemId => ("id", int64(), "The item's id."),
            Param::JobId => ("id", integer(0, usize::MAX), "The job's id."),
            Param::Code => ("code", integer(100, 999), "A status code, three digits."),
        };
        parameters.push(
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .description(Some(description))
                .schema(Some(schema))
                .build(),
        );
    }
    match operation.input {
        Input::Paging => {
            parameters.push(query("page", integer(1, 1_000_000), "The page, from 1."));
            parameters.push(query("per_page", integer(1, 100), "Items per page."));
        }
        Input::CodeQuery => {
            parameters.push(query("code", integer(100, 999), "One status code to show."));
        }
        _ => {}
    }
    parameters
}

fn success_content(body: Body) -> Option<(&'static str, RefOr<Schema>)> {
    let json = |schema: ObjectBuilder| Some(("application/json", schema.into()));
    match body {
        Body::Empty => None,
        Body::Item => json(item_schema()),
        Body::Page => json(
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("items", ArrayBuilder::new().items(item_schema()))
                .required("items")
                .property("page", integer(1, 1_000_000))
                .required("page")
                .property("per_page", integer(1, 100))
                .required("per_page")
                .property("total", integer(0, usize::MAX))
                .required("total"),
        ),
        Body::Attachments => Some((
            "application/json",
            ArrayBuilder::new().items(string()).into(),
        )),
        Body::Job => json(job_schema()),
        Body::Health => json(
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("status", string().enum_values(Some(["ok"])))
                .required("status"),
        ),
        Body::Stats => json(
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("items", integer(0, usize::MAX))
                .required("items")
                .property(
                    "maintenance",
                    ObjectBuilder::new().schema_type(Type::Boolean),
                )
                .required("maintenance"),
        ),
        Body::Switch => json(
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property(
                    "maintenance",
                    ObjectBuilder::new().schema_type(Type::Boolean),
                )
                .required("maintenance"),
        ),
        Body::Csv => Some(("text/csv", string().into())),
        Body::HtmlOrJson => Some(("text/html", string().into())),
        Body::OpenApi => json(ObjectBuilder::new().schema_type(Type::Object)),
    }
}

fn success_response(success: &Success) -> utoipa::openapi::Response {
    let mut response = ResponseBuilder::new().description(success.description);
    if let Some((media_type, schema)) = success_content(success.body) {
        response = response.content(
            media_type,
            ContentBuilder::new().schema(Some(schema)).build(),
        );
        if matches!(success.body, Body::HtmlOrJson) {
            response = response.content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(ObjectBuilder::new().schema_type(SchemaType::AnyValue)))
                    .build(),
            );
        }
    }
    for (name, description) in success.headers {
        response = response.header(
            *name,
            HeaderBuilder::new()
                .schema(Some(string()))
                .description(Some(*description))
                .build(),
        );
    }
    response.build()
}

fn operation(operation: &Operation) -> utoipa::openapi::path::Operation {
    let mut builder = OperationBuilder::new()
        .operation_id(Some(operation.id))
        .summary(Some(operation.summary));
    for success in operation.success {
        builder = builder.response(success.status.as_str(), success_response(success));
    }
    let errors =
        status_core::error_responses(operation_codes(operation).into_iter().filter_map(entry));
    for (status, response) in errors {
        builder = builder.response(status, response);
    }
    for parameter in parameters(operation) {
        builder = builder.parameter(parameter);
    }
    if let Some(body) = request_body(operation.input) {
        builder = builder.request_body(Some(body));
    }
    if operation.bearer {
        builder = builder.security(SecurityRequirement::new::<_, [&str; 0], &str>("bearer", []));
    }
    builder.build()
}

/// The OpenAPI 3.1 document of the demo: every route and method it answers,
/// each with the problems it can answer with. A method a path does not list
/// is answered 405 `method_not_allowed`, with `Allow`.
#[must_use]
pub fn openapi() -> OpenApi {
    let mut items: Vec<(&str, PathItem)> = Vec::new();
    for described in OPERATIONS {
        let item = PathItem::new(described.method.clone(), operation(described));
        if let Some((_, known)) = items.iter_mut().find(|(path, _)| *path == described.path) {
            known.merge_operations(item);
        } else {
            items.push((described.path, item));
        }
    }
    let paths = items
        .into_iter()
        .fold(PathsBuilder::new(), |paths, (path, item)| {
            paths.path(path, item)
        });
    let bearer = SecurityScheme::Http(
        HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "`admin-token` may do everything; `user-token` is refused (403).",
            ))
            .build(),
    );
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("status-core demo")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "An item service whose every error is an RFC 9457 problem from one \
                     `#[derive(HttpError)]` enum. Each operation lists the problems it can \
                     answer with; a method a path does not list is answered 405 \
                     `method_not_allowed` with `Allow`, and a path the API does not have \
                     404 `route_not_found`. Problem types are documented at `/errors`.",
                )),
        )
        .paths(paths)
        .components(Some(
            ComponentsBuilder::new()
                .schema_from::<status_core::ProblemDetails>()
                .security_scheme("bearer", bearer)
                .build(),
        ))
        .build()
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
    let errors = problems(catalog());
    if wants_json {
        Json(errors).into_response()
    } else {
        Html(catalog_page(&errors)).into_response()
    }
}

/// The catalog as a client sees it: one entry per code (variants that share
/// a code are one problem to a client), in catalog order.
#[must_use]
fn problems(errors: &[CatalogEntry]) -> Vec<CatalogEntry> {
    let mut unique: Vec<CatalogEntry> = Vec::new();
    for entry in errors {
        if unique.iter().all(|known| known.code != entry.code) {
            unique.push(*entry);
        }
    }
    unique
}

/// `code` text to HTML: `` `code` `` becomes `<code>code</code>`, an
/// intra-doc link `` [`Type`] `` its plain code, the rest is escaped. The
/// catalog's descriptions are doc comments, which write code that way.
fn inline_markdown(text: &str) -> String {
    let text = text.replace("[`", "`").replace("`]", "`");
    let mut html = String::new();
    for (index, part) in text.split('`').enumerate() {
        if index % 2 == 1 {
            let _ = write!(html, "<code>{}</code>", escape(part));
        } else {
            html.push_str(&escape(part));
        }
    }
    html
}

/// The section id of a code: the code itself, the fragment of its `type`.
fn anchor(code: &str) -> String {
    escape(code)
}

fn json_type_name(json_type: JsonType) -> String {
    match json_type {
        JsonType::String => "string".to_owned(),
        JsonType::Integer => "integer".to_owned(),
        JsonType::Number => "number".to_owned(),
        JsonType::Boolean => "boolean".to_owned(),
        JsonType::Array(items) => format!("array of {}", json_type_name(*items)),
        JsonType::Errors => "array of { detail, pointer }".to_owned(),
        _ => "any JSON value".to_owned(),
    }
}

/// An example body, as the client receives it, members in RFC 9457's order.
fn example_body(entry: &CatalogEntry) -> String {
    let text = |value: &str| serde_json::Value::from(value).to_string();
    let detail = if entry.exposes_detail {
        "… what went wrong, for this request …"
    } else {
        entry.title()
    };
    let mut lines = vec![
        format!("  \"type\": {}", text(entry.type_uri)),
        format!("  \"title\": {}", text(entry.title())),
        format!("  \"status\": {}", entry.status.as_u16()),
        format!("  \"detail\": {}", text(detail)),
        format!("  \"code\": {}", text(entry.code)),
    ];
    for member in entry.members {
        lines.push(format!("  {}: …", text(member.name)));
    }
    format!("{{\n{}\n}}", lines.join(",\n"))
}

/// The error page: a table of contents by status class, then one section
/// per problem (its id the code, so `/errors#<code>` lands on it) with its
/// status, title, description, headers, members and an example body.
#[must_use]
pub fn catalog_page(errors: &[CatalogEntry]) -> String {
    let errors = problems(errors);
    let mut page = String::from(
        "<h1>Errors</h1>\n<p>Every problem this API answers with, as an RFC 9457 \
         <code>application/problem+json</code> body. A problem's <code>type</code> links to its \
         section here; branch on its <code>code</code>.</p>\n<nav aria-label=\"Contents\">\n",
    );
    let classes = [StatusClass::ClientError, StatusClass::ServerError];
    for class in classes {
        let mut in_class: Vec<&CatalogEntry> = errors
            .iter()
            .filter(|entry| entry.status.class() == class)
            .collect();
        in_class.sort_by_key(|entry| entry.status.as_u16());
        if in_class.is_empty() {
            continue;
        }
        let _ = writeln!(page, "<h2>{}</h2>\n<ol class=\"toc\">", class_name(class));
        for entry in &in_class {
            let _ = writeln!(
                page,
                "<li><a href=\"#{anchor}\">{status} <code>{code}</code></a></li>",
                anchor = anchor(entry.code),
                status = entry.status.as_u16(),
                code = escape(entry.code),
            );
        }
        page.push_str("</ol>\n");
    }
    page.push_str("</nav>\n<section>\n<h2>Problems</h2>\n");
    let mut sorted: Vec<&CatalogEntry> = errors.iter().collect();
    sorted.sort_by_key(|entry| entry.status.as_u16());
    for entry in sorted {
        let headers = if entry.headers.is_empty() {
            "none".to_owned()
        } else {
            entry
                .headers
                .iter()
                .map(|header| match header.value {
                    Some(value) => {
                        format!("<code>{}: {}</code>", escape(header.name), escape(value))
                    }
                    None => format!("<code>{}</code>", escape(header.name)),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let members = if entry.members.is_empty() {
            "none".to_owned()
        } else {
            entry
                .members
                .iter()
                .map(|member| {
                    format!(
                        "<code>{}</code> ({}{})",
                        escape(member.name),
                        escape(&json_type_name(member.json_type)),
                        if member.optional { ", optional" } else { "" }
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let description = if entry.description.is_empty() {
            String::new()
        } else {
            format!("<p>{}</p>\n", inline_markdown(entry.description))
        };
        let _ = write!(
            page,
            "<section id=\"{anchor}\">\n<h3>{status} {title}: <code>{code}</code></h3>\n{description}\
             <dl><dt>Status</dt><dd>{status} {title}</dd><dt>Code</dt><dd><code>{code}</code></dd>\
             <dt>Detail</dt><dd>{exposed}</dd><dt>Headers</dt><dd>{headers}</dd>\
             <dt>Members</dt><dd>{members}</dd></dl>\n<pre><code>{example}</code></pre>\n</section>\n",
            anchor = anchor(entry.code),
            code = escape(entry.code),
            status = entry.status.as_u16(),
            title = escape(entry.title()),
            exposed = if entry.exposes_detail {
                "what went wrong, for this request"
            } else {
                "the title only (the cause is logged, not sent)"
            },
            example = escape(&example_body(entry)),
        );
    }
    page.push_str("</section>\n");
    layout::page("Errors", &page)
}

fn class_name(class: StatusClass) -> &'static str {
    match class {
        StatusClass::ClientError => "4xx: the request",
        StatusClass::ServerError => "5xx: the server",
        _ => "Other",
    }
}

#[cfg(test)]
mod tests {
    use super::inline_markdown;

    #[test]
    fn doc_comment_code_becomes_html_and_the_rest_is_escaped() {
        assert_eq!(
            inline_markdown("use `If-Match` & see [`Item`] <now>"),
            "use <code>If-Match</code> &amp; see <code>Item</code> &lt;now&gt;"
        );
    }
}
