//! `status_codes!`: parse the arguments, load and check the spec, expand.

mod args;
mod docs;
mod expand;
mod row;
mod warning_row;

use std::path::PathBuf;

#[cfg(feature = "custom-spec")]
use proc_macro2::Span;
use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;
#[cfg(feature = "custom-spec")]
use crate::spec::SpecErrors;
use crate::spec::{BUILTIN_LABEL, Spec};
use args::{Args, SpecSource};

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    match try_expand(input) {
        Ok(tokens) => tokens,
        Err(error) => error.to_compile_error(),
    }
}

fn try_expand(input: TokenStream) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let args = Args::from_tokens(&cx, input);
    cx.check()?;
    let args = args?;
    // Only once the arguments are sound: a broken argument may be the spec.
    let cx = Ctxt::new();
    let loaded = load_spec(&cx, &args);
    cx.check()?;
    let Some((spec, tracked_file, origin)) = loaded else {
        return Err(syn::Error::new(args.source_key, "the spec is invalid"));
    };

    let options = expand::Options {
        attrs: &args.attrs,
        name: &args.name,
        warning_name: &args.warning_name,
        codes_module: &args.codes_module,
        krate: &args.krate,
        origin: &origin,
        doctests: args.doctests,
        extend_builtin: args.extend_builtin,
    };
    let generated = expand::impl_status_codes(&spec, &options);
    // `proc_macro::tracked_path` is unstable; including the file is what makes
    // cargo rebuild the user's crate when the spec changes (as pest and graphql_client do).
    let tracking = tracked_file.map(|path| {
        let path = path.to_string_lossy().into_owned();
        quote!(
            const _: &str = ::core::include_str!(#path);
        )
    });
    Ok(quote!(#generated #tracking))
}

/// The spec the arguments name, with the file to track and how generated docs
/// name it; `None` (its problems recorded in `cx`) when it is invalid.
fn load_spec(cx: &Ctxt, args: &Args) -> Option<(Spec, Option<PathBuf>, String)> {
    let builtin = Spec::builtin();
    #[cfg(feature = "custom-spec")]
    {
        let base = args.extend_builtin.then_some(builtin);
        let parsed = match &args.source {
            SpecSource::Builtin => {
                return Some((builtin.clone(), None, BUILTIN_LABEL.to_owned()));
            }
            SpecSource::File(literal) => {
                let (path, text) = read_spec_file(literal)
                    .map_err(|error| cx.syn_error(error))
                    .ok()?;
                Spec::parse(&text, &literal.value(), base)
                    .map(|spec| (spec, Some(path), literal.value()))
            }
            SpecSource::Inline(literal) => Spec::parse(&literal.value(), "inline spec", base)
                .map(|spec| (spec, None, "an inline spec".to_owned())),
        };
        parsed
            .map_err(|errors| report_spec_errors(cx, args.source_key, &errors))
            .ok()
    }
    #[cfg(not(feature = "custom-spec"))]
    match &args.source {
        SpecSource::Builtin => Some((builtin.clone(), None, BUILTIN_LABEL.to_owned())),
        SpecSource::File(literal) | SpecSource::Inline(literal) => {
            cx.error_at(
                literal.span(),
                "a spec of your own needs status-core's feature `custom-spec`, which reads \
                 TOML; add `features = [\"custom-spec\"]` to its dependency (the built-in \
                 registry needs no feature)",
            );
            None
        }
    }
}

/// Reads a user's spec, resolved against the invoking crate's manifest directory.
#[cfg(feature = "custom-spec")]
fn read_spec_file(literal: &syn::LitStr) -> syn::Result<(PathBuf, String)> {
    let relative = literal.value();
    let base = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let path = base.join(&relative);
    std::fs::read_to_string(&path).map(|text| (path.clone(), text)).map_err(|io| {
        syn::Error::new(
            literal.span(),
            format!(
                "cannot read spec file `{relative}` ({io}); the path is relative to the crate's Cargo.toml, here {}",
                path.display()
            ),
        )
    })
}

/// One compile error per spec problem, all on the same span: rustc cannot point
/// inside a TOML file, so each message carries its own `file:line:col`.
#[cfg(feature = "custom-spec")]
fn report_spec_errors(cx: &Ctxt, span: Span, errors: &SpecErrors) {
    for message in errors {
        cx.error_at(span, message);
    }
}

#[cfg(all(test, not(feature = "custom-spec")))]
mod tests {
    use quote::quote;

    #[test]
    fn a_spec_of_ones_own_asks_for_the_feature() {
        for input in [
            quote!(name = Mine, inline = "[[code]]"),
            quote!(name = Mine, extend_builtin, path = "spec.toml"),
        ] {
            let output = super::expand(input).to_string();
            assert!(output.contains("compile_error"), "{output}");
            assert!(output.contains("feature `custom-spec`"), "{output}");
        }
    }

    #[test]
    fn the_builtin_registry_needs_no_feature() {
        let output = super::expand(quote!(name = Mine)).to_string();
        assert!(!output.contains("compile_error"), "{output}");
        assert!(output.contains("NotFound"));
    }
}
