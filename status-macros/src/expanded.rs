//! The expansions status-base keeps in its source, the built-in registry
//! this crate keeps as data, and the tests that keep them current.
//!
//! status-base holds the built-in [`StatusCode`] (the expansion of its
//! `status_codes!` invocation) and the `HttpError` impl of
//! `FrameworkErrorKind` (the expansion of the derive) as generated Rust,
//! rather than calling this crate's macros: a crate that calls a proc-macro
//! cannot start compiling until syn and the proc-macro crate are built, and
//! status-base then sat on the critical path of every clean build of an
//! application (issue #15: 1.18 times the clean build of the same app
//! written by hand). Without the call, it compiles while they do, and only
//! the thin `status-core` that re-exports it waits for the derive.
//!
//! Likewise this crate reads the built-in registry from `spec/builtin/`, the
//! rows the TOML reads as once checked, so that the TOML reader is needed
//! only for specs of one's own (feature `custom-spec`).
//!
//! The spec and the macros stay the single source: these tests expand and
//! read them again and compare the results token for token with the
//! checked-in files. After changing the spec, the macros or
//! `FrameworkErrorKind`, write the files anew with
//!
//! ```text
//! STATUS_BLESS=1 cargo test -p status-macros --all-features expanded
//! ```
//!
//! [`StatusCode`]: https://docs.rs/status-core/latest/status_core/enum.StatusCode.html

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use syn::punctuated::Punctuated;

/// The source of status-base, beside this crate's.
fn base_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-base/src")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn tokens(path: &Path) -> TokenStream {
    TokenStream::from_str(&read(path))
        .unwrap_or_else(|error| panic!("{} is not Rust tokens: {error}", path.display()))
}

/// The arguments of the `status_codes!(...)` invocation in `file`.
fn invocation_arguments(file: &TokenStream) -> TokenStream {
    let trees: Vec<TokenTree> = file.clone().into_iter().collect();
    trees
        .windows(3)
        .find_map(|window| match window {
            [
                TokenTree::Ident(name),
                TokenTree::Punct(bang),
                TokenTree::Group(arguments),
            ] if name == "status_codes"
                && bang.as_char() == '!'
                && arguments.delimiter() == Delimiter::Parenthesis =>
            {
                Some(arguments.stream())
            }
            _ => None,
        })
        .expect("builtin.rs invokes status_codes!(...)")
}

/// The item `enum <name> { ... }` in `file` with its outer attributes and
/// visibility, as the derive receives it.
fn enum_item(file: &TokenStream, name: &str) -> TokenStream {
    let trees: Vec<TokenTree> = file.clone().into_iter().collect();
    let at = trees
        .windows(2)
        .position(|window| {
            matches!(window, [TokenTree::Ident(keyword), TokenTree::Ident(ident)]
                if keyword == "enum" && ident == name)
        })
        .unwrap_or_else(|| panic!("no `enum {name}` in the file"));
    let mut start = at;
    if start > 0 && matches!(&trees[start - 1], TokenTree::Ident(ident) if ident == "pub") {
        start -= 1;
    }
    // Outer attributes: `#` and a bracketed group, one pair each.
    while start >= 2
        && matches!(&trees[start - 1], TokenTree::Group(group) if group.delimiter() == Delimiter::Bracket)
        && matches!(&trees[start - 2], TokenTree::Punct(punct) if punct.as_char() == '#')
    {
        start -= 2;
    }
    let end = trees[at..]
        .iter()
        .position(
            |tree| matches!(tree, TokenTree::Group(group) if group.delimiter() == Delimiter::Brace),
        )
        .map_or_else(|| panic!("`enum {name}` has no body"), |offset| at + offset);
    trees[start..=end].iter().cloned().collect()
}

/// `tokens` as Rust source: one token after another, with a line break after
/// each `;` and around braces so that the file can be read and diffed.
/// Only whitespace is added, so the file reads back as the same tokens.
fn render(tokens: TokenStream) -> String {
    let mut out = String::new();
    write_tokens(&mut out, tokens, 0);
    out.push('\n');
    out
}

