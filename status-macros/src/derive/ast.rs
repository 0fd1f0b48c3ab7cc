//! The intermediate representation of a type deriving `HttpError`. Every node
//! keeps its syn original so errors land on the user's tokens.

use proc_macro2::Span;
use syn::spanned::Spanned as _;
use syn::{Data as SynData, DeriveInput, Fields, Ident, LitStr, Member};

use super::attr::{self, FieldRole, Place, StatusRef};
use super::suggest;
use crate::ctxt::Ctxt;
use crate::spec::{BUILTIN_LABEL, CodeEntry, Spec};

pub(crate) struct Input<'a> {
    pub(crate) original: &'a DeriveInput,
    pub(crate) type_base: Option<LitStr>,
    pub(crate) grpc_domain: Option<LitStr>,
    pub(crate) krate: syn::Path,
    pub(crate) data: Data<'a>,
}

pub(crate) enum Data<'a> {
    Enum(Vec<Variant<'a>>),
    Struct(Box<Variant<'a>>),
    /// Rejected; kept so the fallback knows to emit no stubs.
    Union,
}

/// A variant, or the struct itself: one way the type can be an error.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) fields: &'a Fields,
    pub(crate) attrs: attr::Variant<'a>,
    /// The spec entry `status` names, once it resolved.
    pub(crate) status: Option<&'static CodeEntry>,
    /// Whether this is a struct (patterns are `Self { .. }`) or an enum variant.
    pub(crate) is_struct: bool,
    /// The doc comment, lines trimmed and joined with spaces, for the catalog.
    pub(crate) docs: String,
    /// The fields that become members of the problem body, in order.
    pub(crate) members: Vec<Field<'a>>,
}

/// A field marked `#[http(extension)]`, `#[http(instance)]` or `#[http(errors)]`.
pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    /// How a pattern names it: `balance`, or `0` in a tuple variant.
    pub(crate) member: Member,
    pub(crate) role: FieldRole,
}

impl Field<'_> {
    /// The extension member's name: the one given, else the field's name
    /// (`None` for an unnamed field without one, which `check` rejects).
    pub(crate) fn extension_name(&self) -> Option<String> {
        let FieldRole::Extension(_, name) = &self.role else {
            return None;
        };
        match (name, &self.member) {
            (Some(name), _) => Some(name.value()),
            (None, Member::Named(ident)) => Some(syn::ext::IdentExt::unraw(ident).to_string()),
            (None, Member::Unnamed(_)) => None,
        }
    }
}

impl<'a> Input<'a> {
    /// Always an IR, so the fallback can use it: where an attribute failed to
    /// parse, what it would have set is missing and `cx` holds the error.
    pub(crate) fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Self {
        let spec = Spec::builtin();
        let (container, data) = match &input.data {
            SynData::Enum(data) => {
                let (container, _) = attr::parse(cx, &input.attrs, Place::Enum);
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let (_, attrs) = attr::parse(cx, &variant.attrs, Place::Variant);
                        Variant::new(cx, spec, &variant.ident, &variant.fields, attrs, false)
                            .with_docs(&variant.attrs)
                    })
                    .collect();
                (container, Data::Enum(variants))
            }
            SynData::Struct(data) => {
                let (container, attrs) = attr::parse(cx, &input.attrs, Place::Struct);
                let variant = Variant::new(cx, spec, &input.ident, &data.fields, attrs, true)
                    .with_docs(&input.attrs);
                (container, Data::Struct(Box::new(variant)))
            }
            SynData::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[derive(HttpError)] supports enums and structs, not unions",
                );
                (attr::Container::default(), Data::Union)
            }
        };
        Input {
            original: input,
            type_base: container.type_base.map(|(_, literal)| literal),
            grpc_domain: container.grpc_domain.map(|(_, literal)| literal),
            krate: container
                .krate
                .map_or_else(|| syn::parse_quote!(::status_core), |(_, path)| path),
            data,
        }
    }

    pub(crate) fn variants(&self) -> &[Variant<'a>] {
        match &self.data {
            Data::Enum(variants) => variants,
            Data::Struct(variant) => std::slice::from_ref(variant.as_ref()),
            Data::Union => &[],
        }
    }
}

