//! The registry's facts in words: one sentence per kind of fact, shared by
//! the `/codes` page and the `lookup` example so both say the same thing.
//! Nothing here names a code; everything comes from a [`CodeInfo`].

use status_core::{Registration, StatusClass};

use super::CodeInfo;

/// The registration as one word, as the spec writes it: `registered`,
/// `deprecated`, `unused` or `unofficial`.
#[must_use]
pub fn registration_word(registration: Registration) -> &'static str {
    match registration {
        Registration::Registered => "registered",
        Registration::Deprecated => "deprecated",
        Registration::Unused => "unused",
        Registration::Unofficial => "unofficial",
    }
}

/// The registration in a phrase, with the vendor for unofficial codes:
/// `"registered with IANA"`, `"unofficial, used by nginx"`.
#[must_use]
pub fn registration_text(info: &CodeInfo) -> String {
    match info.registration {
        Registration::Registered => format!("registered with {}", info.source),
        Registration::Deprecated => format!(
            "deprecated: registered with {}, not to be used",
            info.source
        ),
        Registration::Unused => format!("unused: reserved by {}, not to be sent", info.source),
        Registration::Unofficial => format!("unofficial, used by {}", info.source),
    }
}

/// The protocol rules of a code, one short sentence each, in a fixed order:
/// content, MUST headers, SHOULD headers, common headers, redirects,
/// caching, retries.
#[must_use]
pub fn rules(info: &CodeInfo) -> Vec<String> {
    let mut rules = Vec::new();
    if !info.allows_body {
        rules.push("no content allowed".to_owned());
    }
    if !info.required_headers.is_empty() {
        rules.push(format!("MUST carry {}", info.required_headers.join(", ")));
    }
    if !info.recommended_headers.is_empty() {
        rules.push(format!(
            "SHOULD carry {}",
            info.recommended_headers.join(", ")
        ));
    }
    if !info.optional_headers.is_empty() {
        rules.push(format!(
            "often sent with {}",
            info.optional_headers.join(", ")
        ));
    }
    if info.redirects {
        rules.push(
            if info.permanent {
                "redirects to Location for good"
            } else {
                "redirects to Location for now"
            }
            .to_owned(),
        );
        rules.push(
            if info.keeps_method {
                "the redirected request keeps its method and content"
            } else {
                "the redirected request may become a GET"
            }
            .to_owned(),
        );
    }
    if info.cacheable_by_default {
        rules.push("cacheable by default".to_owned());
    }
    if info.retryable {
        rules.push("commonly retried".to_owned());
    }
    rules
}

/// What a class means, in one sentence (RFC 9110, Section 15).
#[must_use]
pub fn class_summary(class: StatusClass) -> &'static str {
    match class {
        StatusClass::Informational => {
            "Interim responses: the request was received and the final response is still to come."
        }
        StatusClass::Success => "The request was received, understood and accepted.",
        StatusClass::Redirection => {
            "The client has to take a further step, usually a request to another URI, to complete the request."
        }
        StatusClass::ClientError => "The request is at fault: fix it before sending it again.",
        StatusClass::ServerError => "The server failed to carry out a request that looks valid.",
        StatusClass::Nonstandard => {
            "Outside 100 to 599, the only range RFC 9110 defines; used by single vendors."
        }
    }
}

/// The address of a reference: the RFC Editor's page (and section) for
/// `RFC NNNN[, Section X.Y]`, the first `http(s)://` URL inside any other
/// text, `None` when there is neither.
#[must_use]
pub fn reference_url(reference: &str) -> Option<String> {
    if let Some(rest) = reference.strip_prefix("RFC ") {
        let (number, section) = match rest.split_once(", Section ") {
            Some((number, section)) => (number, Some(section)),
            None => (rest, None),
        };
        if !number.is_empty() && number.bytes().all(|byte| byte.is_ascii_digit()) {
            let base = format!("https://www.rfc-editor.org/rfc/rfc{number}");
            return match section {
                Some(section) if section.bytes().all(|b| b.is_ascii_digit() || b == b'.') => {
                    Some(format!("{base}#section-{section}"))
                }
                _ => Some(base),
            };
        }
    }
    if let Some(draft) = reference.strip_prefix("draft-")
        && draft
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Some(format!("https://datatracker.ietf.org/doc/html/{reference}"));
    }
    reference
        .split(' ')
        .find(|word| word.starts_with("https://") || word.starts_with("http://"))
        .map(|word| word.trim_end_matches([',', '.', ';', ':', ')']).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Registry;

    #[test]
    fn links_rfc_sections_drafts_and_urls() {
        assert_eq!(
            reference_url("RFC 9110, Section 15.5.5").as_deref(),
            Some("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5")
        );
        assert_eq!(
            reference_url("RFC 7725").as_deref(),
            Some("https://www.rfc-editor.org/rfc/rfc7725")
        );
        assert_eq!(
            reference_url("see https://example.com/x, there").as_deref(),
            Some("https://example.com/x")
        );
        assert!(reference_url("nginx source").is_none());
    }

    #[test]
    fn rules_come_from_the_registry() {
        let registry = Registry::builtin();
        let unauthorized = registry.code(401).expect("401");
        assert_eq!(rules(unauthorized), ["MUST carry WWW-Authenticate"]);
        let no_content = registry.code(204).expect("204");
        assert_eq!(
            rules(no_content),
            ["no content allowed", "cacheable by default"]
        );
        let unavailable = registry.code(503).expect("503");
        assert_eq!(
            rules(unavailable),
            ["often sent with Retry-After", "commonly retried"]
        );
        let nginx = registry.code(499).expect("499");
        assert_eq!(registration_text(nginx), "unofficial, used by nginx");
    }
}
