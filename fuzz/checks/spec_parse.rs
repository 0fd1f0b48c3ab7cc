//! The spec parser on arbitrary text, alone and extending the built-in
//! registry: it never panics, and a failure is a non-empty list of messages,
//! in file order, each starting with `label:line:col: ` where `line:col` is a
//! real position of the text (1-based, the column at most the line's length
//! in characters plus one).
//!
//! A proc-macro crate exports only its macros, so the spec modules are
//! compiled into each binary that uses this file as they are (`#[path]`), as
//! `benches/expand.rs` does: the crate root declares `mod spec`.
//!
//! Shared by the cargo-fuzz target (`fuzz_targets/spec_parse.rs`, nightly)
//! and the stable harness under `cargo test` (`tests/fuzz.rs`).

use std::sync::OnceLock;

const LABEL: &str = "fuzz.toml";

fn builtin() -> &'static crate::spec::Spec {
    static BUILTIN: OnceLock<crate::spec::Spec> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        crate::spec::Spec::parse(
            crate::spec::BUILTIN_SOURCE,
            crate::spec::BUILTIN_LABEL,
            None,
        )
        .expect("the built-in registry is valid")
    })
}

/// Splits `"12:3: rest"` into its numbers and the rest.
fn split_position(text: &str) -> Option<(usize, usize, &str)> {
    let (line, rest) = text.split_once(':')?;
    let (column, rest) = rest.split_once(':')?;
    Some((line.parse().ok()?, column.parse().ok()?, rest))
}

fn check(source: &str, base: Option<&crate::spec::Spec>) {
    let Err(errors) = crate::spec::Spec::parse(source, LABEL, base) else {
        return;
    };
    assert!(!errors.is_empty(), "an error without a message");
    let lines: Vec<&str> = source.split('\n').collect();
    let mut previous = (0, 0);
    for message in &errors {
        let (line, column, rest) = message
            .strip_prefix(LABEL)
            .and_then(|rest| rest.strip_prefix(':'))
            .and_then(split_position)
            .unwrap_or_else(|| panic!("no {LABEL}:line:col: in {message:?}"));
        assert!(rest.starts_with(' '), "{message:?}");
        assert!(
            (1..=lines.len()).contains(&line),
            "line {line} of {}: {message:?}",
            lines.len()
        );
        let length = lines[line - 1].chars().count();
        assert!(
            (1..=length + 1).contains(&column),
            "column {column} of a {length}-character line: {message:?}"
        );
        assert!(previous <= (line, column), "out of order: {errors:?}");
        previous = (line, column);
    }
}

/// One input: if it is UTF-8, parsed alone and on top of the built-in registry.
pub(crate) fn run(data: &[u8]) {
    if let Ok(source) = std::str::from_utf8(data) {
        check(source, None);
        check(source, Some(builtin()));
    }
}