impl<'a> Variant<'a> {
    fn new(
        cx: &Ctxt,
        spec: &'static Spec,
        ident: &'a Ident,
        fields: &'a Fields,
        attrs: attr::Variant<'a>,
        is_struct: bool,
    ) -> Self {
        let status = attrs
            .status
            .as_ref()
            .and_then(|(_, status)| resolve_status(cx, spec, status));
        let members = fields
            .iter()
            .enumerate()
            .filter_map(|(index, field)| {
                let role = attr::parse_field(cx, &field.attrs).role?;
                let member = field.ident.clone().map_or_else(
                    || {
                        Member::Unnamed(syn::Index {
                            index: u32::try_from(index).unwrap_or(u32::MAX),
                            span: field.ty.span(),
                        })
                    },
                    Member::Named,
                );
                Some(Field {
                    original: field,
                    member,
                    role,
                })
            })
            .collect();
        Variant {
            ident,
            fields,
            attrs,
            status,
            is_struct,
            docs: String::new(),
            members,
        }
    }

    fn with_docs(mut self, attrs: &[syn::Attribute]) -> Self {
        self.docs = doc_text(attrs);
        self
    }

    /// The machine-readable code: the `code` attribute, or the name in `snake_case`.
    pub(crate) fn code(&self) -> String {
        self.attrs.code.as_ref().map_or_else(
            || snake_case(&self.ident.to_string()),
            |(_, code)| code.value(),
        )
    }

    /// The span to report something missing on: the `#[http]` attribute, else the name.
    pub(crate) fn missing_span(&self) -> Span {
        self.attrs
            .original
            .map_or_else(|| self.ident.span(), syn::spanned::Spanned::span)
    }

    pub(crate) fn status_span(&self) -> Option<Span> {
        self.attrs.status.as_ref().map(|(_, status)| match status {
            StatusRef::Number(literal) => literal.span(),
            StatusRef::Name(ident) => ident.span(),
        })
    }
}

// `status` names a code of the registry, by number or by name (or alias):
//     #[http(status = 4040)]      <- rejected
//     #[http(status = NotFund)]   <- rejected, with "did you mean `NotFound`?"
fn resolve_status(
    cx: &Ctxt,
    spec: &'static Spec,
    status: &StatusRef,
) -> Option<&'static CodeEntry> {
    match status {
        StatusRef::Number(literal) => {
            let found = literal
                .base10_parse::<u16>()
                .ok()
                .filter(|_| literal.suffix().is_empty());
            let entry = found.and_then(|code| spec.by_code(code));
            if entry.is_none() {
                cx.error_spanned_by(
                    literal,
                    format_args!(
                        "unknown status code `{}`; it is not in {BUILTIN_LABEL}",
                        literal.base10_digits()
                    ),
                );
            }
            entry
        }
        StatusRef::Name(ident) => {
            let name = ident.to_string();
            let entry = spec.codes.iter().find(|entry| {
                entry.name == name || entry.aliases.iter().any(|alias| alias.name == name)
            });
            if entry.is_none() {
                let names = spec.codes.iter().flat_map(|entry| {
                    std::iter::once(&entry.name).chain(entry.aliases.iter().map(|a| &a.name))
                });
                let message = match suggest::closest(&name, names.map(String::as_str)) {
                    Some(suggestion) => {
                        format!("`{name}` is not a status name; did you mean `{suggestion}`?")
                    }
                    None => format!(
                        "`{name}` is not a status name in {BUILTIN_LABEL}; use a number such as `404` or a name such as `NotFound`"
                    ),
                };
                cx.error_spanned_by(ident, message);
            }
            entry
        }
    }
}

/// The text of `///` comments (`#[doc = "..."]`), each line trimmed, joined
/// with spaces.
fn doc_text(attrs: &[syn::Attribute]) -> String {
    let lines = attrs.iter().filter_map(|attr| {
        let syn::Meta::NameValue(pair) = &attr.meta else {
            return None;
        };
        if !pair.path.is_ident("doc") {
            return None;
        }
        match &pair.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => Some(text.value()),
            _ => None,
        }
    });
    let mut joined = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    joined
}

/// `ItemNotFound` -> `item_not_found`; `HTTPError` -> `http_error`.
pub(crate) fn snake_case(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (index, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let previous = index.checked_sub(1).map(|i| chars[i]);
            let next = chars.get(index + 1);
            let starts_word = previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || (previous.is_some_and(char::is_uppercase)
                    && next.is_some_and(|n| n.is_lowercase()));
            if starts_word && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn snake_cases_variant_names() {
        assert_eq!(snake_case("ItemNotFound"), "item_not_found");
        assert_eq!(snake_case("HTTPError"), "http_error");
        assert_eq!(snake_case("Db"), "db");
        assert_eq!(snake_case("Error2Fa"), "error2_fa");
        assert_eq!(snake_case("already_snake"), "already_snake");
    }
}