fn write_tokens(out: &mut String, tokens: TokenStream, depth: usize) {
    let start_line = |out: &mut String, depth: usize| {
        if out.ends_with('\n') {
            out.push_str(&"    ".repeat(depth));
        }
    };
    let mut joint = false;
    for tree in tokens {
        let space = !out.is_empty() && !out.ends_with('\n') && !joint;
        match tree {
            TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => {
                start_line(out, depth);
                if space {
                    out.push(' ');
                }
                out.push_str("{\n");
                write_tokens(out, group.stream(), depth + 1);
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&"    ".repeat(depth));
                out.push_str("}\n");
                joint = false;
            }
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ('(', ')'),
                    Delimiter::Bracket => ('[', ']'),
                    Delimiter::None | Delimiter::Brace => (' ', ' '),
                };
                start_line(out, depth);
                if space {
                    out.push(' ');
                }
                out.push(open);
                write_tokens(out, group.stream(), depth + 1);
                if out.ends_with('\n') {
                    out.push_str(&"    ".repeat(depth));
                }
                out.push(close);
                joint = false;
            }
            TokenTree::Punct(punct) => {
                // An attribute starts a line of its own, `#[` without a gap.
                let attribute = punct.as_char() == '#';
                if attribute && !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                start_line(out, depth);
                if space && !attribute {
                    out.push(' ');
                }
                out.push(punct.as_char());
                joint = attribute || punct.spacing() == Spacing::Joint;
                if punct.as_char() == ';' {
                    out.push('\n');
                }
            }
            TokenTree::Ident(ident) => {
                start_line(out, depth);
                if space {
                    out.push(' ');
                }
                let _ = write!(out, "{ident}");
                joint = false;
            }
            TokenTree::Literal(literal) => {
                start_line(out, depth);
                if space {
                    out.push(' ');
                }
                let _ = write!(out, "{literal}");
                joint = false;
            }
        }
    }
}

/// Compares `expected` with the file at `path`, or writes it there when
/// `STATUS_BLESS` is set.
fn check(path: &Path, header: &str, expected: TokenStream) {
    if std::env::var_os("STATUS_BLESS").is_some() {
        let text = std::format!("{header}\n{}", render(expected));
        std::fs::write(path, text)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        return;
    }
    let checked_in = tokens(path).to_string();
    assert!(
        checked_in == expected.to_string(),
        "{} is not the expansion of its source any more; write it anew with \
         `STATUS_BLESS=1 cargo test -p status-macros --all-features expanded`",
        path.display()
    );
}

const HEADER: &str = "// @generated by status-macros (src/expanded.rs); do not edit.\n\
                      // After changing the spec or the macros:\n\
                      //     STATUS_BLESS=1 cargo test -p status-macros --all-features expanded";

#[test]
fn the_builtin_status_codes_are_the_expansion_of_the_spec() {
    let source = tokens(&base_dir().join("builtin.rs"));
    let expansion = crate::codes::expand(invocation_arguments(&source));
    assert!(
        !expansion.to_string().contains("compile_error"),
        "the built-in invocation does not expand: {expansion}"
    );
    check(&base_dir().join("builtin/expanded.rs"), HEADER, expansion);
}

#[test]
fn the_framework_error_kinds_impls_are_the_expansion_of_the_derive() {
    let source = tokens(&base_dir().join("framework.rs"));
    let item = enum_item(&source, "FrameworkErrorKind");
    let input: syn::DeriveInput = syn::parse2(item).expect("the enum parses");
    let expansion = crate::derive::expand(&input);
    assert!(
        !expansion.to_string().contains("compile_error"),
        "FrameworkErrorKind does not derive: {expansion}"
    );
    let mut compiled = without_derive_attributes(input);
    compiled.extend(expansion);
    check(&base_dir().join("framework/derived.rs"), HEADER, compiled);
}

/// The enum as it compiles without the derive: without `#[cfg(any())]`,
/// which keeps the definition itself from compiling, without `HttpError` in
/// its `#[derive]`, and without the `#[http]` attributes only the derive knows.
fn without_derive_attributes(mut input: syn::DeriveInput) -> TokenStream {
    let derive_only =
        |attr: &syn::Attribute| attr.path().is_ident("http") || attr.path().is_ident("cfg");
    input.attrs.retain(|attr| !derive_only(attr));
    for attr in &mut input.attrs {
        if attr.path().is_ident("derive") {
            let derives = attr
                .parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated)
                .expect("a derive list");
            let kept = derives.iter().filter(|path| !path.is_ident("HttpError"));
            *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
        }
    }
    if let syn::Data::Enum(data) = &mut input.data {
        for variant in &mut data.variants {
            variant.attrs.retain(|attr| !derive_only(attr));
            for field in &mut variant.fields {
                field.attrs.retain(|attr| !derive_only(attr));
            }
        }
    }
    quote::quote!(#input)
}

