//! Feature `utoipa`: a derived error documents its own responses.
//!
//! The derive's [`ErrorCatalog`](crate::ErrorCatalog) is the one description
//! of each error; this file turns it into OpenAPI response objects, so the
//! documentation cannot drift from what the server sends.

use std::borrow::{Cow, ToOwned as _};
use std::collections::BTreeMap;
use std::format;
use std::string::{String, ToString as _};
use std::vec::Vec;

use serde_json::{Map, Value, json};
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::schema::{
    AdditionalProperties, AllOfBuilder, ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema,
    SchemaType, Type,
};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, Ref, RefOr, ResponseBuilder, SchemaFormat, response::Response,
};
use utoipa::{PartialSchema, ToSchema};

use crate::{CatalogEntry, JsonType, PROBLEM_JSON, ProblemDetails};

/// RFC 9457 Appendix A's schema, with this crate's `code` and the `errors`
/// of Section 3; any other member is allowed (extension members).
impl PartialSchema for ProblemDetails {
    fn schema() -> RefOr<Schema> {
        let string = |description: &str| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some(description))
        };
        let uri_reference = || Some(SchemaFormat::Custom("uri-reference".to_owned()));
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .title(Some("ProblemDetails"))
            .description(Some(
                "An RFC 9457 problem details object (application/problem+json).",
            ))
            .property(
                "type",
                string("A URI reference identifying the problem type; `about:blank` when the status says it all.")
                    .format(uri_reference())
                    .default(Some(json!("about:blank"))),
            )
            .required("type")
            .property("title", string("A short summary of the problem type: the status's reason phrase."))
            .required("title")
            .property(
                "status",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .description(Some("The HTTP status code of the response."))
                    .minimum(Some(100))
                    .maximum(Some(599)),
            )
            .required("status")
            .property("detail", string("An explanation of this occurrence. Server errors show the reason phrase unless the error opts in."))
            .property(
                "instance",
                string("A URI reference identifying this occurrence.").format(uri_reference()),
            )
            .property("code", string("A stable machine-readable code to branch on, such as `item_not_found`."))
            .required("code")
            .property("errors", errors_schema())
            .additional_properties(Some(AdditionalProperties::FreeForm(true)))
            .into()
    }
}

impl ToSchema for ProblemDetails {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ProblemDetails")
    }
}

/// RFC 9457 Section 3's `errors`: one object per member that does not fit.
fn errors_schema() -> ArrayBuilder {
    let string = |description: &str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
    };
    ArrayBuilder::new()
        .description(Some("The members of the request that do not fit (RFC 9457, Section 3)."))
        .items(
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .property("detail", string("What is wrong with the member."))
                .required("detail")
                .property(
                    "pointer",
                    string("Where the member is: a JSON Pointer (RFC 6901) in URI fragment form, such as `#/items/2/name`."),
                )
                .required("pointer"),
        )
}

/// The schema of one extension member's value.
fn member_schema(json_type: JsonType) -> RefOr<Schema> {
    let typed = |ty: Type| ObjectBuilder::new().schema_type(ty).into();
    match json_type {
        JsonType::String => typed(Type::String),
        JsonType::Integer => typed(Type::Integer),
        JsonType::Number => typed(Type::Number),
        JsonType::Boolean => typed(Type::Boolean),
        JsonType::Array(items) => ArrayBuilder::new().items(member_schema(*items)).into(),
        JsonType::Errors => errors_schema().into(),
        // `JsonType` is non-exhaustive for users, not for this crate; any
        // new kind is documented as any value until it is handled here.
        _ => ObjectBuilder::new()
            .schema_type(SchemaType::AnyValue)
            .into(),
    }
}

/// The schema of one error's body: a `ProblemDetails` whose `code`,
/// `status` and `type` are this error's, with its extension members.
///
/// ```
/// use status_core::{ErrorCatalog, HttpError};
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// #[error("out of credit")]
/// #[http(status = 403, code = "out_of_credit")]
/// struct OutOfCredit {
///     #[http(extension)]
///     balance: u64,
/// }
///
/// let schema = serde_json::to_value(status_core::problem_schema(&OutOfCredit::ERRORS[0])).unwrap();
/// let own = &schema["allOf"][1];
/// assert_eq!(own["properties"]["code"]["enum"][0], "out_of_credit");
/// assert_eq!(own["properties"]["balance"]["type"], "integer");
/// assert_eq!(own["required"][0], "balance");
/// ```
#[must_use]
pub fn problem_schema(entry: &CatalogEntry) -> RefOr<Schema> {
    let only = |value: Value| {
        ObjectBuilder::new()
            .schema_type(SchemaType::AnyValue)
            .enum_values(Some([value]))
    };
    let mut own = ObjectBuilder::new()
        .schema_type(SchemaType::AnyValue)
        .property("code", only(json!(entry.code)))
        .property("status", only(json!(entry.status.as_u16())))
        .property("type", only(json!(entry.type_uri)));
    for member in entry.members {
        own = own.property(member.name, member_schema(member.json_type));
        if !member.optional {
            own = own.required(member.name);
        }
    }
    AllOfBuilder::new()
        .item(Ref::from_schema_name(ProblemDetails::name()))
        .item(own)
        .into()
}

