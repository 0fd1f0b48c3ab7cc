//! `#[http(...)]`: every key, where each belongs, and parsing into typed
//! attributes with the checks that need only the attribute itself
//! (duplicates, unknown or misplaced keys, literal syntax). The keys of the
//! enum are in `container.rs`, those of a variant in `variant.rs`, those of
//! a field in `field.rs`; a struct takes the first two.

mod container;
mod field;
mod variant;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::Attribute;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned as _;

use super::suggest;
use crate::ctxt::Ctxt;

pub(crate) use container::Container;
pub(crate) use field::{Field, FieldRole};
pub(crate) use variant::{HeaderAttr, HeaderValue, StatusRef, Variant};

/// The keywords of `#[http(...)]`, one per key but `crate`, which is Rust's
/// own keyword (`Token![crate]`).
pub(crate) mod kw {
    syn::custom_keyword!(allow);
    syn::custom_keyword!(cacheable);
    syn::custom_keyword!(code);
    syn::custom_keyword!(errors);
    syn::custom_keyword!(expose);
    syn::custom_keyword!(extension);
    syn::custom_keyword!(grpc);
    syn::custom_keyword!(grpc_domain);
    syn::custom_keyword!(header);
    syn::custom_keyword!(instance);
    syn::custom_keyword!(location);
    syn::custom_keyword!(log);
    syn::custom_keyword!(proxy_authenticate);
    syn::custom_keyword!(retry_after);
    syn::custom_keyword!(status);
    syn::custom_keyword!(transparent);
    syn::custom_keyword!(type_base);
    syn::custom_keyword!(upgrade);
    syn::custom_keyword!(www_authenticate);
}

/// Declares `Key` from the table below: one variant per key, holding its
/// keyword token, grouped by where the key belongs. A key is recognised only
/// by `Key::from_path`, and every use of a key is a `match` on `Key`, so a
/// new row without its own arm does not compile. Header keys also implement
/// `SetsHeader`.
macro_rules! keys {
    (
        container { $($container:ident($($container_token:ident)::+) $container_name:literal,)* }
        variant { $($variant:ident($($variant_token:ident)::+) $variant_name:literal,)* }
        field { $($field:ident($($field_token:ident)::+) $field_name:literal,)* }
        headers {
            $($header_variant:ident($($header_token:ident)::+) $header_key:literal => $header:literal,)*
        }
    ) => {
        #[derive(Clone, Copy)]
        pub(crate) enum Key {
            $($container($($container_token)::+),)*
            $($variant($($variant_token)::+),)*
            $($field($($field_token)::+),)*
            $($header_variant($($header_token)::+),)*
        }

        impl Key {
            /// Every key's name, in the order "expected one of" lists them.
            const NAMES: &[&str] = &[$($variant_name,)* $($header_key,)* $($container_name,)* $($field_name,)*];

            /// The keys that set one header each, and the header they set.
            const HEADER_KEYS: &[(&str, &str)] = &[$(($header_key, $header),)*];

            fn from_name(name: &str, span: Span) -> Option<Key> {
                match name {
                    $($container_name => Some(Key::$container($($container_token)::+ { span })),)*
                    $($variant_name => Some(Key::$variant($($variant_token)::+ { span })),)*
                    $($field_name => Some(Key::$field($($field_token)::+ { span })),)*
                    $($header_key => Some(Key::$header_variant($($header_token)::+ { span })),)*
                    // Not a key; the caller reports it.
                    _ => None,
                }
            }

            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Key::$container(_) => $container_name,)*
                    $(Key::$variant(_) => $variant_name,)*
                    $(Key::$field(_) => $field_name,)*
                    $(Key::$header_variant(_) => $header_key,)*
                }
            }

            /// Where the key belongs.
            fn home(self) -> Home {
                match self {
                    $(Key::$container(_) => Home::Container,)*
                    $(Key::$variant(_) => Home::Variant,)*
                    $(Key::$field(_) => Home::Field,)*
                    $(Key::$header_variant(_) => Home::Variant,)*
                }
            }
        }

        impl ToTokens for Key {
            fn to_tokens(&self, tokens: &mut TokenStream) {
                match self {
                    $(Key::$container(token) => token.to_tokens(tokens),)*
                    $(Key::$variant(token) => token.to_tokens(tokens),)*
                    $(Key::$field(token) => token.to_tokens(tokens),)*
                    $(Key::$header_variant(token) => token.to_tokens(tokens),)*
                }
            }
        }

        $(impl SetsHeader for $($header_token)::+ {
            const KEY: &'static str = $header_key;
            const HEADER: &'static str = $header;
        })*
    };
}

