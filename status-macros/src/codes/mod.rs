//! `status_codes!`: parse the arguments, load and check the spec, expand.

mod args;
mod docs;
mod expand;
mod row;
mod warning_row;

use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::ctxt::Ctxt;
use crate::spec::{BUILTIN_LABEL, Spec, SpecErrors};
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
    let builtin = match Spec::builtin() {
        Ok(builtin) => builtin,
        Err(errors) => {
            report_spec_errors(cx, Span::call_site(), errors);
            return None;
        }
    };
    let base = args.extend_builtin.then_some(builtin);
    let parsed = match &args.source {
        SpecSource::Builtin => return Some((builtin.clone(), None, BUILTIN_LABEL.to_owned())),
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

/// Reads a user's spec, resolved against the invoking crate's manifest directory.
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
fn report_spec_errors(cx: &Ctxt, span: Span, errors: &SpecErrors) {
    for message in errors {
        cx.error_at(span, message);
    }
}
