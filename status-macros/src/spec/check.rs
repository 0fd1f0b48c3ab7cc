//! Rules a spec must obey beyond its shape. Each rule is one function
//! that records every violation it finds, so a file's problems are all reported
//! in one compile.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::model::{RawCode, RawWarning};
use super::{Problems, Spec};

const LOWEST_CODE: i64 = 100;
const HIGHEST_CODE: i64 = 999;

pub(super) fn check(
    codes: &[RawCode],
    warnings: &[RawWarning],
    base: Option<&Spec>,
    problems: &mut Problems<'_>,
) {
    let code_numbers: Vec<&Spanned<i64>> = codes.iter().map(|entry| &entry.code).collect();
    let warning_numbers: Vec<&Spanned<i64>> = warnings.iter().map(|entry| &entry.code).collect();
    for numbers in [&code_numbers, &warning_numbers] {
        check_code_range(numbers, problems);
        check_sorted(numbers, problems);
        check_unique_codes(numbers, problems);
    }
    check_names(codes, base, problems);
    check_warning_names(warnings, problems);
    check_text(codes, warnings, problems);
    check_header_names(codes, problems);
    check_grpc_codes(codes, problems);
    check_interim(codes, problems);
    if let Some(base) = base {
        check_not_in_base(codes, base, problems);
    }
}

// A status code is three digits:
//     code = 42      <- rejected
//     code = 1000    <- rejected
fn check_code_range(numbers: &[&Spanned<i64>], problems: &mut Problems<'_>) {
    for number in numbers {
        let value = *number.get_ref();
        if !(LOWEST_CODE..=HIGHEST_CODE).contains(&value) {
            problems.at(
                &number.span(),
                format_args!(
                    "code {value} is out of range; a status code has three digits, 100 to 999"
                ),
            );
        }
    }
}

// Entries are sorted by code so the file reads like the registry:
//     [[code]] code = 404
//     [[code]] code = 400    <- rejected: move it above 404
fn check_sorted(numbers: &[&Spanned<i64>], problems: &mut Problems<'_>) {
    for pair in numbers.windows(2) {
        let (previous, current) = (pair[0], pair[1]);
        if current.get_ref() < previous.get_ref() {
            let previous_at = problems.position(&previous.span());
            problems.at(
                &current.span(),
                format_args!(
                    "code {} is out of order; entries are sorted by code, so move it above {} (at {previous_at})",
                    current.get_ref(),
                    previous.get_ref()
                ),
            );
        }
    }
}

// Each code has exactly one entry; a second meaning is an [[code.alias]]:
//     [[code]] code = 420 ...
//     [[code]] code = 420 ...   <- rejected
fn check_unique_codes(numbers: &[&Spanned<i64>], problems: &mut Problems<'_>) {
    let mut first_seen: HashMap<i64, Range<usize>> = HashMap::new();
    for number in numbers {
        let value = *number.get_ref();
        match first_seen.get(&value) {
            Some(first) => {
                let first_at = problems.position(first);
                problems.at(
                    &number.span(),
                    format_args!(
                        "duplicate code {value} (first defined at {first_at}); give a second meaning as a [[code.alias]] of the first entry"
                    ),
                );
            }
            None => {
                first_seen.insert(value, number.span());
            }
        }
    }
}

// Names become enum variants and associated consts, so they must be
// UpperCamelCase identifiers, unique across entries and aliases:
//     name = "not_found"   <- rejected
//     name = "NotFound"    (twice) <- rejected
fn check_names(codes: &[RawCode], base: Option<&Spec>, problems: &mut Problems<'_>) {
    let names = codes.iter().flat_map(|entry| {
        std::iter::once(&entry.name).chain(entry.alias.iter().map(|alias| &alias.name))
    });
    let mut first_seen: HashMap<&str, Range<usize>> = HashMap::new();
    for name in names {
        check_identifier(name, problems);
        if let Some(first) = first_seen.get(name.get_ref().as_str()) {
            let first_at = problems.position(first);
            problems.at(
                &name.span(),
                format_args!(
                    "duplicate name `{}` (first used at {first_at}); names must be unique",
                    name.get_ref()
                ),
            );
        } else {
            first_seen.insert(name.get_ref(), name.span());
        }
        let taken_by_base = base.and_then(|base| {
            base.codes.iter().find(|entry| {
                entry.name == *name.get_ref()
                    || entry
                        .aliases
                        .iter()
                        .any(|alias| alias.name == *name.get_ref())
            })
        });
        if let Some(entry) = taken_by_base {
            problems.at(
                &name.span(),
                format_args!(
                    "name `{}` is already used by the built-in registry for {} {}; pick another name",
                    name.get_ref(),
                    entry.code,
                    entry.phrase
                ),
            );
        }
    }
}

// Warning codes get their own enum, so their names are unique among themselves.
fn check_warning_names(warnings: &[RawWarning], problems: &mut Problems<'_>) {
    let mut first_seen: HashMap<&str, Range<usize>> = HashMap::new();
    for warning in warnings {
        check_identifier(&warning.name, problems);
        if let Some(first) = first_seen.get(warning.name.get_ref().as_str()) {
            let first_at = problems.position(first);
            problems.at(
                &warning.name.span(),
                format_args!(
                    "duplicate warning name `{}` (first used at {first_at})",
                    warning.name.get_ref()
                ),
            );
        } else {
            first_seen.insert(warning.name.get_ref(), warning.name.span());
        }
    }
}