/// The OpenAPI responses of several error catalogs together, one per
/// status, with one schema and one named example per error (feature
/// `utoipa`). A derived type's own `IntoResponses` already includes the
/// errors of its `transparent` variants; this joins catalogs that no one
/// type composes, or a subset of one (an operation's errors, picked by code).
///
/// ```
/// use status_core::{ErrorCatalog, FrameworkError, HttpError};
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// enum ApiError {
///     #[error("item {0} not found")]
///     #[http(status = 404, code = "item_not_found")]
///     ItemNotFound(u64),
///     #[error("gone")]
///     #[http(status = 410)]
///     Gone,
/// }
///
/// let framework = FrameworkError::ERRORS.iter().filter(|entry| entry.code == "invalid_path_parameter");
/// let item = ApiError::ERRORS.iter().filter(|entry| entry.code == "item_not_found");
/// let responses = status_core::error_responses(item.chain(framework));
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["400", "404"]);
/// ```
pub fn error_responses<'a>(
    entries: impl IntoIterator<Item = &'a CatalogEntry>,
) -> BTreeMap<String, RefOr<Response>> {
    let entries: Vec<CatalogEntry> = entries.into_iter().copied().collect();
    catalog_responses(&entries)
}

/// The responses of a catalog, one per status: errors that share a status
/// share a response, its schema `oneOf` theirs, with one example each.
/// Entries with the same code are one problem to a client, listed once.
#[doc(hidden)]
pub fn catalog_responses(errors: &[CatalogEntry]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&CatalogEntry>> = BTreeMap::new();
    for entry in errors {
        let same_status = by_status.entry(entry.status.as_u16()).or_default();
        if same_status.iter().all(|known| known.code != entry.code) {
            same_status.push(entry);
        }
    }
    by_status
        .into_iter()
        .map(|(status, entries)| (status.to_string(), RefOr::T(response(&entries))))
        .collect()
}

fn response(entries: &[&CatalogEntry]) -> Response {
    let title = entries.first().map_or("", |entry| entry.title());
    let mut description = String::from(title);
    for entry in entries {
        description.push_str("\n\n`");
        description.push_str(entry.code);
        description.push('`');
        if !entry.description.is_empty() {
            description.push_str(": ");
            description.push_str(entry.description);
        }
    }
    let examples = entries.iter().map(|entry| {
        let example = ExampleBuilder::new()
            .summary(entry.code)
            .description(entry.description)
            .value(Some(example_body(entry)))
            .build();
        (entry.code, example)
    });
    let schema = match entries {
        [entry] => problem_schema(entry),
        _ => entries
            .iter()
            .fold(OneOfBuilder::new(), |one_of, entry| {
                one_of.item(problem_schema(entry))
            })
            .into(),
    };
    let content = ContentBuilder::new()
        .schema(Some(schema))
        .examples_from_iter(examples)
        .build();
    let mut builder = ResponseBuilder::new()
        .description(description)
        .content(PROBLEM_JSON, content);
    for (name, header) in headers(entries) {
        builder = builder.header(name, header);
    }
    builder.build()
}

/// The body a client receives, as far as it is known without an instance:
/// a masked server error's detail is the title; an exposed one's is the
/// error's own text, which the catalog cannot know, so it is left out, as
/// are extension members' values.
fn example_body(entry: &CatalogEntry) -> Value {
    let mut body = Map::new();
    body.insert("type".to_owned(), json!(entry.type_uri));
    body.insert("title".to_owned(), json!(entry.title()));
    body.insert("status".to_owned(), json!(entry.status.as_u16()));
    if !entry.exposes_detail {
        body.insert("detail".to_owned(), json!(entry.title()));
    }
    body.insert("code".to_owned(), json!(entry.code));
    Value::Object(body)
}

/// Every header any of `entries` sends, described with the codes that send
/// it.
fn headers(entries: &[&CatalogEntry]) -> BTreeMap<&'static str, utoipa::openapi::Header> {
    let mut sent_by: BTreeMap<&'static str, (Vec<&'static str>, Option<&'static str>)> =
        BTreeMap::new();
    for entry in entries {
        for header in entry.headers {
            let (codes, example) = sent_by.entry(header.name).or_default();
            if !codes.contains(&entry.code) {
                codes.push(entry.code);
            }
            if example.is_none() {
                *example = header.value;
            }
        }
    }
    sent_by
        .into_iter()
        .map(|(name, (codes, example))| {
            let codes: Vec<String> = codes.iter().map(|code| format!("`{code}`")).collect();
            let header = HeaderBuilder::new()
                .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                .description(Some(format!("Sent with {}.", codes.join(", "))))
                .example(example.map(|value| json!(value)))
                .build();
            (name, header)
        })
        .collect()
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private_0_1_0::utoipa::IntoResponses for $($ty)* $($where_clause)* {
            fn responses() -> $crate::__private_0_1_0::BTreeMap<
                $crate::__private_0_1_0::String,
                $crate::__private_0_1_0::utoipa::openapi::RefOr<$crate::__private_0_1_0::utoipa::openapi::response::Response>,
            > {
                $crate::__private_0_1_0::catalog_responses(<Self as $crate::ErrorCatalog>::ERRORS)
            }
        }
    };
}
