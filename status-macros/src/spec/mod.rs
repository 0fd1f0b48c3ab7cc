//! The status-code registry: reading a spec file, checking it, and the checked
//! model that both macros expand from.

mod check;
mod location;
mod model;

use std::ops::Range;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

pub(crate) use model::Registration;
use model::{RawAlias, RawCode, RawWarning};

/// The built-in registry. `include_str!` makes rustc track the file, so editing
/// the spec rebuilds this crate and everything that expands its macros.
pub(crate) const BUILTIN_SOURCE: &str = include_str!("../../spec/status-codes.toml");

/// The name the built-in registry goes by in diagnostics.
pub(crate) const BUILTIN_LABEL: &str = "spec/status-codes.toml";

/// A checked spec: every rule in `check.rs` holds.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    pub(crate) codes: Vec<CodeEntry>,
    pub(crate) warnings: Vec<WarningEntry>,
}

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
pub(crate) type SpecErrors = Vec<String>;

impl Spec {
    /// The built-in registry, parsed once per compiler process.
    pub(crate) fn builtin() -> Result<&'static Spec, &'static SpecErrors> {
        static BUILTIN: OnceLock<Result<Spec, SpecErrors>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Spec::parse(BUILTIN_SOURCE, BUILTIN_LABEL, None))
            .as_ref()
    }

    /// Parses and checks `source`. `label` names the file in messages. With
    /// `base`, the result is `base` plus the new entries, which must not reuse
    /// any of its codes or names.
    pub(crate) fn parse(
        source: &str,
        label: &str,
        base: Option<&Spec>,
    ) -> Result<Spec, SpecErrors> {
        let mut problems = Problems::new(source, label);
        let (codes, warnings) = read_tables(source, &mut problems);
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

/// Splits the document into its `[[code]]` and `[[warning]]` tables, deserializing
/// each table on its own so that one bad entry does not hide the problems of the next.
fn read_tables(source: &str, problems: &mut Problems<'_>) -> (Vec<RawCode>, Vec<RawWarning>) {
    let mut codes = Vec::new();
    let mut warnings = Vec::new();
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    for error in &syntax_errors {
        problems.toml_error(error, &(0..0));
    }
    if !syntax_errors.is_empty() {
        return (codes, warnings);
    }
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "code" => read_array(value, "code", problems, &mut codes),
            "warning" => read_array(value, "warning", problems, &mut warnings),
            other => problems.at(
                &key.span(),
                format_args!("unknown top-level key `{other}`; a spec holds only [[code]] and [[warning]] tables"),
            ),
        }
    }
    if codes.is_empty() && problems.is_empty() {
        problems.at(
            &(0..0),
            "the spec defines no status codes; add a [[code]] table",
        );
    }
    (codes, warnings)
}

fn read_array<T: DeserializeOwned>(
    value: &Spanned<DeValue<'_>>,
    key: &str,
    problems: &mut Problems<'_>,
    out: &mut Vec<T>,
) {
    let Some(array) = value.get_ref().as_array() else {
        problems.at(
            &value.span(),
            format_args!(
                "`{key}` must be an array of tables; write each entry under a [[{key}]] header"
            ),
        );
        return;
    };
    for item in array {
        match T::deserialize(ValueDeserializer::from(item.clone())) {
            Ok(entry) => out.push(entry),
            Err(error) => problems.toml_error(&error, &item.span()),
        }
    }
}

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
            aliases: raw
                .alias
                .into_iter()
                .map(|alias| Alias::from_raw(alias, &source))
                .collect(),
            source,
        }
    }
}

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

/// Collects every problem of one file, each located as `file:line:col`.
pub(crate) struct Problems<'s> {
    source: &'s str,
    label: &'s str,
    messages: Vec<(location::LineCol, String)>,
}

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

    /// Reports a TOML error at its own span, or at `fallback` when it has none.
    fn toml_error(&mut self, error: &toml::de::Error, fallback: &Range<usize>) {
        let span = error.span().unwrap_or_else(|| fallback.clone());
        let message = error.message().trim_end().trim_end_matches('.');
        self.at(&span, reword_toml_message(message));
    }

    fn is_empty(&self) -> bool {
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

/// serde's wording speaks of variants and fields; a spec author thinks in
/// tables and keys.
fn reword_toml_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!(
            "this table has no {rest}; every [[code]] needs code, name, phrase, source, status, reference and description"
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!(
            "unknown status {}",
            rest.replacen(", expected one of", "; expected one of", 1)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return format!(
            "unknown key {}",
            rest.replacen(", expected one of", "; expected one of", 1)
        );
    }
    message.to_owned()
}

#[cfg(test)]
mod tests;