fn check_identifier(name: &Spanned<String>, problems: &mut Problems<'_>) {
    let text = name.get_ref();
    let starts_upper = text
        .chars()
        .next()
        .is_some_and(|first| first.is_ascii_uppercase());
    let alphanumeric = text.chars().all(|c| c.is_ascii_alphanumeric());
    // All-caps names (`OK`, `ALL`) read as constants and could clash with `ALL`.
    let has_lower = text.len() == 1 || text.chars().any(|c| c.is_ascii_lowercase());
    if !(starts_upper && alphanumeric && has_lower) || text == "Self" {
        problems.at(
            &name.span(),
            format_args!(
                "`{text}` is not a valid name; use an UpperCamelCase Rust identifier such as `{}`",
                upper_camel_case(text)
            ),
        );
    }
}

/// A suggestion for a name that is not `UpperCamelCase`: `not_found` -> `NotFound`.
fn upper_camel_case(text: &str) -> String {
    let words = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty());
    let camel: String = words
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first
                .into_iter()
                .chain(chars.map(|c| c.to_ascii_lowercase()))
                .collect::<String>()
        })
        .collect();
    match camel.chars().next() {
        Some(first) if first.is_ascii_alphabetic() => camel,
        _ => format!("Code{camel}"),
    }
}

// Phrases travel in status lines and problem titles; descriptions become one
// line of rustdoc. Both must be non-empty single lines of visible text:
//     phrase = ""            <- rejected
//     phrase = "Not\nFound"  <- rejected
fn check_text(codes: &[RawCode], warnings: &[RawWarning], problems: &mut Problems<'_>) {
    let mut fields: Vec<(&str, &Spanned<String>)> = Vec::new();
    for entry in codes {
        fields.extend([
            ("phrase", &entry.phrase),
            ("source", &entry.source),
            ("reference", &entry.reference),
            ("description", &entry.description),
        ]);
        for alias in &entry.alias {
            fields.push(("phrase", &alias.phrase));
            fields.extend(alias.source.iter().map(|value| ("source", value)));
            fields.extend(alias.reference.iter().map(|value| ("reference", value)));
            fields.extend(alias.description.iter().map(|value| ("description", value)));
        }
    }
    for warning in warnings {
        fields.extend([
            ("phrase", &warning.phrase),
            ("reference", &warning.reference),
            ("description", &warning.description),
        ]);
    }
    for (field, value) in fields {
        let text = value.get_ref();
        if text.trim().is_empty() {
            problems.at(
                &value.span(),
                format_args!("`{field}` is empty; write the text it stands for"),
            );
        } else if text.chars().any(|c| c.is_control() && c != '\t') {
            problems.at(
                &value.span(),
                format_args!("`{field}` contains a line break or control character; keep it to one line of text"),
            );
        }
    }
}

// Header names must be valid field names (RFC 9110 Section 5.1, a token):
//     must_headers = ["WWW Authenticate"]   <- rejected
fn check_header_names(codes: &[RawCode], problems: &mut Problems<'_>) {
    let headers = codes.iter().flat_map(|entry| {
        entry
            .must_headers
            .iter()
            .chain(&entry.should_headers)
            .chain(&entry.may_headers)
    });
    for header in headers {
        let name = header.get_ref();
        if let Some(reason) = crate::header::field_name_problem(name) {
            problems.at(
                &header.span(),
                format_args!("`{name}` is not a valid header name; {reason}"),
            );
        }
    }
}

// A gRPC mapping names a `google.rpc.Code` as code.proto spells it:
//     grpc = "NotFound"    <- rejected
//     grpc = "NOT_FOUND"
fn check_grpc_codes(codes: &[RawCode], problems: &mut Problems<'_>) {
    for grpc in codes.iter().filter_map(|entry| entry.grpc.as_ref()) {
        let name = grpc.get_ref();
        if super::model::grpc_variant(name).is_none() {
            let known: Vec<&str> = super::model::GRPC_CODES
                .iter()
                .map(|(proto, _)| *proto)
                .collect();
            problems.at(
                &grpc.span(),
                format_args!(
                    "`{name}` is not a google.rpc.Code; use one of {}",
                    known.join(", ")
                ),
            );
        }
    }
}

// Only a 1xx status is interim (RFC 9110 Section 15.2):
//     code = 200
//     interim = true    <- rejected
fn check_interim(codes: &[RawCode], problems: &mut Problems<'_>) {
    for entry in codes.iter().filter(|entry| entry.interim) {
        let code = *entry.code.get_ref();
        if !(100..200).contains(&code) {
            problems.at(
                &entry.code.span(),
                format_args!("code {code} is marked `interim`, but only a 1xx status is interim"),
            );
        }
    }
}

// A spec that extends the built-in registry adds codes; it cannot redefine one:
//     status_codes!(extend_builtin, inline = "[[code]] code = 404 ...")   <- rejected
fn check_not_in_base(codes: &[RawCode], base: &Spec, problems: &mut Problems<'_>) {
    for entry in codes {
        let Ok(code) = u16::try_from(*entry.code.get_ref()) else {
            continue;
        };
        if let Some(existing) = base.by_code(code) {
            problems.at(
                &entry.code.span(),
                format_args!(
                    "code {code} is already in the built-in registry as {} {}; an extension may only add new codes",
                    existing.code, existing.phrase
                ),
            );
        }
    }
}
