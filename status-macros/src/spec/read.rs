//! Reads the tables of a parsed spec into the raw model, key by key.
//!
//! Written by hand over `toml`'s spanned document rather than with
//! `#[derive(Deserialize)]`: serde's derive would put `serde_derive` on the
//! critical path of every clean build of every user (it is what made a clean
//! build of a small app 1.5x slower than its hand-written peer), and reading
//! by hand reports every problem of an entry, not only its first.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Problems;
use super::model::{RawAlias, RawCode, RawWarning, Registration};
use super::schema::Schema;

/// Splits the document into its `[[code]]` and `[[warning]]` tables, reading
/// each on its own so that one bad entry does not hide the problems of the next.
pub(super) fn read_tables(
    source: &str,
    problems: &mut Problems<'_>,
) -> (Vec<RawCode>, Vec<RawWarning>) {
    let mut codes = Vec::new();
    let mut warnings = Vec::new();
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    for error in &syntax_errors {
        let span = error.span().unwrap_or(0..0);
        problems.at(&span, error.message().trim_end().trim_end_matches('.'));
    }
    if !syntax_errors.is_empty() {
        return (codes, warnings);
    }
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "code" => {
                for item in array_of_tables(value, "code", problems) {
                    codes.extend(RawCode::read(item, problems));
                }
            }
            "warning" => {
                for item in array_of_tables(value, "warning", problems) {
                    warnings.extend(RawWarning::read(item, problems));
                }
            }
            other => problems.at(
                &key.span(),
                format_args!(
                    "unknown top-level key `{other}`; a spec holds only [[code]] and [[warning]] tables"
                ),
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

/// The items of an array of tables, or nothing (with a problem recorded) when
/// `key` holds something else.
fn array_of_tables<'v, 'i>(
    value: &'v Spanned<DeValue<'i>>,
    key: &str,
    problems: &mut Problems<'_>,
) -> &'v [Spanned<DeValue<'i>>] {
    if let Some(array) = value.get_ref().as_array() {
        array
    } else {
        problems.at(
            &value.span(),
            format_args!(
                "`{key}` must be an array of tables; write each entry under a [[{key}]] header"
            ),
        );
        &[]
    }
}

/// One table being read, against its kind's [`Schema`]. Each reader is named
/// after a key kind of `schema.rs`, records its own problem and returns
/// `None`; [`Table::finish`] adds the missing keys, so an entry's problems are
/// all reported together.
pub(crate) struct Table<'t, 'i, 'p, 's> {
    entries: &'t DeTable<'i>,
    span: Range<usize>,
    schema: &'static Schema,
    missing: Vec<&'static str>,
    failed: bool,
    problems: &'p mut Problems<'s>,
}

impl<'t, 'i, 'p, 's> Table<'t, 'i, 'p, 's> {
    /// Starts reading `item` as a table of `schema`'s kind, reporting the keys it does not allow.
    pub(crate) fn open(
        item: &'t Spanned<DeValue<'i>>,
        schema: &'static Schema,
        problems: &'p mut Problems<'s>,
    ) -> Option<Self> {
        let Some(entries) = item.get_ref().as_table() else {
            problems.at(
                &item.span(),
                format_args!(
                    "each {} entry must be a table, not {}",
                    schema.kind,
                    with_article(item.get_ref().type_str())
                ),
            );
            return None;
        };
        let mut failed = false;
        for key in entries.keys() {
            let name: &str = key.get_ref();
            if !schema.allows(name) {
                let expected: Vec<&str> = schema.names().collect();
                problems.at(
                    &key.span(),
                    format_args!(
                        "unknown key `{name}`; expected one of {}",
                        quoted_list(&expected)
                    ),
                );
                failed = true;
            }
        }
        Some(Table {
            entries,
            span: item.span(),
            schema,
            missing: Vec::new(),
            failed,
            problems,
        })
    }

    /// The value of a key the table must have.
    fn required(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        let value = self.entries.get(key);
        if value.is_none() {
            self.missing.push(key);
        }
        value
    }

    /// Records that `key` holds the wrong kind of value.
    fn mismatch(&mut self, key: &str, value: &Spanned<DeValue<'_>>, expected: &str) {
        self.problems.at(
            &value.span(),
            format_args!(
                "`{key}` must be {expected}, not {}",
                with_article(value.get_ref().type_str())
            ),
        );
        self.failed = true;
    }

    fn string_value(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<Spanned<String>> {
        if let Some(text) = value.get_ref().as_str() {
            Some(Spanned::new(value.span(), text.to_owned()))
        } else {
            self.mismatch(key, value, "a string");
            None
        }
    }

    /// Kind `string`: a required string.
    pub(crate) fn string(&mut self, key: &'static str) -> Option<Spanned<String>> {
        let value = self.required(key)?;
        self.string_value(key, value)
    }

    /// Kind `optional_string`: `Some(None)` when the key is absent.
    // Every reader answers `None` for "a problem was recorded"; for an
    // optional key, the value inside is the key's own `Option`.
    #[allow(clippy::option_option)]
    pub(crate) fn optional_string(&mut self, key: &'static str) -> Option<Option<Spanned<String>>> {
        match self.entries.get(key) {
            Some(value) => self.string_value(key, value).map(Some),
            None => Some(None),
        }
    }

    /// Kind `integer`: a required integer.
    pub(crate) fn integer(&mut self, key: &'static str) -> Option<Spanned<i64>> {
        let value = self.required(key)?;
        let Some(integer) = value.get_ref().as_integer() else {
            self.mismatch(key, value, "an integer");
            return None;
        };
        if let Ok(number) = i64::from_str_radix(integer.as_str(), integer.radix()) {
            Some(Spanned::new(value.span(), number))
        } else {
            self.problems.at(
                &value.span(),
                format_args!("`{key}` is too large a number; a status code has three digits"),
            );
            self.failed = true;
            None
        }
    }

    /// Kind `registration`: one of [`Registration::WORDS`].
    pub(crate) fn registration(&mut self, key: &'static str) -> Option<Spanned<Registration>> {
        let text = self.string(key)?;
        if let Some((_, registration)) = Registration::WORDS
            .iter()
            .find(|(word, _)| *word == text.get_ref().as_str())
        {
            return Some(Spanned::new(text.span(), *registration));
        }
        let words: Vec<&str> = Registration::WORDS.iter().map(|(word, _)| *word).collect();
        self.problems.at(
            &text.span(),
            format_args!(
                "unknown status `{}`; expected one of {}",
                text.get_ref(),
                quoted_list(&words)
            ),
        );
        self.failed = true;
        None
    }

    /// Kind `flag`: an optional `true`/`false`, `false` when absent.
    pub(crate) fn flag(&mut self, key: &'static str) -> Option<bool> {
        let Some(value) = self.entries.get(key) else {
            return Some(false);
        };
        let flag = value.get_ref().as_bool();
        if flag.is_none() {
            self.mismatch(key, value, "true or false");
        }
        flag
    }

    /// Kind `strings`: an optional array of strings, empty when absent.
    pub(crate) fn strings(&mut self, key: &'static str) -> Option<Vec<Spanned<String>>> {
        let Some(value) = self.entries.get(key) else {
            return Some(Vec::new());
        };
        let Some(items) = value.get_ref().as_array() else {
            self.mismatch(key, value, "an array of strings");
            return None;
        };
        let strings: Vec<Option<Spanned<String>>> = items
            .iter()
            .map(|item| self.string_value(key, item))
            .collect();
        strings.into_iter().collect()
    }

    /// Kind `aliases`: the optional `[[code.alias]]` tables of an entry.
    pub(crate) fn aliases(&mut self, key: &'static str) -> Option<Vec<RawAlias>> {
        let Some(value) = self.entries.get(key) else {
            return Some(Vec::new());
        };
        let Some(items) = value.get_ref().as_array() else {
            self.mismatch(key, value, "an array of tables, written as [[code.alias]]");
            return None;
        };
        let aliases: Vec<Option<RawAlias>> = items
            .iter()
            .map(|item| RawAlias::read(item, self.problems))
            .collect();
        aliases.into_iter().collect()
    }

    /// Reports the missing keys; `None` if anything about the table was wrong.
    pub(crate) fn finish(self) -> Option<()> {
        if !self.missing.is_empty() {
            let required: Vec<&str> = self.schema.required().collect();
            self.problems.at(
                &self.span,
                format_args!(
                    "this table has no {}; every {} needs {}",
                    quoted_list(&self.missing),
                    self.schema.kind,
                    prose_list(&required)
                ),
            );
            return None;
        }
        (!self.failed).then_some(())
    }
}

/// `a, b and c`, for the list of required keys.
fn prose_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `` `a`, `b` and `c` `` style lists for messages.
fn quoted_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| format!("`{word}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn with_article(type_name: &str) -> String {
    let article = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {type_name}")
}
