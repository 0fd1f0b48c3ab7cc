//! Our phrases against `http::StatusCode::canonical_reason`. They differ only
//! where the list below says so and why: `http` still ships phrases that
//! RFC 9110 (June 2022) replaced, and names a few codes differently.

use status_core::StatusCode;

/// `(code, http's phrase, ours)`, each difference justified.
const KNOWN_DIFFERENCES: &[(u16, &str, &str)] = &[
    // RFC 9110 Section 15.3.4 writes the hyphen; http drops it.
    (
        203,
        "Non Authoritative Information",
        "Non-Authoritative Information",
    ),
    // RFC 9110 Section 15.5.14 renamed "Payload Too Large" (RFC 7231).
    (413, "Payload Too Large", "Content Too Large"),
    // RFC 9110 Section 15.5.21 renamed "Unprocessable Entity" (RFC 4918).
    (422, "Unprocessable Entity", "Unprocessable Content"),
];

#[test]
fn phrases_match_http_except_for_the_listed_differences() {
    let mut compared = 0;
    for &status in StatusCode::ALL {
        let Some(theirs) = http::StatusCode::from_u16(status.as_u16())
            .ok()
            .and_then(|code| code.canonical_reason())
        else {
            continue;
        };
        compared += 1;
        let ours = status.reason_phrase();
        match KNOWN_DIFFERENCES
            .iter()
            .find(|(code, ..)| *code == status.as_u16())
        {
            Some(&(_, listed_theirs, listed_ours)) => {
                assert_eq!(
                    (theirs, ours),
                    (listed_theirs, listed_ours),
                    "{status}: the listed difference is stale"
                );
            }
            None => assert_eq!(
                ours,
                theirs,
                "{}: phrase differs from http's",
                status.as_u16()
            ),
        }
    }
    assert!(compared >= 60, "compared only {compared} codes with http");
}

#[test]
fn every_code_http_knows_is_in_the_registry() {
    for code in 100..=999 {
        let Ok(theirs) = http::StatusCode::from_u16(code) else {
            continue;
        };
        if theirs.canonical_reason().is_some() {
            assert!(
                StatusCode::from_u16(code).is_ok(),
                "http knows {code}, the registry does not"
            );
        }
    }
}

#[test]
fn old_phrases_stay_findable_as_aliases() {
    for &(code, theirs, ours) in KNOWN_DIFFERENCES {
        if theirs == ours {
            continue;
        }
        let status = StatusCode::from_u16(code).expect("registered");
        let found = status
            .aliases()
            .iter()
            .any(|alias| alias.phrase.eq_ignore_ascii_case(theirs));
        let hyphen_only = theirs.replace(' ', "-") == ours.replace(' ', "-");
        assert!(
            found || hyphen_only,
            "{code}: http's phrase {theirs:?} is not an alias"
        );
    }
}
