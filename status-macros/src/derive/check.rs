//! Rules that judge a finished IR: those that need the resolved status or
//! more than one key of an attribute. Simpler checks happen while parsing, in
//! `attr.rs`; resolving `status` against the spec is part of building the IR,
//! in `ast.rs`.

use syn::Fields;

use proc_macro2::Span;

use super::ast::{Field, Input, Variant};
use super::attr::{self, FieldRole, HeaderValue};
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
        check_cacheable_status(cx, variant);
        check_log_on_server_error(cx, variant);
        check_required_headers(cx, variant);
        check_field_references(cx, variant);
        for field in &variant.members {
            check_extension_name(cx, field);
        }
        check_members_unique(cx, variant);
    }
    check_code_has_one_status(cx, input);
}

// An extension member's name follows RFC 9457 Section 3.2 (an ASCII letter,
// then letters, digits and `_`, three characters or more, so it is also an
// XML name) and is not a member the body writes itself:
//     #[http(extension = "x-id")] id: u64     <- rejected
//     #[http(extension)] code: u16            <- rejected: `code` is taken
//     #[http(extension)] u64                  <- rejected: a tuple field has no name
fn check_extension_name(cx: &Ctxt, field: &Field<'_>) {
    let FieldRole::Extension(token, literal) = &field.role else {
        return;
    };
    let Some(name) = field.extension_name() else {
        cx.error_at(
            token.span,
            "a tuple field has no name for the member; name it, such as #[http(extension = \"balance\")]",
        );
        return;
    };
    if let Some(reason) = crate::member::name_problem(&name) {
        let span = literal.as_ref().map_or_else(
            || {
                field
                    .original
                    .ident
                    .as_ref()
                    .map_or(token.span, syn::Ident::span)
            },
            syn::LitStr::span,
        );
        cx.error_at(
            span,
            format_args!(
                "`{name}` cannot be an extension member name: {reason}; name the member with #[http(extension = \"...\")], such as \"balance\""
            ),
        );
    }
}

// One variant sends each member once: one `instance`, one `errors` list, and
// extension members with distinct names:
//     #[http(extension = "balance")] a: u32,
//     #[http(extension = "balance")] b: u32,   <- rejected
fn check_members_unique(cx: &Ctxt, variant: &Variant<'_>) {
    let mut seen: Vec<(String, Span)> = Vec::new();
    for field in &variant.members {
        let name = match &field.role {
            FieldRole::Extension(..) => match field.extension_name() {
                Some(name) => name,
                None => continue,
            },
            FieldRole::Instance(_) => "instance".to_owned(),
            FieldRole::Errors(_) => "errors".to_owned(),
        };
        let span = field.role.span();
        if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == name) {
            let mut error = syn::Error::new(
                span,
                format_args!(
                    "`{}` already has a field for the `{name}` member; a problem sends each member once",
                    variant.ident
                ),
            );
            error.combine(syn::Error::new(*first, "first specified here"));
            cx.syn_error(error);
        } else {
            seen.push((name, span));
        }
    }
}

// A client branches on `code`, so one code means one status:
//     #[http(status = 404, code = "missing")] A,
//     #[http(status = 410, code = "missing")] B,   <- rejected
fn check_code_has_one_status(cx: &Ctxt, input: &Input<'_>) {
    let variants = input.variants();
    // Each code once: comparing every pair of variants by `Variant::code`,
    // which builds a string, took a fifth of the derive's time on 40 variants.
    let codes: Vec<String> = variants.iter().map(Variant::code).collect();
    for (index, (variant, code)) in variants.iter().zip(&codes).enumerate() {
        let Some(entry) = variant.status else {
            continue;
        };
        let earlier = variants[..index]
            .iter()
            .zip(&codes)
            .find(|(other, other_code)| {
                other.attrs.transparent.is_none()
                    && other.status.is_some_and(|other| other.code != entry.code)
                    && *other_code == code
            })
            .map(|(other, _)| other);
        let (Some(earlier), Some(other_entry)) = (earlier, earlier.and_then(|other| other.status))
        else {
            continue;
        };
        let span = variant
            .attrs
            .code
            .as_ref()
            .map_or_else(|| variant.ident.span(), |(_, literal)| literal.span());
        let first = earlier
            .attrs
            .code
            .as_ref()
            .map_or_else(|| earlier.ident.span(), |(_, literal)| literal.span());
        let mut error = syn::Error::new(
            span,
            format_args!(
                "code `{code}` is already {} {} on `{}`, and here {} {}; a client that branches on `code` would get two statuses, so give this variant its own code",
                other_entry.code, other_entry.phrase, earlier.ident, entry.code, entry.phrase
            ),
        );
        error.combine(syn::Error::new(first, "first used here"));
        cx.syn_error(error);
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

// Only a status that is heuristically cacheable (`cacheable` in the spec,
// RFC 9111 Section 4.2.2) may let caches store the error:
//     #[http(status = 409, cacheable)]   <- rejected: 409 is not
//     #[http(status = 410, cacheable)]
fn check_cacheable_status(cx: &Ctxt, variant: &Variant<'_>) {
    let (Some(cacheable), Some(entry)) = (variant.attrs.cacheable, variant.status) else {
        return;
    };
    if !entry.cacheable {
        cx.error_at(
            cacheable.span,
            format_args!(
                "{} {} is not heuristically cacheable (RFC 9111 Section 4.2.2), so `cacheable` cannot apply; its responses carry `Cache-Control: no-store`",
                entry.code, entry.phrase
            ),
        );
    }
}

// Only a 5xx is logged, so only a 5xx takes a level:
//     #[http(status = 404, log = "info")]   <- rejected
//     #[http(status = 503, log = "info")]
fn check_log_on_server_error(cx: &Ctxt, variant: &Variant<'_>) {
    let (Some((log, _)), Some(entry)) = (&variant.attrs.log, variant.status) else {
        return;
    };
    if entry.class() != Class::ServerError {
        cx.error_at(
            log.span,
            format_args!(
                "{} {} is not logged: only a 5xx is, so `log` applies to 5xx statuses only",
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
    let member_spans = variant.members.iter().map(|field| field.role.span());
    for span in variant
        .attrs
        .variant_key_spans()
        .into_iter()
        .chain(member_spans)
    {
        cx.error_at(
            span,
            "#[http(transparent)] takes everything from the inner error; remove this key or `transparent`",
        );
    }
}
