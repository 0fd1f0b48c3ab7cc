//! `#[http(...)]`: parsing into typed attributes, with the checks that need
//! only the attribute itself (duplicates, unknown keys, literal syntax).

use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Attribute, Ident, LitInt, LitStr, Token};

use super::suggest;
use crate::ctxt::Ctxt;
use crate::header;

/// Where an `#[http(...)]` attribute sits decides which keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Enum,
    Variant,
    Struct,
}

const CONTAINER_KEYS: &[&str] = &["type_base", "crate"];
const VARIANT_KEYS: &[&str] = &[
    "status",
    "code",
    "expose",
    "transparent",
    "retry_after",
    "www_authenticate",
    "allow",
    "location",
    "proxy_authenticate",
    "upgrade",
    "header",
];

/// The header keys and the field they set.
const HEADER_KEYS: &[(&str, &str)] = &[
    ("retry_after", "Retry-After"),
    ("www_authenticate", "WWW-Authenticate"),
    ("allow", "Allow"),
    ("location", "Location"),
    ("proxy_authenticate", "Proxy-Authenticate"),
    ("upgrade", "Upgrade"),
];

/// The attribute key that sets a header, for hints: `WWW-Authenticate` -> `www_authenticate = "..."`.
pub(crate) fn key_for_header(header: &str) -> String {
    HEADER_KEYS
        .iter()
        .find(|(_, name)| name.eq_ignore_ascii_case(header))
        .map_or_else(
            || format!("header(\"{header}\" = \"...\")"),
            |(key, _)| format!("{key} = \"...\""),
        )
}

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
pub(crate) struct Attrs<'a> {
    /// The first `#[http]` attribute, for errors about what is missing.
    pub(crate) original: Option<&'a Attribute>,
    /// An attribute failed to parse: skip the "missing" checks that would only repeat it.
    pub(crate) malformed: bool,
    pub(crate) status: Option<(Span, StatusRef)>,
    pub(crate) code: Option<(Span, LitStr)>,
    pub(crate) expose: Option<Span>,
    pub(crate) transparent: Option<Span>,
    pub(crate) headers: Vec<HeaderAttr>,
    pub(crate) type_base: Option<(Span, LitStr)>,
    pub(crate) krate: Option<(Span, syn::Path)>,
}

