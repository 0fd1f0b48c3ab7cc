//! The status-code registry: reading a spec file, checking it, and the checked
//! model that both macros expand from.

mod builtin;
#[cfg(feature = "custom-spec")]
mod check;
mod class;
#[cfg(feature = "custom-spec")]
mod location;
mod model;
#[cfg(feature = "custom-spec")]
mod read;
#[cfg(feature = "custom-spec")]
mod schema;

#[cfg(feature = "custom-spec")]
use std::ops::Range;
use std::sync::OnceLock;

#[cfg(feature = "custom-spec")]
use toml::Spanned;

pub(crate) use class::Class;
pub(crate) use model::{GRPC_CODES, Registration};
#[cfg(feature = "custom-spec")]
use model::{RawAlias, RawCode, RawWarning};

/// The built-in registry's source, which `builtin.rs` is the checked model
/// of: a test in `src/expanded.rs` holds the two together. Read by tests,
/// benches and fuzz targets only (they compile this module in).
#[cfg(feature = "custom-spec")]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const BUILTIN_SOURCE: &str = include_str!("../../spec/status-codes.toml");

/// The name the built-in registry goes by in diagnostics.
pub(crate) const BUILTIN_LABEL: &str = "spec/status-codes.toml";

/// A checked spec: every rule in `check.rs` holds.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    pub(crate) codes: Vec<CodeEntry>,
    pub(crate) warnings: Vec<WarningEntry>,
}

// One bool per flag key of the spec; they are independent facts.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone)]
pub(crate) struct CodeEntry {
    pub(crate) code: u16,
    pub(crate) name: String,
    pub(crate) phrase: String,
    pub(crate) source: String,
    pub(crate) registration: Registration,
    pub(crate) reference: String,
    pub(crate) description: String,
    pub(crate) no_body: bool,
    pub(crate) must_headers: Vec<String>,
    pub(crate) should_headers: Vec<String>,
    pub(crate) may_headers: Vec<String>,
    pub(crate) cacheable: bool,
    pub(crate) retryable: bool,
    pub(crate) redirect: bool,
    pub(crate) permanent: bool,
    pub(crate) keeps_method: bool,
    pub(crate) interim: bool,
    pub(crate) unsatisfied_range: bool,
    pub(crate) allow_excludes_method: bool,
    /// The `GrpcCode` variant name (checked), such as `InvalidArgument`.
    pub(crate) grpc: Option<&'static str>,
    pub(crate) aliases: Vec<Alias>,
}

#[derive(Debug, Clone)]
pub(crate) struct Alias {
    pub(crate) name: String,
    pub(crate) phrase: String,
    pub(crate) source: String,
    pub(crate) reference: Option<String>,
    pub(crate) description: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct WarningEntry {
    pub(crate) code: u16,
    pub(crate) name: String,
    pub(crate) phrase: String,
    pub(crate) reference: String,
    pub(crate) description: String,
}

/// Everything wrong with one spec file, each message already prefixed with
/// `file:line:col`.
#[cfg(feature = "custom-spec")]
pub(crate) type SpecErrors = Vec<String>;

impl Spec {
    /// The built-in registry, built once per compiler process from its
    /// checked model: no TOML is read for it.
    pub(crate) fn builtin() -> &'static Spec {
        static BUILTIN: OnceLock<Spec> = OnceLock::new();
        BUILTIN.get_or_init(builtin::spec)
    }

    /// Parses and checks `source`. `label` names the file in messages. With
    /// `base`, the result is `base` plus the new entries, which must not reuse
    /// any of its codes or names.
    #[cfg(feature = "custom-spec")]
    pub(crate) fn parse(
        source: &str,
        label: &str,
        base: Option<&Spec>,
    ) -> Result<Spec, SpecErrors> {
        let mut problems = Problems::new(source, label);
        let (codes, warnings) = read::read_tables(source, &mut problems);
        // The rules run on every entry that did parse, so one bad entry does
        // not hide the other problems of the file.
        check::check(&codes, &warnings, base, &mut problems);
        problems.finish()?;

        let mut spec = base.cloned().unwrap_or(Spec {
            codes: Vec::new(),
            warnings: Vec::new(),
        });
        spec.codes
            .extend(codes.into_iter().map(CodeEntry::from_raw));
        spec.codes.sort_by_key(|entry| entry.code);
        spec.warnings
            .extend(warnings.into_iter().map(WarningEntry::from_raw));
        spec.warnings.sort_by_key(|entry| entry.code);
        Ok(spec)
    }

