//! The registry's content: complete against the IANA registry and the seeds,
//! and packaged with the macro crate unchanged.

use status_core::{Registration, StatusCode};

/// Every code in the IANA HTTP Status Code Registry (checked 2026-11), with
/// 104 a temporary registration.
const IANA: &[u16] = &[
    100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303,
    304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413,
    414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503,
    504, 505, 506, 507, 508, 510, 511,
];

/// The non-IANA codes named in the seeds (`shared/seeds/003_*.txt`).
const SEEDED_UNOFFICIAL: &[u16] = &[
    218, 419, 420, 430, 440, 444, 449, 450, 460, 463, 464, 494, 495, 496, 497, 498, 499, 509, 520,
    521, 522, 523, 524, 525, 526, 527, 529, 530, 561, 598, 599, 999,
];

#[test]
fn every_iana_code_is_official() {
    for &code in IANA {
        let status = StatusCode::from_u16(code).unwrap_or_else(|error| panic!("{error}"));
        assert!(status.is_official(), "{code}");
        assert_eq!(status.source(), "IANA", "{code}");
    }
}

#[test]
fn every_seeded_unofficial_code_is_present_with_a_real_source() {
    for &code in SEEDED_UNOFFICIAL {
        let status = StatusCode::from_u16(code).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(status.registration(), Registration::Unofficial, "{code}");
        assert_ne!(status.source(), "IANA", "{code}");
        assert_ne!(
            status.reason_phrase(),
            "HTTP Status Code",
            "{code} keeps the seed's placeholder"
        );
    }
    assert_eq!(StatusCode::ALL.len(), IANA.len() + SEEDED_UNOFFICIAL.len());
}

#[test]
fn registry_statuses_follow_rfc_9110() {
    assert_eq!(
        StatusCode::from_u16(305).map(StatusCode::registration),
        Ok(Registration::Deprecated)
    );
    assert_eq!(
        StatusCode::from_u16(510).map(StatusCode::registration),
        Ok(Registration::Deprecated)
    );
    assert_eq!(StatusCode::SwitchProxy.registration(), Registration::Unused);
    assert_eq!(StatusCode::ImATeapot.registration(), Registration::Unused);
    let rfc_9110_phrases = [
        (StatusCode::ContentTooLarge, "Content Too Large"),
        (StatusCode::UnprocessableContent, "Unprocessable Content"),
        (StatusCode::UriTooLong, "URI Too Long"),
        (StatusCode::RangeNotSatisfiable, "Range Not Satisfiable"),
        (
            StatusCode::NonAuthoritativeInformation,
            "Non-Authoritative Information",
        ),
        (StatusCode::MisdirectedRequest, "Misdirected Request"),
    ];
    for (status, phrase) in rfc_9110_phrases {
        assert_eq!(status.reason_phrase(), phrase);
    }
}

#[test]
fn codes_with_two_meanings_are_one_entry_with_an_alias() {
    for code in [420, 430, 499, 530] {
        let status = StatusCode::from_u16(code).expect("present");
        assert!(
            !status.aliases().is_empty(),
            "{code} lists its second meaning"
        );
    }
}

#[test]
fn iana_references_cite_an_rfc_section() {
    for &status in StatusCode::ALL
        .iter()
        .filter(|status| status.source() == "IANA")
    {
        let reference = status.reference();
        let cites_section = reference.starts_with("RFC ") && reference.contains(", Section ");
        // 104 is a temporary registration that cites an Internet-Draft.
        assert!(
            cites_section || status.as_u16() == 104,
            "{status}: {reference}"
        );
    }
}

#[test]
fn the_packaged_copy_of_the_spec_is_identical() {
    let root = status_tests::workspace_root();
    let packaged =
        std::fs::read(root.join("status-macros/spec/status-codes.toml")).expect("packaged spec");
    let canonical = std::fs::read(root.join("spec/status-codes.toml")).expect("spec");
    assert!(
        packaged == canonical,
        "status-macros/spec/status-codes.toml differs from spec/status-codes.toml"
    );
}
