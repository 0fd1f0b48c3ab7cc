//! The arguments of `status_codes!(...)`.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitStr, Path, Token};

mod kw {
    syn::custom_keyword!(path);
    syn::custom_keyword!(inline);
    syn::custom_keyword!(name);
    syn::custom_keyword!(warning_name);
    syn::custom_keyword!(extend_builtin);
}

/// Where the spec comes from.
pub(crate) enum SpecSource {
    /// The registry that ships with the crate.
    Builtin,
    /// A file relative to the invoking crate's `Cargo.toml`.
    File(LitStr),
    /// TOML written inside the macro call.
    Inline(LitStr),
}

pub(crate) struct Args {
    /// Outer attributes (docs, derives) placed on the generated enum.
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) source: SpecSource,
    /// The `path`/`inline` key: spec errors point here, since rustc cannot
    /// point inside the TOML and the literal may span many lines.
    pub(crate) source_key: Span,
    pub(crate) extend_builtin: Option<kw::extend_builtin>,
    pub(crate) name: Ident,
    pub(crate) warning_name: Ident,
    pub(crate) krate: Path,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let mut errors: Option<syn::Error> = None;
        let mut push = |error: syn::Error| match &mut errors {
            Some(existing) => existing.combine(error),
            None => errors = Some(error),
        };
        let mut source: Option<(Span, SpecSource)> = None;
        let mut extend_builtin = None;
        let mut name: Option<Ident> = None;
        let mut warning_name: Option<Ident> = None;
        let mut krate: Option<Path> = None;

        while !input.is_empty() {
            let lookahead = input.lookahead1();
            if lookahead.peek(kw::path) || lookahead.peek(kw::inline) {
                let is_path = input.peek(kw::path);
                let key_span = input.parse::<Ident>()?.span();
                input.parse::<Token![=]>()?;
                let literal: LitStr = input.parse()?;
                let new = if is_path {
                    SpecSource::File(literal)
                } else {
                    SpecSource::Inline(literal)
                };
                if let Some((first, _)) = &source {
                    let mut error = syn::Error::new(
                        key_span,
                        "give the spec once: either `path = \"...\"` or `inline = \"...\"`",
                    );
                    error.combine(syn::Error::new(*first, "first given here"));
                    push(error);
                } else {
                    source = Some((key_span, new));
                }
            } else if lookahead.peek(kw::extend_builtin) {
                let keyword: kw::extend_builtin = input.parse()?;
                if extend_builtin.is_some() {
                    push(syn::Error::new(keyword.span, "duplicate `extend_builtin`"));
                }
                extend_builtin = Some(keyword);
            } else if lookahead.peek(kw::name) {
                let keyword: kw::name = input.parse()?;
                input.parse::<Token![=]>()?;
                set_once(&mut name, input.parse()?, keyword.span, "name", &mut push);
            } else if lookahead.peek(kw::warning_name) {
                let keyword: kw::warning_name = input.parse()?;
                input.parse::<Token![=]>()?;
                set_once(
                    &mut warning_name,
                    input.parse()?,
                    keyword.span,
                    "warning_name",
                    &mut push,
                );
            } else if lookahead.peek(Token![crate]) {
                let keyword: Token![crate] = input.parse()?;
                input.parse::<Token![=]>()?;
                set_once(
                    &mut krate,
                    input.call(Path::parse_mod_style)?,
                    keyword.span,
                    "crate",
                    &mut push,
                );
            } else if input.peek(Ident) {
                let unknown: Ident = input.parse()?;
                return Err(syn::Error::new(
                    unknown.span(),
                    format!(
                        "unknown argument `{unknown}`; expected `path`, `inline`, `name`, `warning_name`, `extend_builtin` or `crate`"
                    ),
                ));
            } else {
                return Err(lookahead.error());
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }

        let (source_key, source) = source.unwrap_or((Span::call_site(), SpecSource::Builtin));
        if let (Some(keyword), SpecSource::Builtin) = (&extend_builtin, &source) {
            push(syn::Error::new(
                keyword.span,
                "`extend_builtin` needs a spec to add: give `path = \"...\"` or `inline = \"...\"`",
            ));
        }
        if let Some(errors) = errors {
            return Err(errors);
        }
        Ok(Args {
            attrs,
            source,
            source_key,
            extend_builtin,
            name: name.unwrap_or_else(|| Ident::new("StatusCode", Span::call_site())),
            warning_name: warning_name
                .unwrap_or_else(|| Ident::new("WarningCode", Span::call_site())),
            krate: krate.unwrap_or_else(|| syn::parse_quote!(::status_core)),
        })
    }
}

fn set_once<T>(
    slot: &mut Option<T>,
    value: T,
    key_span: Span,
    key: &str,
    push: &mut impl FnMut(syn::Error),
) {
    if slot.is_some() {
        push(syn::Error::new(
            key_span,
            format!("duplicate `{key}`; give it once"),
        ));
    } else {
        *slot = Some(value);
    }
}
