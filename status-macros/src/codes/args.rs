//! The arguments of `status_codes!(...)`. Every mistake is recorded in the
//! `Ctxt` and parsing goes on after the next comma, so a call with several
//! wrong arguments reports them all in one compile.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser as _};
use syn::{Attribute, Ident, LitStr, Path, Token};

use crate::ctxt::Ctxt;

mod kw {
    syn::custom_keyword!(path);
    syn::custom_keyword!(inline);
    syn::custom_keyword!(name);
    syn::custom_keyword!(warning_name);
    syn::custom_keyword!(codes_module);
    syn::custom_keyword!(extend_builtin);
    // Internal to status-core (see `status-base/src/builtin.rs`), so it is
    // neither documented nor offered in "expected ..." messages.
    syn::custom_keyword!(__doctests);
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
    pub(crate) extend_builtin: bool,
    pub(crate) name: Ident,
    pub(crate) warning_name: Ident,
    /// Where the per-code types go.
    pub(crate) codes_module: Ident,
    pub(crate) krate: Path,
    /// Whether the generated docs may carry doctests that name
    /// `status_core::StatusCode`: only for status-core's own expansion.
    pub(crate) doctests: bool,
}

impl Args {
    /// Reads the arguments, recording every problem in `cx`; the result holds
    /// defaults wherever an argument was missing or wrong.
    pub(crate) fn from_tokens(cx: &Ctxt, tokens: TokenStream) -> syn::Result<Args> {
        (|input: ParseStream<'_>| Ok(Self::parse(cx, input))).parse2(tokens)
    }

    fn parse(cx: &Ctxt, input: ParseStream<'_>) -> Args {
        let attrs = input.call(Attribute::parse_outer).unwrap_or_else(|error| {
            cx.syn_error(error);
            Vec::new()
        });
        let mut given = Given::default();
        while !input.is_empty() {
            let parsed = given
                .argument(cx, input)
                .and_then(|()| end_of_argument(input));
            if let Err(error) = parsed {
                given.broken = true;
                cx.syn_error(error);
                if let Err(error) = skip_past_comma(input) {
                    cx.syn_error(error);
                    break;
                }
            }
        }
        given.finish(cx, attrs)
    }
}

/// The arguments as given, each with the span of its key.
#[derive(Default)]
struct Given {
    source: Option<(Span, SpecSource)>,
    extend_builtin: Option<Span>,
    name: Option<Ident>,
    warning_name: Option<Ident>,
    codes_module: Option<Ident>,
    krate: Option<Path>,
    doctests: bool,
    /// Some argument did not parse: rules across arguments stay quiet, since
    /// the broken one may be the very `path = ...` they would ask for.
    broken: bool,
}

impl Given {
    /// One `key = value` (or bare `key`), without the comma after it.
    fn argument(&mut self, cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<()> {
        if input.peek(kw::__doctests) {
            input.parse::<kw::__doctests>()?;
            self.doctests = true;
            return Ok(());
        }
        let lookahead = input.lookahead1();
        if lookahead.peek(kw::path) {
            let key: kw::path = input.parse()?;
            input.parse::<Token![=]>()?;
            self.set_source(cx, key.span, SpecSource::File(input.parse()?));
        } else if lookahead.peek(kw::inline) {
            let key: kw::inline = input.parse()?;
            input.parse::<Token![=]>()?;
            self.set_source(cx, key.span, SpecSource::Inline(input.parse()?));
        } else if lookahead.peek(kw::extend_builtin) {
            let key: kw::extend_builtin = input.parse()?;
            if self.extend_builtin.is_some() {
                cx.error_at(key.span, "duplicate `extend_builtin`");
            }
            self.extend_builtin = Some(key.span);
        } else if lookahead.peek(kw::name) {
            let key: kw::name = input.parse()?;
            input.parse::<Token![=]>()?;
            set_once(cx, &mut self.name, input.parse()?, key.span, "name");
        } else if lookahead.peek(kw::warning_name) {
            let key: kw::warning_name = input.parse()?;
            input.parse::<Token![=]>()?;
            set_once(
                cx,
                &mut self.warning_name,
                input.parse()?,
                key.span,
                "warning_name",
            );
        } else if lookahead.peek(kw::codes_module) {
            let key: kw::codes_module = input.parse()?;
            input.parse::<Token![=]>()?;
            set_once(
                cx,
                &mut self.codes_module,
                input.parse()?,
                key.span,
                "codes_module",
            );
        } else if lookahead.peek(Token![crate]) {
            let key: Token![crate] = input.parse()?;
            input.parse::<Token![=]>()?;
            let path = input.call(Path::parse_mod_style)?;
            set_once(cx, &mut self.krate, path, key.span, "crate");
        } else if input.peek(Ident) {
            let unknown: Ident = input.parse()?;
            return Err(syn::Error::new(
                unknown.span(),
                format!(
                    "unknown argument `{unknown}`; expected `path`, `inline`, `name`, `warning_name`, `codes_module`, `extend_builtin` or `crate`"
                ),
            ));
        } else {
            return Err(lookahead.error());
        }
        Ok(())
    }

    fn set_source(&mut self, cx: &Ctxt, key: Span, source: SpecSource) {
        if let Some((first, _)) = &self.source {
            let mut error = syn::Error::new(
                key,
                "give the spec once: either `path = \"...\"` or `inline = \"...\"`",
            );
            error.combine(syn::Error::new(*first, "first given here"));
            cx.syn_error(error);
        } else {
            self.source = Some((key, source));
        }
    }

    fn finish(self, cx: &Ctxt, attrs: Vec<Attribute>) -> Args {
        let (source_key, source) = self
            .source
            .unwrap_or((Span::call_site(), SpecSource::Builtin));
        if let (Some(key), SpecSource::Builtin) = (self.extend_builtin, &source)
            && !self.broken
        {
            cx.error_at(
                key,
                "`extend_builtin` needs a spec to add: give `path = \"...\"` or `inline = \"...\"`",
            );
        }
        let name = self
            .name
            .unwrap_or_else(|| Ident::new("StatusCode", Span::call_site()));
        let codes_module = self
            .codes_module
            .unwrap_or_else(|| default_codes_module(cx, &name));
        Args {
            attrs,
            source,
            source_key,
            extend_builtin: self.extend_builtin.is_some(),
            warning_name: self
                .warning_name
                .unwrap_or_else(|| Ident::new("WarningCode", Span::call_site())),
            codes_module,
            krate: self
                .krate
                .unwrap_or_else(|| syn::parse_quote!(::status_core)),
            doctests: self.doctests,
            name,
        }
    }
}

fn set_once<T>(cx: &Ctxt, slot: &mut Option<T>, value: T, key: Span, key_name: &str) {
    if slot.is_some() {
        cx.error_at(key, format!("duplicate `{key_name}`; give it once"));
    } else {
        *slot = Some(value);
    }
}

/// After an argument: the end of the input, or a comma.
fn end_of_argument(input: ParseStream<'_>) -> syn::Result<()> {
    if !input.is_empty() {
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// Moves past the next top-level comma (or to the end), so that parsing can
/// go on with the argument after a broken one.
fn skip_past_comma(input: ParseStream<'_>) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            rest = next;
            if matches!(&token, proc_macro2::TokenTree::Punct(punct) if punct.as_char() == ',') {
                break;
            }
        }
        Ok(((), rest))
    })
}

/// The enum's name in snake case (`ApiStatus` -> `api_status`): distinct
/// enum names in one module give distinct modules. A name that is a keyword
/// in snake case (`Type` -> `type`) gets `_codes` appended.
fn default_codes_module(cx: &Ctxt, name: &Ident) -> Ident {
    let snake = snake_case(&name.to_string());
    let candidates = [snake.clone(), format!("{snake}_codes")];
    for candidate in candidates {
        if let Ok(mut module) = syn::parse_str::<Ident>(&candidate) {
            module.set_span(name.span());
            return module;
        }
    }
    cx.error_spanned_by(
        name,
        format!(
            "cannot name the module of per-code types after `{name}`; give `codes_module = ...`"
        ),
    );
    Ident::new("codes", name.span())
}

fn snake_case(name: &str) -> String {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let mut snake = String::with_capacity(name.len() + 4);
    for (index, &c) in chars.iter().enumerate() {
        if c.is_uppercase() && index > 0 {
            let previous = chars[index - 1];
            let next_is_lower = chars.get(index + 1).is_some_and(|next| next.is_lowercase());
            if previous.is_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_uppercase() && next_is_lower)
            {
                snake.push('_');
            }
        }
        snake.extend(c.to_lowercase());
    }
    snake
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn module_names_are_the_enum_name_in_snake_case() {
        assert_eq!(snake_case("StatusCode"), "status_code");
        assert_eq!(snake_case("ApiStatus"), "api_status");
        assert_eq!(snake_case("HTTPStatus"), "http_status");
        assert_eq!(snake_case("Status2Xx"), "status2_xx");
        assert_eq!(snake_case("Codes"), "codes");
        assert_eq!(snake_case("r#Type"), "type");
    }
}