keys! {
    // On the enum, or on a struct.
    container {
        TypeBase(kw::type_base) "type_base",
        Crate(syn::token::Crate) "crate",
        GrpcDomain(kw::grpc_domain) "grpc_domain",
    }
    // On each variant, or on a struct.
    variant {
        Status(kw::status) "status",
        Cacheable(kw::cacheable) "cacheable",
        Code(kw::code) "code",
        Expose(kw::expose) "expose",
        Grpc(kw::grpc) "grpc",
        Log(kw::log) "log",
        Transparent(kw::transparent) "transparent",
        Header(kw::header) "header",
    }
    // On a field of a variant or of a struct.
    field {
        Extension(kw::extension) "extension",
        Instance(kw::instance) "instance",
        Errors(kw::errors) "errors",
    }
    // On each variant, or on a struct; each sets the header after `=>`.
    headers {
        RetryAfter(kw::retry_after) "retry_after" => "Retry-After",
        WwwAuthenticate(kw::www_authenticate) "www_authenticate" => "WWW-Authenticate",
        Allow(kw::allow) "allow" => "Allow",
        Location(kw::location) "location" => "Location",
        ProxyAuthenticate(kw::proxy_authenticate) "proxy_authenticate" => "Proxy-Authenticate",
        Upgrade(kw::upgrade) "upgrade" => "Upgrade",
    }
}

/// A key that sets one header: `allow = "GET"` is `header("Allow" = "GET")`.
pub(crate) trait SetsHeader: ToTokens + Copy {
    const KEY: &'static str;
    const HEADER: &'static str;
}

impl Key {
    /// The key `path` spells, if it spells one.
    fn from_path(path: &syn::Path) -> Option<Key> {
        let ident = path.get_ident()?;
        Key::from_name(&ident.to_string(), ident.span())
    }
}

/// The attribute key that sets a header, for hints: `WWW-Authenticate` ->
/// `www_authenticate = "..."`, anything else -> `header("X-Name" = "...")`.
pub(crate) fn key_for_header(header: &str) -> String {
    Key::HEADER_KEYS
        .iter()
        .find(|(_, name)| name.eq_ignore_ascii_case(header))
        .map_or_else(
            || format!("header(\"{header}\" = \"...\")"),
            |(key, _)| format!("{key} = \"...\""),
        )
}

/// Where an `#[http(...)]` attribute sits decides which keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Enum,
    Variant,
    Struct,
    Field,
}

/// Where a key belongs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Home {
    Container,
    Variant,
    Field,
}

/// Parses every `#[http(...)]` of an item. An enum's attributes fill only the
/// container part, a variant's only the variant part, a struct's both.
pub(crate) fn parse<'a>(
    cx: &Ctxt,
    attrs: &'a [Attribute],
    place: Place,
) -> (Container, Variant<'a>) {
    let mut container = Container::default();
    let mut variant = Variant::default();
    let mut field = Field::default();
    parse_into(cx, attrs, place, &mut container, &mut variant, &mut field);
    (container, variant)
}

/// Parses the `#[http(...)]` attributes of a field.
pub(crate) fn parse_field(cx: &Ctxt, attrs: &[Attribute]) -> Field {
    let mut container = Container::default();
    let mut variant = Variant::default();
    let mut field = Field::default();
    parse_into(
        cx,
        attrs,
        Place::Field,
        &mut container,
        &mut variant,
        &mut field,
    );
    field
}

fn parse_into<'a>(
    cx: &Ctxt,
    attrs: &'a [Attribute],
    place: Place,
    container: &mut Container,
    variant: &mut Variant<'a>,
    field: &mut Field,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("http")) {
        variant.original.get_or_insert(attr);
        let parsed = attr.parse_nested_meta(|meta| {
            let Some(key) = Key::from_path(&meta.path) else {
                variant.malformed = true;
                cx.error_spanned_by(&meta.path, unknown_key_message(&meta.path));
                return skip_value(meta.input);
            };
            let allowed = match place {
                Place::Enum => key.home() == Home::Container,
                Place::Variant => key.home() == Home::Variant,
                Place::Struct => key.home() != Home::Field,
                Place::Field => key.home() == Home::Field,
            };
            if !allowed {
                variant.malformed = true;
                cx.error_spanned_by(&meta.path, misplaced_key_message(key, place));
                return skip_value(meta.input);
            }
            dispatch(cx, key, &meta, container, variant, field)
        });
        if let Err(error) = parsed {
            variant.malformed = true;
            cx.syn_error(error);
        }
    }
}