#[test]
fn rendering_adds_only_whitespace() {
    let source = "#[doc = \" a\"] pub fn f(x: &'static str) -> u8 { match x { \"a\" => 1, _ => { 2 } } } \
                  const A: [u8; 2] = [1, 2]; impl<T: ::core::fmt::Debug> X for T where T: Copy {}";
    let tokens = TokenStream::from_str(source).expect("tokens");
    let rendered = render(tokens.clone());
    let again = TokenStream::from_str(&rendered).expect("rendered tokens");
    assert_eq!(again.to_string(), tokens.to_string(), "{rendered}");
}

/// The built-in registry's rows (`spec/builtin/`), written from the TOML.
#[cfg(feature = "custom-spec")]
mod builtin_rows {
    use proc_macro2::{Ident, Span, TokenStream};
    use quote::quote;

    use super::{HEADER, check};
    use crate::spec::{BUILTIN_LABEL, BUILTIN_SOURCE, CodeEntry, Spec, WarningEntry};

    fn parsed() -> Spec {
        Spec::parse(BUILTIN_SOURCE, BUILTIN_LABEL, None).expect("the built-in registry is valid")
    }

    fn spec_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/spec/builtin")
    }

    fn option(value: Option<&str>) -> TokenStream {
        value.map_or_else(|| quote!(None), |value| quote!(Some(#value)))
    }

    fn code_row(entry: &CodeEntry) -> TokenStream {
        let CodeEntry {
            code,
            name,
            phrase,
            source,
            registration,
            reference,
            description,
            no_body,
            must_headers,
            should_headers,
            may_headers,
            cacheable,
            retryable,
            redirect,
            permanent,
            keeps_method,
            interim,
            unsatisfied_range,
            allow_excludes_method,
            grpc,
            aliases,
        } = entry;
        let registration = Ident::new(registration.variant_name(), Span::call_site());
        let grpc = option(*grpc);
        let aliases = aliases.iter().map(|alias| {
            let (name, phrase, source) = (&alias.name, &alias.phrase, &alias.source);
            let reference = option(alias.reference.as_deref());
            let description = option(alias.description.as_deref());
            quote!(AliasRow {
                name: #name,
                phrase: #phrase,
                source: #source,
                reference: #reference,
                description: #description,
            })
        });
        quote!(CodeRow {
            code: #code,
            name: #name,
            phrase: #phrase,
            source: #source,
            registration: Registration::#registration,
            reference: #reference,
            description: #description,
            no_body: #no_body,
            must_headers: &[#(#must_headers),*],
            should_headers: &[#(#should_headers),*],
            may_headers: &[#(#may_headers),*],
            cacheable: #cacheable,
            retryable: #retryable,
            redirect: #redirect,
            permanent: #permanent,
            keeps_method: #keeps_method,
            interim: #interim,
            unsatisfied_range: #unsatisfied_range,
            allow_excludes_method: #allow_excludes_method,
            grpc: #grpc,
            aliases: &[#(#aliases),*],
        })
    }

    fn warning_row(entry: &WarningEntry) -> TokenStream {
        let WarningEntry {
            code,
            name,
            phrase,
            reference,
            description,
        } = entry;
        quote!(WarningRow {
            code: #code,
            name: #name,
            phrase: #phrase,
            reference: #reference,
            description: #description,
        })
    }

    #[test]
    fn the_builtin_rows_are_the_spec_as_read() {
        let spec = parsed();
        let codes = spec.codes.iter().map(code_row);
        check(&spec_dir().join("codes.rs"), HEADER, quote!(&[#(#codes),*]));
        let warnings = spec.warnings.iter().map(warning_row);
        check(
            &spec_dir().join("warnings.rs"),
            HEADER,
            quote!(&[#(#warnings),*]),
        );
    }

    #[test]
    fn the_builtin_registry_is_the_spec_as_read() {
        assert_eq!(format!("{:?}", Spec::builtin()), format!("{:?}", parsed()));
    }
}
