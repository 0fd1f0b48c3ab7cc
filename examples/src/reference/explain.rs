//! `lookup --explain A B`: two codes side by side. The contrast is computed
//! from the registry (class, registration, each rule one has and the other
//! lacks); the only hand-written prose is per class and per pair, in
//! [`PAIRS`], never about one code alone.

use std::fmt::Write as _;

use super::{CodeInfo, words};

/// Pairs that are easy to confuse, with when to choose which: the only
/// prose here that names codes, and it names two at a time.
const PAIRS: &[(u16, u16, &str)] = &[
    (
        401,
        403,
        "Choose by whether credentials would help. The first says the request carries no \
         credentials the server accepts, and tells the client how to authenticate; the second \
         says the server understood who is asking and refuses anyway, so logging in again \
         changes nothing.",
    ),
    (
        301,
        308,
        "Both say the resource moved for good. Only the second guarantees that the method and \
         content are sent again unchanged; with the first, clients may turn a POST into a GET.",
    ),
    (
        302,
        307,
        "Both are temporary. Only the second guarantees that the method and content are sent \
         again unchanged; with the first, clients may turn a POST into a GET.",
    ),
    (
        302,
        303,
        "Both are temporary. The second always means \"now GET the other URI\", the usual \
         answer after a form submission; the first leaves the method to the client's habits.",
    ),
    (
        404,
        410,
        "Both say there is nothing here. The second adds that the absence is deliberate and \
         permanent, so links to it can be removed; the first makes no promise either way.",
    ),
    (
        400,
        422,
        "The first is for a request the server cannot parse at all; the second for one it \
         parsed and understood but whose content it will not process, such as a value that \
         fails validation.",
    ),
    (
        500,
        503,
        "The first is a fault nobody planned for; the second a known, temporary state such \
         as overload or maintenance, often with a time to come back.",
    ),
    (
        502,
        504,
        "Both come from a gateway or proxy. The first got an invalid answer from upstream; \
         the second got no answer in time.",
    ),
];

/// The hand-written note of a pair, in either order.
fn pair_note(first: u16, second: u16) -> Option<&'static str> {
    PAIRS
        .iter()
        .find(|(a, b, _)| (*a, *b) == (first, second) || (*b, *a) == (first, second))
        .map(|(_, _, note)| *note)
}

/// Two codes, contrasted: what each means, how they differ by the
/// registry's facts, and when to choose which.
#[must_use]
pub fn explain(first: &CodeInfo, second: &CodeInfo) -> String {
    let mut text = format!(
        "{} {} vs {} {}\n\n",
        first.code, first.phrase, second.code, second.phrase
    );
    for info in [first, second] {
        let _ = writeln!(text, "{} {}: {}", info.code, info.phrase, info.description);
    }
    text.push('\n');
    if first.class == second.class {
        let _ = writeln!(
            text,
            "Both are {}: {}",
            first.class,
            words::class_summary(first.class)
        );
    } else {
        for info in [first, second] {
            let _ = writeln!(
                text,
                "{} is {}: {}",
                info.code,
                info.class,
                words::class_summary(info.class)
            );
        }
    }
    let differences = differences(first, second);
    if differences.is_empty() {
        text.push_str("The registry gives them the same rules.\n");
    } else {
        text.push_str("Where the registry tells them apart:\n");
        for line in differences {
            let _ = writeln!(text, "  - {line}");
        }
    }
    if let Some(note) = pair_note(first.code, second.code) {
        let _ = write!(text, "\nWhen to use which: {note}\n");
    }
    text
}

/// One line per fact in which the two differ, each naming both codes.
fn differences(first: &CodeInfo, second: &CodeInfo) -> Vec<String> {
    let mut lines = Vec::new();
    if first.registration != second.registration || first.source != second.source {
        lines.push(format!(
            "{} is {}; {} is {}",
            first.code,
            words::registration_text(first),
            second.code,
            words::registration_text(second)
        ));
    }
    let (first_rules, second_rules) = (words::rules(first), words::rules(second));
    for rule in &first_rules {
        if !second_rules.contains(rule) {
            lines.push(format!("{}: {rule}; {} not", first.code, second.code));
        }
    }
    for rule in &second_rules {
        if !first_rules.contains(rule) {
            lines.push(format!("{}: {rule}; {} not", second.code, first.code));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Registry;

    #[test]
    fn contrasts_401_and_403_from_the_rules_and_the_pair_note() {
        let registry = Registry::builtin();
        let (unauthorized, forbidden) = (
            registry.code(401).expect("401"),
            registry.code(403).expect("403"),
        );
        let text = explain(unauthorized, forbidden);
        assert!(
            text.starts_with("401 Unauthorized vs 403 Forbidden\n"),
            "{text}"
        );
        assert!(
            text.contains("401: MUST carry WWW-Authenticate; 403 not"),
            "{text}"
        );
        assert!(text.contains("Both are 4xx Client Error"), "{text}");
        assert!(text.contains("When to use which: Choose by whether credentials"));
        assert!(explain(forbidden, unauthorized).contains("When to use which"));
    }

    #[test]
    fn every_pair_names_two_known_codes() {
        let registry = Registry::builtin();
        for (first, second, _) in PAIRS {
            assert!(registry.code(*first).is_some() && registry.code(*second).is_some());
        }
    }
}
