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
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, Type};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, Ref, RefOr, ResponseBuilder, response::Response,
};
use utoipa::{PartialSchema, ToSchema};

use crate::{CatalogEntry, PROBLEM_JSON, ProblemDetails};

/// The RFC 9457 members, with `code` and any extension members allowed.
impl PartialSchema for ProblemDetails {
    fn schema() -> RefOr<Schema> {
        let string = |description: &str| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .description(Some(description))
        };
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .title(Some("ProblemDetails"))
            .description(Some(
                "An RFC 9457 problem details object (application/problem+json).",
            ))
            .property(
                "type",
                string("A URI reference identifying the problem type; `about:blank` when the status says it all.")
                    .format(Some(utoipa::openapi::SchemaFormat::Custom("uri-reference".to_owned()))),
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
                    .maximum(Some(999)),
            )
            .required("status")
            .property("detail", string("An explanation of this occurrence. Server errors show the reason phrase unless the error opts in."))
            .property(
                "instance",
                string("A URI reference identifying this occurrence.")
                    .format(Some(utoipa::openapi::SchemaFormat::Custom("uri-reference".to_owned()))),
            )
            .property("code", string("A stable machine-readable code to branch on, such as `item_not_found`."))
            .required("code")
            .property(
                "errors",
                utoipa::openapi::schema::ArrayBuilder::new()
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
                    ),
            )
            .additional_properties(Some(AdditionalProperties::FreeForm(true)))
            .into()
    }
}

impl ToSchema for ProblemDetails {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ProblemDetails")
    }
}

/// The OpenAPI responses of several error catalogs together, one per status,
/// with one example per error: for an error enum that composes others with
/// `#[http(transparent)]`, whose own catalog (and so its `IntoResponses`)
/// lists only its own variants (feature `utoipa`).
///
/// ```
/// use status_core::{ErrorCatalog, FrameworkError, HttpError};
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// enum ApiError {
///     #[error("item {0} not found")]
///     #[http(status = 404, code = "item_not_found")]
///     ItemNotFound(u64),
///     #[error(transparent)]
///     #[http(transparent)]
///     Framework(#[from] FrameworkError),
/// }
///
/// let responses = status_core::error_responses([ApiError::ERRORS, FrameworkError::ERRORS]);
/// assert!(responses.contains_key("404") && responses.contains_key("405"));
/// ```
pub fn error_responses<'a>(
    catalogs: impl IntoIterator<Item = &'a [CatalogEntry]>,
) -> BTreeMap<String, RefOr<Response>> {
    let entries: Vec<CatalogEntry> = catalogs.into_iter().flatten().copied().collect();
    catalog_responses(&entries)
}

/// The responses of a catalog, one per status: variants that share a status
/// share a response, with one example each.
#[doc(hidden)]
pub fn catalog_responses(errors: &[CatalogEntry]) -> BTreeMap<String, RefOr<Response>> {
    let mut by_status: BTreeMap<u16, Vec<&CatalogEntry>> = BTreeMap::new();
    for entry in errors {
        by_status
            .entry(entry.status.as_u16())
            .or_default()
            .push(entry);
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
            .summary(format!("{} ({})", entry.code, entry.variant))
            .value(Some(example_body(entry)))
            .build();
        (entry.code, example)
    });
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(ProblemDetails::name())))
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
/// error's own text, which the catalog cannot know, so it is left out.
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

/// Every header any of `entries` sends, described with the codes that send it.
fn headers(entries: &[&CatalogEntry]) -> BTreeMap<&'static str, utoipa::openapi::Header> {
    let mut sent_by: BTreeMap<&'static str, (Vec<&'static str>, Option<&'static str>)> =
        BTreeMap::new();
    for entry in entries {
        for header in entry.headers {
            let (codes, example) = sent_by.entry(header.name).or_default();
            codes.push(entry.code);
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
