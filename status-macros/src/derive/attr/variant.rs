//! The keys that belong on each variant (or on the struct): the status, the
//! code, the flags and the headers.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Attribute, Ident, LitInt, LitStr, Token};

use super::{SetsHeader, duplicate, kw, set_once};
use crate::ctxt::Ctxt;
use crate::header;
use crate::spec::GRPC_CODES;

pub(crate) enum StatusRef {
    Number(LitInt),
    Name(Ident),
}

pub(crate) enum HeaderValue {
    /// A string checked at compile time.
    Literal(LitStr),
    /// `retry_after = 60`.
    Seconds(LitInt),
    /// A field of the variant, checked at run time.
    Field(Ident),
}

pub(crate) struct HeaderAttr {
    pub(crate) name: String,
    pub(crate) key_span: Span,
    pub(crate) value: HeaderValue,
}

#[derive(Default)]
pub(crate) struct Variant<'a> {
    /// The first `#[http]` attribute, for errors about what is missing.
    pub(crate) original: Option<&'a Attribute>,
    /// A key was unknown, misplaced or failed to parse: skip the "missing"
    /// checks that would only repeat it.
    pub(crate) malformed: bool,
    pub(crate) status: Option<(kw::status, StatusRef)>,
    pub(crate) cacheable: Option<kw::cacheable>,
    pub(crate) code: Option<(kw::code, LitStr)>,
    pub(crate) expose: Option<kw::expose>,
    /// A `GrpcCode` variant name, checked against the spec's list.
    pub(crate) grpc: Option<(kw::grpc, Ident)>,
    /// `log = "warn"`: the level's name in `LogLevel`, such as `Warn`.
    pub(crate) log: Option<(kw::log, &'static str)>,
    pub(crate) transparent: Option<kw::transparent>,
    pub(crate) headers: Vec<HeaderAttr>,
}

impl Variant<'_> {
    pub(super) fn parse_status(
        &mut self,
        cx: &Ctxt,
        token: kw::status,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let value = meta.value()?;
        let status = if value.peek(LitInt) {
            StatusRef::Number(value.parse()?)
        } else if value.peek(Ident) {
            StatusRef::Name(value.parse()?)
        } else {
            return Err(
                value.error("expected a status number like `404` or a name like `NotFound`")
            );
        };
        set_once(cx, &mut self.status, token, status);
        Ok(())
    }

    pub(super) fn parse_code(
        &mut self,
        cx: &Ctxt,
        token: kw::code,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let literal: LitStr = meta.value()?.parse()?;
        check_code_literal(cx, &literal);
        set_once(cx, &mut self.code, token, literal);
        Ok(())
    }

    /// `grpc = Unavailable`: the gRPC code, instead of the status's mapping.
    pub(super) fn parse_grpc(
        &mut self,
        cx: &Ctxt,
        token: kw::grpc,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let value = meta.value()?;
        if value.peek(LitStr) {
            let literal: LitStr = value.parse()?;
            let hint = grpc_variant_of_proto_name(&literal.value())
                .map_or("Unavailable", |(_, variant)| variant);
            return Err(syn::Error::new(
                literal.span(),
                format_args!("expected a gRPC code name without quotes, such as `grpc = {hint}`"),
            ));
        }
        let ident: Ident = value.parse()?;
        if check_grpc_code(cx, &ident) {
            set_once(cx, &mut self.grpc, token, ident);
        } else {
            self.malformed = true;
        }
        Ok(())
    }

    /// `log = "warn"`: one of `tracing`'s level names.
    pub(super) fn parse_log(
        &mut self,
        cx: &Ctxt,
        token: kw::log,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let literal: LitStr = meta.value()?.parse()?;
        let level = match literal.value().as_str() {
            "error" => "Error",
            "warn" => "Warn",
            "info" => "Info",
            "debug" => "Debug",
            "trace" => "Trace",
            other => {
                cx.error_spanned_by(
                    &literal,
                    format_args!(
                        "unknown log level `{other}`; expected one of `error`, `warn`, `info`, `debug`, `trace`"
                    ),
                );
                return Ok(());
            }
        };
        set_once(cx, &mut self.log, token, level);
        Ok(())
    }

    /// `header("X-Name" = "literal")` or `header("X-Name" = field)`.
    pub(super) fn parse_header(
        &mut self,
        cx: &Ctxt,
        token: kw::header,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let content;
        syn::parenthesized!(content in meta.input);
        let name: LitStr = content.parse()?;
        content.parse::<Token![=]>()?;
        check_header_name(cx, &name);
        let value = if content.peek(Ident) {
            HeaderValue::Field(content.parse()?)
        } else {
            let literal: LitStr = content.parse()?;
            check_header_literal(cx, &name.value(), &literal);
            HeaderValue::Literal(literal)
        };
        self.push_header(cx, name.value(), token.span, value);
        Ok(())
    }

    /// `retry_after = 60` or `retry_after = field`.
    pub(super) fn parse_retry_after(
        &mut self,
        cx: &Ctxt,
        token: kw::retry_after,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let value = meta.value()?;
        let value = if value.peek(Ident) {
            HeaderValue::Field(value.parse()?)
        } else if value.peek(LitInt) {
            let seconds: LitInt = value.parse()?;
            if seconds.base10_parse::<u64>().is_err() || !seconds.suffix().is_empty() {
                cx.error_spanned_by(
                    &seconds,
                    "`retry_after` takes whole seconds, such as `retry_after = 60`",
                );
            }
            HeaderValue::Seconds(seconds)
        } else {
            return Err(value.error("expected seconds such as `retry_after = 60`, or a field name"));
        };
        self.push_header(cx, kw::retry_after::HEADER.to_owned(), token.span, value);
        Ok(())
    }

    /// A key that sets one header from a string or a field: `allow = "GET"`.
    pub(super) fn parse_header_key<K: SetsHeader>(
        &mut self,
        cx: &Ctxt,
        token: K,
        meta: &ParseNestedMeta<'_>,
    ) -> syn::Result<()> {
        let value = meta.value()?;
        let value = if value.peek(Ident) {
            HeaderValue::Field(value.parse()?)
        } else if value.peek(LitStr) {
            let literal: LitStr = value.parse()?;
            check_header_literal(cx, K::HEADER, &literal);
            HeaderValue::Literal(literal)
        } else {
            return Err(value.error(format_args!(
                "expected a string such as `{} = \"...\"`, or a field name",
                K::KEY
            )));
        };
        self.push_header(cx, K::HEADER.to_owned(), token.span(), value);
        Ok(())
    }

    fn push_header(&mut self, cx: &Ctxt, name: String, key_span: Span, value: HeaderValue) {
        if let Some(first) = self
            .headers
            .iter()
            .find(|existing| existing.name.eq_ignore_ascii_case(&name))
        {
            duplicate(
                cx,
                first.key_span,
                key_span,
                format_args!("`{name}` header"),
            );
            return;
        }
        self.headers.push(HeaderAttr {
            name,
            key_span,
            value,
        });
    }

    /// The keys that make sense only for a variant of its own, not for one
    /// that delegates with `transparent`.
    pub(crate) fn variant_key_spans(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        spans.extend(self.status.as_ref().map(|(token, _)| token.span));
        spans.extend(self.code.as_ref().map(|(token, _)| token.span));
        spans.extend(self.cacheable.map(|token| token.span));
        spans.extend(self.expose.map(|token| token.span));
        spans.extend(self.grpc.as_ref().map(|(token, _)| token.span));
        spans.extend(self.log.as_ref().map(|(token, _)| token.span));
        spans.extend(self.headers.iter().map(|header| header.key_span));
        spans
    }
}