/// One arm per key.
fn dispatch(
    cx: &Ctxt,
    key: Key,
    meta: &ParseNestedMeta<'_>,
    container: &mut Container,
    variant: &mut Variant<'_>,
    field: &mut Field,
) -> syn::Result<()> {
    match key {
        Key::Extension(token) => field.parse_extension(cx, token, meta),
        Key::Instance(token) => {
            field.set_role(cx, FieldRole::Instance(token));
            Ok(())
        }
        Key::Errors(token) => {
            field.set_role(cx, FieldRole::Errors(token));
            Ok(())
        }
        Key::TypeBase(token) => container.parse_type_base(cx, token, meta),
        Key::Crate(token) => container.parse_crate(cx, token, meta),
        Key::GrpcDomain(token) => container.parse_grpc_domain(cx, token, meta),
        Key::Status(token) => variant.parse_status(cx, token, meta),
        Key::Code(token) => variant.parse_code(cx, token, meta),
        Key::Cacheable(token) => {
            set_flag(cx, &mut variant.cacheable, token);
            Ok(())
        }
        Key::Expose(token) => {
            set_flag(cx, &mut variant.expose, token);
            Ok(())
        }
        Key::Log(token) => variant.parse_log(cx, token, meta),
        Key::Transparent(token) => {
            set_flag(cx, &mut variant.transparent, token);
            Ok(())
        }
        Key::Grpc(token) => variant.parse_grpc(cx, token, meta),
        Key::Header(token) => variant.parse_header(cx, token, meta),
        Key::RetryAfter(token) => variant.parse_retry_after(cx, token, meta),
        Key::WwwAuthenticate(token) => variant.parse_header_key(cx, token, meta),
        Key::Allow(token) => variant.parse_header_key(cx, token, meta),
        Key::Location(token) => variant.parse_header_key(cx, token, meta),
        Key::ProxyAuthenticate(token) => variant.parse_header_key(cx, token, meta),
        Key::Upgrade(token) => variant.parse_header_key(cx, token, meta),
    }
}

/// Skips the value of a key that was already reported, up to the next `,`,
/// so the keys after it are still parsed and checked.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            if matches!(&token, TokenTree::Punct(punct) if punct.as_char() == ',') {
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    })
}

fn unknown_key_message(path: &syn::Path) -> String {
    let Some(ident) = path.get_ident() else {
        return "expected a key such as `status = 404`".to_owned();
    };
    let key = ident.to_string();
    match suggest::closest(&key, Key::NAMES.iter().copied()) {
        Some(suggestion) => {
            format!("unknown key `{key}` in #[http(...)]; did you mean `{suggestion}`?")
        }
        None => format!(
            "unknown key `{key}` in #[http(...)]; expected one of {}",
            Key::NAMES
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn misplaced_key_message(key: Key, place: Place) -> String {
    let name = key.name();
    match (key.home(), place) {
        (Home::Field, _) => format!(
            "`{name}` belongs on a field; put #[http({name})] on the field whose value it sends"
        ),
        (_, Place::Field) => format!(
            "`{name}` does not belong on a field; on a field #[http(...)] takes `extension`, `instance` or `errors`"
        ),
        (_, Place::Enum) => {
            format!("`{name}` belongs on a variant; put #[http({name} = ...)] above the variant")
        }
        (_, Place::Variant | Place::Struct) => {
            format!("`{name}` belongs on the enum; put #[http({name} = ...)] above `enum`")
        }
    }
}

/// Stores the first occurrence of a key and its value; a second one is an
/// error.
fn set_once<K: ToTokens, V>(cx: &Ctxt, slot: &mut Option<(K, V)>, key: K, value: V) {
    match slot {
        Some((first, _)) => duplicate(cx, first.span(), key.span(), key_name(&key)),
        None => *slot = Some((key, value)),
    }
}

/// `set_once` for a key without a value, such as `expose`.
fn set_flag<K: ToTokens>(cx: &Ctxt, slot: &mut Option<K>, key: K) {
    match slot {
        Some(first) => duplicate(cx, first.span(), key.span(), key_name(&key)),
        None => *slot = Some(key),
    }
}

/// "`status`": a keyword as the user wrote it.
fn key_name(key: &impl ToTokens) -> String {
    format!("`{}`", key.to_token_stream())
}

/// A key given twice: the error is on the second, with a note on the first.
fn duplicate(cx: &Ctxt, first: Span, second: Span, what: impl std::fmt::Display) {
    let mut error = syn::Error::new(second, format_args!("duplicate {what} in #[http(...)]"));
    error.combine(syn::Error::new(first, "first specified here"));
    cx.syn_error(error);
}

#[cfg(test)]
mod tests {
    use proc_macro2::Span;
    use quote::ToTokens as _;

    use super::Key;

    #[test]
    fn every_name_spells_its_own_keyword() {
        for name in Key::NAMES {
            let key = Key::from_name(name, Span::call_site()).expect(name);
            assert_eq!(key.name(), *name);
            assert_eq!(key.to_token_stream().to_string(), *name);
        }
    }
}
