//! Property tests of the spec parser. On arbitrary text, on TOML-shaped token
//! soup and on random edits of the built-in registry (lines deleted,
//! duplicated, swapped or replaced, character ranges cut, garbage inserted),
//! `Spec::parse` never panics, and when it fails:
//!
//! - it returns at least one message;
//! - every message starts with `label:line:col: ` where `line:col` is a real
//!   position of the source (1-based line at most the number of lines,
//!   1-based column at most that line's length in characters plus one);
//! - the messages come in file order;
//! - a position quoted inside a message (`first defined at 3:1`) is real too.
//!
//! The same holds when the text extends the built-in registry.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;

use super::{BUILTIN_SOURCE, Spec};

const LABEL: &str = "prop.toml";

/// A small spec using every kind of table, for cheap mutation.
const SMALL: &str = r#"# a comment
[[code]]
code = 404
name = "NotFound"
phrase = "Not Found"
source = "IANA"
status = "registered"
reference = "RFC 9110, Section 15.5.5"
description = "Nothing is there."
cacheable = true
may_headers = ["Retry-After"]

[[code.alias]]
name = "Missing"
phrase = "Missing"

[[code]]
code = 499
name = "ClientClosedRequest"
phrase = "Client Closed Request"
source = "nginx"
status = "unofficial"
reference = "https://nginx.org/"
description = "The client closed the connection."
no_body = false

[[warning]]
code = 110
name = "ResponseIsStale"
phrase = "Response is Stale"
reference = "RFC 7234, Section 5.5.1"
description = "The response is stale."
"#;

/// Pieces of TOML and of the spec's keys and values, some of them broken.
const TOKENS: &[&str] = &[
    "[[code]]",
    "[[code.alias]]",
    "[[warning]]",
    "[code]",
    "[[",
    "]]",
    "[",
    "]",
    "{",
    "}",
    "=",
    " = ",
    ",",
    ".",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "#",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "\\",
    "\\u{0}",
    "\\uD800",
    "code",
    "name",
    "phrase",
    "source",
    "status",
    "reference",
    "description",
    "alias",
    "no_body",
    "must_headers",
    "may_headers",
    "code = 404",
    "code = 99",
    "code = 1000",
    "code = -1",
    "code = 70000",
    "code = 4_04",
    "code = 0x194",
    "code = 4e2",
    "name = \"NotFound\"",
    "name = \"not found\"",
    "name = \"\"",
    "phrase = \"Not Found\"",
    "phrase = \"a\nb\"",
    "source = \"IANA\"",
    "status = \"registered\"",
    "status = \"nope\"",
    "reference = \"R\"",
    "description = \"D\"",
    "must_headers = [\"Allow\"]",
    "must_headers = [\"Bad Header\"]",
    "may_headers = \"Allow\"",
    "no_body = true",
    "cacheable = 1",
    "a.b.c = 1",
    "x = [1, \"a\"]",
    "x = { y = 1 }",
    "1979-05-27T07:32:00Z",
    "inf",
    "nan",
    "true",
    "é",
    "\u{2028}",
    "\u{feff}",
    "\0",
    "😀",
];

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|tokens| tokens.concat())
}

/// Arbitrary text: any characters, or TOML-shaped pieces.
fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..16).prop_map(String::from_iter),
        token_soup(),
    ]
}

/// One edit of a spec text.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    ReplaceLine(Index, String),
    DeleteChars(Index, usize),
    Insert(Index, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<Index>().prop_map(Edit::DeleteLine),
        any::<Index>().prop_map(Edit::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<Index>(), garbage()).prop_map(|(at, text)| Edit::ReplaceLine(at, text)),
        (any::<Index>(), 1_usize..64).prop_map(|(at, len)| Edit::DeleteChars(at, len)),
        (any::<Index>(), garbage()).prop_map(|(at, text)| Edit::Insert(at, text)),
    ]
}

/// The byte offset of the `index`-th character boundary of `text` (the end
/// counts as one), so edits never split a character.
fn boundary(text: &str, index: Index) -> usize {
    let at = index.index(text.chars().count() + 1);
    text.char_indices()
        .nth(at)
        .map_or(text.len(), |(byte, _)| byte)
}