impl<'a> Attrs<'a> {
    pub(crate) fn from_syn(cx: &Ctxt, attrs: &'a [Attribute], place: Place) -> Self {
        let mut parsed = Attrs::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("http")) {
            parsed.original.get_or_insert(attr);
            if let Err(error) = attr.parse_nested_meta(|meta| parsed.parse_key(cx, &meta, place)) {
                parsed.malformed = true;
                cx.syn_error(error);
            }
        }
        parsed
    }

    fn parse_key(
        &mut self,
        cx: &Ctxt,
        meta: &syn::meta::ParseNestedMeta<'_>,
        place: Place,
    ) -> syn::Result<()> {
        let Some(key) = meta.path.get_ident().map(ToString::to_string) else {
            return Err(meta.error("expected a key such as `status = 404`"));
        };
        let span = meta.path.span();
        let allowed_here = match place {
            Place::Enum => CONTAINER_KEYS.contains(&key.as_str()),
            Place::Variant => VARIANT_KEYS.contains(&key.as_str()),
            Place::Struct => {
                CONTAINER_KEYS.contains(&key.as_str()) || VARIANT_KEYS.contains(&key.as_str())
            }
        };
        if !allowed_here {
            self.malformed = true;
            return Err(syn::Error::new(span, misplaced_key_message(&key, place)));
        }
        match key.as_str() {
            "status" => {
                let value = meta.value()?;
                let status = if value.peek(LitInt) {
                    StatusRef::Number(value.parse()?)
                } else if value.peek(Ident) {
                    StatusRef::Name(value.parse()?)
                } else {
                    return Err(value
                        .error("expected a status number like `404` or a name like `NotFound`"));
                };
                set_once(cx, &mut self.status, (span, status), "status");
            }
            "code" => {
                let literal: LitStr = meta.value()?.parse()?;
                check_code_literal(cx, &literal);
                set_once(cx, &mut self.code, (span, literal), "code");
            }
            "expose" => set_flag(cx, &mut self.expose, span, "expose"),
            "transparent" => set_flag(cx, &mut self.transparent, span, "transparent"),
            "type_base" => {
                let literal: LitStr = meta.value()?.parse()?;
                check_type_base(cx, &literal);
                set_once(cx, &mut self.type_base, (span, literal), "type_base");
            }
            "crate" => {
                let literal: LitStr = meta.value()?.parse()?;
                let path = literal.parse::<syn::Path>().map_err(|_| {
                    syn::Error::new(
                        literal.span(),
                        "expected a path such as `crate = \"my_crate::status_core\"`",
                    )
                })?;
                set_once(cx, &mut self.krate, (span, path), "crate");
            }
            "header" => {
                let content;
                syn::parenthesized!(content in meta.input);
                let name: LitStr = content.parse()?;
                content.parse::<Token![=]>()?;
                if let Some(reason) = header::response_name_problem(&name.value()) {
                    cx.error_spanned_by(
                        &name,
                        format_args!("invalid header name `{}`: {reason}", name.value()),
                    );
                }
                let value = if content.peek(Ident) {
                    HeaderValue::Field(content.parse()?)
                } else {
                    let literal: LitStr = content.parse()?;
                    check_header_literal(cx, &name.value(), &literal);
                    HeaderValue::Literal(literal)
                };
                self.push_header(cx, name.value(), span, value);
            }
            _ => {
                let header_name = HEADER_KEYS
                    .iter()
                    .find(|(candidate, _)| *candidate == key)
                    .map_or("", |(_, name)| *name);
                let value = Self::parse_header_value(cx, meta, &key, header_name)?;
                self.push_header(cx, header_name.to_owned(), span, value);
            }
        }
        Ok(())
    }

    fn parse_header_value(
        cx: &Ctxt,
        meta: &syn::meta::ParseNestedMeta<'_>,
        key: &str,
        header_name: &str,
    ) -> syn::Result<HeaderValue> {
        let value = meta.value()?;
        if value.peek(Ident) {
            return Ok(HeaderValue::Field(value.parse()?));
        }
        if key == "retry_after" {
            if value.peek(LitInt) {
                let seconds: LitInt = value.parse()?;
                if seconds.base10_parse::<u64>().is_err() || !seconds.suffix().is_empty() {
                    cx.error_spanned_by(
                        &seconds,
                        "`retry_after` takes whole seconds, such as `retry_after = 60`",
                    );
                }
                return Ok(HeaderValue::Seconds(seconds));
            }
            return Err(value.error("expected seconds such as `retry_after = 60`, or a field name"));
        }
        if value.peek(LitStr) {
            let literal: LitStr = value.parse()?;
            check_header_literal(cx, header_name, &literal);
            return Ok(HeaderValue::Literal(literal));
        }
        Err(value.error(format_args!(
            "expected a string such as `{key} = \"...\"`, or a field name"
        )))
    }

    fn push_header(&mut self, cx: &Ctxt, name: String, key_span: Span, value: HeaderValue) {
        if let Some(first) = self
            .headers
            .iter()
            .find(|existing| existing.name.eq_ignore_ascii_case(&name))
        {
            let mut error = syn::Error::new(
                key_span,
                format_args!("duplicate `{name}` header in #[http(...)]"),
            );
            error.combine(syn::Error::new(first.key_span, "first specified here"));
            cx.syn_error(error);
            return;
        }
        self.headers.push(HeaderAttr {
            name,
            key_span,
            value,
        });
    }

    /// Whether the attribute sets any key that makes sense only for a variant.
    pub(crate) fn variant_key_spans(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        spans.extend(self.status.as_ref().map(|(span, _)| *span));
        spans.extend(self.code.as_ref().map(|(span, _)| *span));
        spans.extend(self.expose);
        spans.extend(self.headers.iter().map(|header| header.key_span));
        spans
    }
}

fn misplaced_key_message(key: &str, place: Place) -> String {
    let known = VARIANT_KEYS.contains(&key) || CONTAINER_KEYS.contains(&key);
    match (known, place) {
        (true, Place::Enum) => {
            format!("`{key}` belongs on a variant; put #[http({key} = ...)] above the variant")
        }
        (true, _) => format!("`{key}` belongs on the enum; put #[http({key} = ...)] above `enum`"),
        (false, _) => {
            let candidates = VARIANT_KEYS.iter().chain(CONTAINER_KEYS).copied();
            match suggest::closest(key, candidates) {
                Some(suggestion) => {
                    format!("unknown key `{key}` in #[http(...)]; did you mean `{suggestion}`?")
                }
                None => format!(
                    "unknown key `{key}` in #[http(...)]; expected one of {}",
                    VARIANT_KEYS
                        .iter()
                        .chain(CONTAINER_KEYS)
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    }
}

fn set_once<T>(cx: &Ctxt, slot: &mut Option<(Span, T)>, value: (Span, T), key: &str) {
    if let Some((first, _)) = slot {
        let mut error = syn::Error::new(value.0, format_args!("duplicate `{key}` in #[http(...)]"));
        error.combine(syn::Error::new(*first, "first specified here"));
        cx.syn_error(error);
    } else {
        *slot = Some(value);
    }
}

fn set_flag(cx: &Ctxt, slot: &mut Option<Span>, span: Span, key: &str) {
    if let Some(first) = slot {
        let mut error = syn::Error::new(span, format_args!("duplicate `{key}` in #[http(...)]"));
        error.combine(syn::Error::new(*first, "first specified here"));
        cx.syn_error(error);
    } else {
        *slot = Some(span);
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

// The problem `type` is a URI reference; prose or whitespace is not.
//     #[http(type_base = "see our docs")]   <- rejected
fn check_type_base(cx: &Ctxt, literal: &LitStr) {
    let value = literal.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|byte| byte.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&byte));
    if !valid {
        cx.error_spanned_by(
            literal,
            "`type_base` must be a URI such as \"https://example.com/problems/\"; the code is appended to it",
        );
    }
}
