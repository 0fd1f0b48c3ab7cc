//! Rustdoc text for generated items, built from spec entries.

use crate::spec::{CodeEntry, Registration, WarningEntry};

/// The docs of one `StatusCode` variant: summary, description, then the facts.
pub(crate) fn variant_doc(entry: &CodeEntry) -> Vec<String> {
    let mut lines = vec![
        format!("`{} {}`: {}", entry.code, entry.phrase, entry.description),
        String::new(),
        format!("- Reference: {}", reference_markdown(&entry.reference)),
        format!(
            "- Source: {} ({})",
            entry.source,
            registration_words(entry.registration)
        ),
    ];
    let rules = rule_words(entry);
    if !rules.is_empty() {
        lines.push(format!("- Rules: {}", rules.join("; ")));
    }
    for alias in &entry.aliases {
        let mut line = format!(
            "- Also known as `{}` ([`Self::{}`]), {}",
            alias.phrase, alias.name, alias.source
        );
        if let Some(reference) = &alias.reference {
            line.push_str(", ");
            line.push_str(&reference_markdown(reference));
        }
        if let Some(description) = &alias.description {
            line.push_str(": ");
            line.push_str(description);
        }
        lines.push(line);
    }
    lines
}

/// The docs of an alias constant.
pub(crate) fn alias_doc(entry: &CodeEntry, alias_index: usize) -> String {
    let alias = &entry.aliases[alias_index];
    format!(
        "`{} {}` ({}): another name for [`Self::{}`] (`{} {}`).",
        entry.code, alias.phrase, alias.source, entry.name, entry.code, entry.phrase
    )
}

pub(crate) fn warning_doc(entry: &WarningEntry) -> Vec<String> {
    vec![
        format!("`{} {}`: {}", entry.code, entry.phrase, entry.description),
        String::new(),
        format!("- Reference: {}", reference_markdown(&entry.reference)),
    ]
}

fn registration_words(registration: Registration) -> &'static str {
    match registration {
        Registration::Registered => "registered",
        Registration::Deprecated => "deprecated",
        Registration::Unused => "reserved, unused",
        Registration::Unofficial => "unofficial",
    }
}

fn rule_words(entry: &CodeEntry) -> Vec<String> {
    let mut rules = Vec::new();
    if entry.no_body {
        rules.push("never has content".to_owned());
    }
    for (verb, headers) in [
        ("MUST", &entry.must_headers),
        ("SHOULD", &entry.should_headers),
        ("MAY", &entry.may_headers),
    ] {
        if !headers.is_empty() {
            let names: Vec<String> = headers.iter().map(|header| format!("`{header}`")).collect();
            rules.push(format!("{verb} send {}", names.join(", ")));
        }
    }
    if entry.cacheable {
        rules.push("heuristically cacheable".to_owned());
    }
    if entry.retryable {
        rules.push("commonly retried".to_owned());
    }
    rules
}

/// Turns `RFC 9110, Section 15.5.5` into a link to the RFC Editor's copy; a URL,
/// alone or inside the text, into an autolink; anything else stays text.
pub(crate) fn reference_markdown(reference: &str) -> String {
    match rfc_url(reference) {
        Some(url) => format!("[{reference}]({url})"),
        None => autolink_urls(reference),
    }
}

/// rustdoc neither links a bare URL nor lets one pass `-D warnings`
/// (`rustdoc::bare_urls`), so each becomes `<...>`, punctuation after it kept
/// outside.
fn autolink_urls(text: &str) -> String {
    let words: Vec<String> = text
        .split(' ')
        .map(|word| {
            if !(word.starts_with("https://") || word.starts_with("http://")) {
                return word.to_owned();
            }
            let url = word.trim_end_matches([',', '.', ';', ':', ')']);
            format!("<{url}>{}", &word[url.len()..])
        })
        .collect();
    words.join(" ")
}

fn rfc_url(reference: &str) -> Option<String> {
    let rest = reference.strip_prefix("RFC ")?;
    let (number, section) = match rest.split_once(", Section ") {
        Some((number, section)) => (number, Some(section)),
        None => (rest, None),
    };
    if number.is_empty() || !number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let base = format!("https://www.rfc-editor.org/rfc/rfc{number}");
    match section {
        Some(section)
            if section
                .bytes()
                .all(|byte| byte.is_ascii_digit() || byte == b'.') =>
        {
            Some(format!("{base}#section-{section}"))
        }
        Some(_) => None,
        None => Some(base),
    }
}

/// rustdoc rejects some characters in `#[doc(alias)]`; only plain words are offered.
pub(crate) fn usable_as_doc_alias(text: &str) -> bool {
    !text.is_empty()
        && text == text.trim()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_rfc_sections() {
        assert_eq!(
            reference_markdown("RFC 9110, Section 15.5.5"),
            "[RFC 9110, Section 15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)"
        );
        assert_eq!(
            reference_markdown("RFC 7725"),
            "[RFC 7725](https://www.rfc-editor.org/rfc/rfc7725)"
        );
    }

    #[test]
    fn leaves_other_references_as_text_or_autolinks() {
        assert_eq!(
            reference_markdown("nginx documentation"),
            "nginx documentation"
        );
        assert_eq!(
            reference_markdown("https://example.com/x"),
            "<https://example.com/x>"
        );
        assert_eq!(
            reference_markdown("RFC 9110, Section Foo"),
            "RFC 9110, Section Foo"
        );
        assert_eq!(
            reference_markdown(
                "Laravel documentation: CSRF protection, https://laravel.com/docs/csrf"
            ),
            "Laravel documentation: CSRF protection, <https://laravel.com/docs/csrf>"
        );
        assert_eq!(
            reference_markdown("listed at https://example.com/x#440, see there"),
            "listed at <https://example.com/x#440>, see there"
        );
    }

    #[test]
    fn doc_aliases_are_plain_words() {
        assert!(usable_as_doc_alias("Payload Too Large"));
        assert!(!usable_as_doc_alias("I'm a teapot"));
        assert!(!usable_as_doc_alias(""));
    }
}
