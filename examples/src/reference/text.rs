//! The reference as plain text, for `cargo run --example lookup`: the same
//! facts in the same words as the `/codes` page ([`words`]).

use std::fmt::Write as _;

use super::{CodeInfo, words};

/// One code as the page shows it: heading, description, then the facts under
/// the page's labels.
#[must_use]
pub fn describe(info: &CodeInfo) -> String {
    let mut text = format!("{} {}\n  {}\n", info.code, info.phrase, info.description);
    let _ = writeln!(text, "  {:<14}{}", "Class", info.class);
    let _ = writeln!(text, "  {:<14}{}", "Reference", reference(info.reference));
    let _ = writeln!(
        text,
        "  {:<14}{}",
        "Registration",
        words::registration_text(info)
    );
    for alias in &info.aliases {
        let mut line = format!("{} ({}", alias.phrase, alias.source);
        if let Some(reference) = alias.reference {
            line.push_str(", ");
            line.push_str(reference);
        }
        line.push(')');
        let _ = writeln!(text, "  {:<14}{line}", "Also known as");
    }
    for (position, rule) in words::rules(info).iter().enumerate() {
        let label = if position == 0 { "Rules" } else { "" };
        let _ = writeln!(text, "  {label:<14}{rule}");
    }
    text
}

/// A reference with its address, as the page links it.
fn reference(reference: &str) -> String {
    match words::reference_url(reference) {
        Some(url) if url != reference => format!("{reference} <{url}>"),
        _ => reference.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Registry;

    #[test]
    fn says_what_the_page_says() {
        let registry = Registry::builtin();
        let text = describe(registry.code(401).expect("401"));
        assert!(text.starts_with("401 Unauthorized\n"), "{text}");
        assert!(text.contains("MUST carry WWW-Authenticate"), "{text}");
        assert!(text.contains("registered with IANA"), "{text}");
        assert!(text.contains("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2"));
        let page = crate::reference::code_page(registry.code(401).expect("401"));
        for rule in words::rules(registry.code(401).expect("401")) {
            assert!(page.contains(&rule) && text.contains(&rule));
        }
    }
}
