//! Rules that judge a finished IR: those that need the resolved status or
//! more than one key of an attribute. Simpler checks happen while parsing, in
//! `attr.rs`; resolving `status` against the spec is part of building the IR,
//! in `ast.rs`.

use syn::Fields;

use super::ast::{Input, Variant};
use super::attr::{self, HeaderValue};
use super::suggest;
use crate::ctxt::Ctxt;
use crate::spec::Class;

pub(crate) fn check(cx: &Ctxt, input: &Input<'_>) {
    for variant in input.variants() {
        if variant.attrs.transparent.is_some() {
            check_transparent(cx, variant);
            continue;
        }
        check_status_present(cx, variant);
        check_error_status(cx, variant);
        check_required_headers(cx, variant);
        check_field_references(cx, variant);
    }
}

// Every variant says which status it is, unless it delegates:
//     #[error("oops")]
//     Oops,                  <- rejected: no #[http(status = ...)]
fn check_status_present(cx: &Ctxt, variant: &Variant<'_>) {
    if variant.attrs.status.is_none() && !variant.attrs.malformed {
        let what = if variant.is_struct {
            "the struct"
        } else {
            "every variant"
        };
        cx.error_at(
            variant.missing_span(),
            format_args!(
                "`{}` needs #[http(status = ...)]: {what} of an HttpError maps to a status, such as `#[http(status = 404)]`, or delegates with `#[http(transparent)]`",
                variant.ident
            ),
        );
    }
}

// An error response is a 4xx or a 5xx:
//     #[http(status = 200)]   <- rejected
fn check_error_status(cx: &Ctxt, variant: &Variant<'_>) {
    let (Some(entry), Some(span)) = (variant.status, variant.status_span()) else {
        return;
    };
    if !matches!(entry.class(), Class::ClientError | Class::ServerError) {
        cx.error_at(
            span,
            format_args!(
                "{} {} is not an error status; use a 4xx or 5xx code in #[http(status = ...)]",
                entry.code, entry.phrase
            ),
        );
    }
}

// Headers the RFC says a response MUST carry (`must_headers` in the spec):
//     #[http(status = 401)]                               <- rejected
//     #[http(status = 401, www_authenticate = "Bearer")]
fn check_required_headers(cx: &Ctxt, variant: &Variant<'_>) {
    // A malformed attribute may hide the header: a typo (`alow = ...`) or keys
    // lost after a parse error.
    if variant.attrs.malformed {
        return;
    }
    let (Some(entry), Some(span)) = (variant.status, variant.status_span()) else {
        return;
    };
    for required in &entry.must_headers {
        let present = variant
            .attrs
            .headers
            .iter()
            .any(|header| header.name.eq_ignore_ascii_case(required));
        if !present {
            cx.error_at(
                span,
                format_args!(
                    "{} {} requires `{}` ({}); a response with this status MUST carry the `{required}` header",
                    entry.code,
                    entry.phrase,
                    attr::key_for_header(required),
                    entry.reference
                ),
            );
        }
    }
}

// A header taken from a field names a field of this variant:
//     #[http(status = 429, retry_after = wait)]
//     RateLimited { seconds: u64 }   <- rejected: no field `wait`
fn check_field_references(cx: &Ctxt, variant: &Variant<'_>) {
    for header in &variant.attrs.headers {
        let HeaderValue::Field(field) = &header.value else {
            continue;
        };
        match variant.fields {
            Fields::Named(named) => {
                let exists = named.named.iter().any(|candidate| candidate.ident.as_ref() == Some(field));
                if !exists {
                    let field_names: Vec<String> =
                        named.named.iter().filter_map(|f| f.ident.as_ref()).map(ToString::to_string).collect();
                    let hint = suggest::closest(&field.to_string(), field_names.iter().map(String::as_str))
                        .map_or_else(String::new, |suggestion| format!("; did you mean `{suggestion}`?"));
                    cx.error_spanned_by(field, format_args!("`{}` has no field `{field}`{hint}", variant.ident));
                }
            }
            Fields::Unnamed(_) | Fields::Unit => cx.error_spanned_by(
                field,
                format_args!(
                    "`{}` has no named fields; a header can come from a named field (`{{ {field}: ... }}`) or a literal",
                    variant.ident
                ),
            ),
        }
    }
}

// `transparent` hands everything to the single field, which is an HttpError:
//     #[http(transparent)] Both(A, B)                 <- rejected
//     #[http(transparent, status = 500)] Inner(E)     <- rejected
fn check_transparent(cx: &Ctxt, variant: &Variant<'_>) {
    let Some(transparent) = variant.attrs.transparent else {
        return;
    };
    let transparent = transparent.span;
    if variant.fields.len() != 1 {
        cx.error_at(
            transparent,
            "#[http(transparent)] requires exactly one field, the inner error it delegates to",
        );
    }
    for span in variant.attrs.variant_key_spans() {
        cx.error_at(
            span,
            "#[http(transparent)] takes everything from the inner error; remove this key or `transparent`",
        );
    }
}