    /// Looks a code up by number.
    pub(crate) fn by_code(&self, code: u16) -> Option<&CodeEntry> {
        self.codes
            .binary_search_by_key(&code, |entry| entry.code)
            .ok()
            .map(|index| &self.codes[index])
    }
}

#[cfg(feature = "custom-spec")]
impl CodeEntry {
    fn from_raw(raw: RawCode) -> CodeEntry {
        let source = raw.source.into_inner();
        CodeEntry {
            code: u16::try_from(*raw.code.get_ref()).unwrap_or_default(),
            name: raw.name.into_inner(),
            phrase: raw.phrase.into_inner(),
            registration: raw.status.into_inner(),
            reference: raw.reference.into_inner(),
            description: raw.description.into_inner(),
            no_body: raw.no_body,
            must_headers: raw
                .must_headers
                .into_iter()
                .map(Spanned::into_inner)
                .collect(),
            should_headers: raw
                .should_headers
                .into_iter()
                .map(Spanned::into_inner)
                .collect(),
            may_headers: raw
                .may_headers
                .into_iter()
                .map(Spanned::into_inner)
                .collect(),
            cacheable: raw.cacheable,
            retryable: raw.retryable,
            redirect: raw.redirect,
            permanent: raw.permanent,
            keeps_method: raw.keeps_method,
            interim: raw.interim,
            unsatisfied_range: raw.unsatisfied_range,
            allow_excludes_method: raw.allow_excludes_method,
            grpc: raw
                .grpc
                .as_ref()
                .and_then(|name| model::grpc_variant(name.get_ref())),
            aliases: raw
                .alias
                .into_iter()
                .map(|alias| Alias::from_raw(alias, &source))
                .collect(),
            source,
        }
    }
}

#[cfg(feature = "custom-spec")]
impl Alias {
    fn from_raw(raw: RawAlias, entry_source: &str) -> Alias {
        Alias {
            name: raw.name.into_inner(),
            phrase: raw.phrase.into_inner(),
            source: raw
                .source
                .map_or_else(|| entry_source.to_owned(), Spanned::into_inner),
            reference: raw.reference.map(Spanned::into_inner),
            description: raw.description.map(Spanned::into_inner),
        }
    }
}

#[cfg(feature = "custom-spec")]
impl WarningEntry {
    fn from_raw(raw: RawWarning) -> WarningEntry {
        WarningEntry {
            code: u16::try_from(*raw.code.get_ref()).unwrap_or_default(),
            name: raw.name.into_inner(),
            phrase: raw.phrase.into_inner(),
            reference: raw.reference.into_inner(),
            description: raw.description.into_inner(),
        }
    }
}

/// Collects every problem of one spec file, each located as `file:line:col`.
///
/// Not a second error collector beside [`crate::ctxt::Ctxt`]: rustc cannot
/// point inside a TOML file, so a spec problem is a message that carries its
/// own location, sorted into file order here and reported by the macro through
/// its `Ctxt`, on the tokens that named the spec. Plain strings also let the
/// built-in spec's verdict be cached across macro calls (`syn::Error` holds
/// spans, which must not outlive one expansion).
#[cfg(feature = "custom-spec")]
pub(crate) struct Problems<'s> {
    source: &'s str,
    label: &'s str,
    messages: Vec<(location::LineCol, String)>,
}

#[cfg(feature = "custom-spec")]
impl<'s> Problems<'s> {
    fn new(source: &'s str, label: &'s str) -> Self {
        Problems {
            source,
            label,
            messages: Vec::new(),
        }
    }

    pub(crate) fn at(&mut self, span: &Range<usize>, message: impl std::fmt::Display) {
        let position = location::span_start(self.source, span);
        self.messages
            .push((position, format!("{}:{position}: {message}", self.label)));
    }

    /// The `line:col` of a span, for messages that point back at an earlier entry.
    pub(crate) fn position(&self, span: &Range<usize>) -> location::LineCol {
        location::span_start(self.source, span)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// The problems in file order.
    fn finish(mut self) -> Result<(), SpecErrors> {
        if self.messages.is_empty() {
            return Ok(());
        }
        self.messages.sort_by_key(|(position, _)| *position);
        Err(self
            .messages
            .into_iter()
            .map(|(_, message)| message)
            .collect())
    }
}

#[cfg(all(test, feature = "custom-spec"))]
mod tests;

#[cfg(all(test, feature = "custom-spec"))]
mod proptests;