fn apply(source: &str, edit: &Edit) -> String {
    let mut lines: Vec<&str> = source.split('\n').collect();
    match edit {
        Edit::DeleteLine(at) => {
            lines.remove(at.index(lines.len()));
        }
        Edit::DuplicateLine(at) => {
            let at = at.index(lines.len());
            lines.insert(at, lines[at]);
        }
        Edit::SwapLines(a, b) => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
        }
        Edit::ReplaceLine(at, text) => {
            let at = at.index(lines.len());
            lines[at] = text;
        }
        Edit::DeleteChars(at, len) => {
            let start = boundary(source, *at);
            let end = source[start..]
                .char_indices()
                .nth(*len)
                .map_or(source.len(), |(byte, _)| start + byte);
            return format!("{}{}", &source[..start], &source[end..]);
        }
        Edit::Insert(at, text) => {
            let at = boundary(source, *at);
            return format!("{}{text}{}", &source[..at], &source[at..]);
        }
    }
    lines.join("\n")
}

fn edited(source: &'static str, edits: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(edit(), 1..=edits).prop_map(move |edits| {
        edits
            .iter()
            .fold(source.to_owned(), |text, edit| apply(&text, edit))
    })
}

/// Fails unless 1-based `line:column` names a position of `source`: a
/// character, or the end of a line.
fn check_position(source: &str, line: usize, column: usize) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = source.split('\n').collect();
    prop_assert!(
        (1..=lines.len()).contains(&line),
        "line {} of {}",
        line,
        lines.len()
    );
    let length = lines[line - 1].chars().count();
    prop_assert!(
        (1..=length + 1).contains(&column),
        "column {} on line {} of {} characters",
        column,
        line,
        length
    );
    Ok(())
}

/// Splits `"12:3: rest"` (or `"12:3)..."`, with `end`) into its numbers and the rest.
fn split_position(text: &str, end: char) -> Option<(usize, usize, &str)> {
    let (line, rest) = text.split_once(':')?;
    let (column, rest) = rest.split_once(end)?;
    Some((line.parse().ok()?, column.parse().ok()?, rest))
}

/// The positions that messages quote, after the text they quote from the spec.
const QUOTED: &[&str] = &["(first defined at ", "(first used at ", "(at "];

/// Parses `source` (on its own, or extending `base`) and checks every error.
fn check_errors(source: &str, base: Option<&Spec>) -> Result<(), TestCaseError> {
    let Err(errors) = Spec::parse(source, LABEL, base) else {
        return Ok(());
    };
    prop_assert!(!errors.is_empty(), "an error without a message");
    let mut previous = (0, 0);
    for message in &errors {
        let located = message
            .strip_prefix(LABEL)
            .and_then(|rest| rest.strip_prefix(':'))
            .and_then(|rest| split_position(rest, ':'));
        let Some((line, column, rest)) = located else {
            return Err(TestCaseError::fail(format!(
                "no label:line:col: {message:?}"
            )));
        };
        prop_assert!(rest.starts_with(' '), "{:?}", message);
        check_position(source, line, column)?;
        prop_assert!(previous <= (line, column), "out of order: {:?}", errors);
        previous = (line, column);
        for marker in QUOTED {
            // Quoted spec text comes before the marker, so the last one is ours.
            if let Some(at) = rest.rfind(marker)
                && let Some((line, column, _)) = split_position(&rest[at + marker.len()..], ')')
            {
                check_position(source, line, column)?;
            }
        }
    }
    Ok(())
}

/// The built-in registry, parsed once.
fn builtin() -> &'static Spec {
    static BUILTIN: OnceLock<Spec> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        Spec::parse(BUILTIN_SOURCE, LABEL, None).expect("the built-in registry is valid")
    })
}

/// Cases per property: the built-in registry is 36 KB and slow to parse in
/// a debug build, the small spec is not.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[test]
fn the_unedited_sources_parse() {
    assert!(Spec::parse(SMALL, LABEL, None).is_ok());
    assert!(!builtin().codes.is_empty());
}

#[test]
fn positions_are_checked() {
    // The checker itself must reject what it is meant to catch.
    assert!(check_position("ab\ncd", 2, 3).is_ok());
    assert!(check_position("ab\ncd\n", 3, 1).is_ok());
    assert!(check_position("ab\ncd", 3, 1).is_err());
    assert!(check_position("ab\ncd", 1, 4).is_err());
    assert!(check_position("é", 1, 3).is_err());
    assert!(check_position("ab", 0, 1).is_err());
    assert_eq!(split_position("12:3: x", ':'), Some((12, 3, " x")));
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_text_gets_located_errors(source in garbage()) {
        check_errors(&source, None)?;
    }

    #[test]
    fn edited_small_specs_get_located_errors(source in edited(SMALL, 4)) {
        check_errors(&source, None)?;
    }

    #[test]
    fn edited_extensions_get_located_errors(source in edited(SMALL, 4)) {
        check_errors(&source, Some(builtin()))?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn edited_builtin_registry_gets_located_errors(source in edited(BUILTIN_SOURCE, 3)) {
        check_errors(&source, None)?;
    }
}