// A header name is a field name that the response builder does not set itself:
//     #[http(header("X Request Id" = "abc"))]          <- rejected
//     #[http(header("Content-Type" = "text/plain"))]   <- rejected
fn check_header_name(cx: &Ctxt, name: &LitStr) {
    if let Some(reason) = header::response_name_problem(&name.value()) {
        cx.error_spanned_by(
            name,
            format_args!("invalid header name `{}`: {reason}", name.value()),
        );
    }
}

// Header literals go out verbatim, so they must be valid field values:
//     #[http(allow = "GET\r\nX-Injected: 1")]   <- rejected
fn check_header_literal(cx: &Ctxt, header: &str, literal: &LitStr) {
    if let Some(reason) = header::value_problem(&literal.value()) {
        cx.error_spanned_by(
            literal,
            format_args!(
                "invalid value for the `{header}` header: {reason}; use visible ASCII text"
            ),
        );
    }
}

// Codes are for machines: `item_not_found`, not prose.
//     #[http(code = "item not found!")]   <- rejected
fn check_code_literal(cx: &Ctxt, literal: &LitStr) {
    let value = literal.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"_-.:/".contains(&byte));
    if !valid {
        cx.error_spanned_by(
            literal,
            "`code` must be a non-empty machine-readable identifier such as \"item_not_found\" (letters, digits, `_`, `-`, `.`, `:`, `/`)",
        );
    }
}

fn grpc_variant_of_proto_name(name: &str) -> Option<&'static (&'static str, &'static str)> {
    GRPC_CODES.iter().find(|(proto, _)| *proto == name)
}

// `grpc` names a `google.rpc.Code` other than `OK`, as `GrpcCode` spells it:
//     #[http(grpc = Unavalable)]    <- rejected, with "did you mean `Unavailable`?"
//     #[http(grpc = UNAVAILABLE)]   <- rejected, with "did you mean `Unavailable`?"
//     #[http(grpc = Ok)]            <- rejected: an error is never OK
fn check_grpc_code(cx: &Ctxt, ident: &Ident) -> bool {
    let name = ident.to_string();
    if name == "Ok" {
        cx.error_spanned_by(
            ident,
            "`Ok` is not an error code; an error is sent with any other gRPC code",
        );
        return false;
    }
    let errors = || {
        GRPC_CODES
            .iter()
            .map(|(_, variant)| *variant)
            .filter(|variant| *variant != "Ok")
    };
    if errors().any(|variant| variant == name) {
        return true;
    }
    let suggestion = grpc_variant_of_proto_name(&name)
        .map(|(_, variant)| *variant)
        .or_else(|| super::suggest::closest(&name, errors()));
    let message = match suggestion {
        Some(suggestion) => format!("`{name}` is not a gRPC code; did you mean `{suggestion}`?"),
        None => format!(
            "`{name}` is not a gRPC code; expected one of {}",
            errors()
                .map(|variant| format!("`{variant}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    cx.error_spanned_by(ident, message);
    false
}
