//! `StatusCode` behaves as the spec says, for every entry and every `u16`.

use std::collections::BTreeMap;

use status_core::{InvalidStatusCode, Registration, StatusClass, StatusCode};

#[derive(serde::Deserialize)]
struct Spec {
    code: Vec<Entry>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)] // fields are read through serde's deny-nothing default
struct Entry {
    code: u16,
    name: String,
    phrase: String,
    source: String,
    status: String,
    reference: String,
    description: String,
    #[serde(default)]
    no_body: bool,
    #[serde(default)]
    must_headers: Vec<String>,
    #[serde(default)]
    should_headers: Vec<String>,
    #[serde(default)]
    may_headers: Vec<String>,
    #[serde(default)]
    cacheable: bool,
    #[serde(default)]
    retryable: bool,
    #[serde(default)]
    alias: Vec<Alias>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Alias {
    name: String,
    phrase: String,
}

/// The spec read as plain data, independently of the macro.
fn spec() -> BTreeMap<u16, Entry> {
    let spec: Spec = toml::from_str(&status_tests::spec_text()).expect("spec parses");
    spec.code
        .into_iter()
        .map(|entry| (entry.code, entry))
        .collect()
}

#[test]
fn every_spec_entry_round_trips() {
    let spec = spec();
    assert_eq!(StatusCode::ALL.len(), spec.len());
    for (&code, entry) in &spec {
        let status = StatusCode::from_u16(code).unwrap_or_else(|error| panic!("{code}: {error}"));
        assert_eq!(status.as_u16(), code);
        assert_eq!(u16::from(status), code);
        assert_eq!(StatusCode::try_from(code), Ok(status));
        assert_eq!(status.as_str(), code.to_string());
        assert_eq!(status.as_str().parse::<StatusCode>(), Ok(status));
        assert_eq!(status.reason_phrase(), entry.phrase);
        assert_eq!(status.to_string(), format!("{code} {}", entry.phrase));
        assert_eq!(status.status_line(), status.to_string());
        assert_eq!(
            format!("{status:?}"),
            entry.name,
            "Debug shows the variant name"
        );
        assert_eq!(status.source(), entry.source);
        assert_eq!(status.reference(), entry.reference);
        assert_eq!(status.description(), entry.description);
        let registration = match entry.status.as_str() {
            "registered" => Registration::Registered,
            "deprecated" => Registration::Deprecated,
            "unused" => Registration::Unused,
            "unofficial" => Registration::Unofficial,
            other => panic!("unexpected status {other}"),
        };
        assert_eq!(status.registration(), registration, "{code}");
        assert_eq!(status.is_official(), entry.source == "IANA", "{code}");
        assert_eq!(status.allows_body(), !entry.no_body, "{code}");
        assert_eq!(status.required_headers(), entry.must_headers, "{code}");
        assert_eq!(status.recommended_headers(), entry.should_headers, "{code}");
        assert_eq!(status.optional_headers(), entry.may_headers, "{code}");
        assert_eq!(status.is_cacheable_by_default(), entry.cacheable, "{code}");
        assert_eq!(status.is_retryable(), entry.retryable, "{code}");
        let aliases: Vec<(&str, &str)> = status
            .aliases()
            .iter()
            .map(|alias| (alias.name, alias.phrase))
            .collect();
        let expected: Vec<(&str, &str)> = entry
            .alias
            .iter()
            .map(|alias| (alias.name.as_str(), alias.phrase.as_str()))
            .collect();
        assert_eq!(aliases, expected, "{code}");
    }
}

#[test]
fn every_u16_maps_to_a_spec_entry_or_is_an_error() {
    let spec = spec();
    let mut known = 0;
    for code in 0..=u16::MAX {
        match StatusCode::from_u16(code) {
            Ok(status) => {
                assert!(spec.contains_key(&code), "{code} is not in the spec");
                assert_eq!(status.as_u16(), code);
                known += 1;
            }
            Err(error) => {
                assert!(
                    !spec.contains_key(&code),
                    "{code} is in the spec but rejected"
                );
                assert_eq!(error.code(), Some(code));
                assert_eq!(StatusCode::try_from(code), Err(error));
            }
        }
    }
    assert_eq!(known, spec.len());
}

#[test]
fn all_is_sorted_and_unique() {
    assert!(
        StatusCode::ALL
            .windows(2)
            .all(|pair| pair[0].as_u16() < pair[1].as_u16())
    );
    assert!(
        StatusCode::ALL.windows(2).all(|pair| pair[0] < pair[1]),
        "Ord follows the number"
    );
}

#[test]
fn class_predicates_hold_on_both_sides_of_each_boundary() {
    let class_of = |code: u16| StatusCode::from_u16(code).expect("registered").class();
    let pairs = [
        (103, StatusClass::Informational, 200, StatusClass::Success),
        (226, StatusClass::Success, 300, StatusClass::Redirection),
        (308, StatusClass::Redirection, 400, StatusClass::ClientError),
        (499, StatusClass::ClientError, 500, StatusClass::ServerError),
        (599, StatusClass::ServerError, 999, StatusClass::Nonstandard),
    ];
    for (below, below_class, above, above_class) in pairs {
        assert_eq!(class_of(below), below_class, "{below}");
        assert_eq!(class_of(above), above_class, "{above}");
    }
    assert!(StatusCode::Continue.is_informational() && !StatusCode::Continue.is_success());
    assert!(StatusCode::EarlyHints.is_informational());
    assert!(StatusCode::Ok.is_success() && !StatusCode::Ok.is_informational());
    assert!(StatusCode::ImUsed.is_success() && !StatusCode::ImUsed.is_redirection());
    assert!(
        StatusCode::MultipleChoices.is_redirection() && !StatusCode::MultipleChoices.is_success()
    );
    assert!(
        StatusCode::PermanentRedirect.is_redirection()
            && !StatusCode::PermanentRedirect.is_client_error()
    );
    assert!(StatusCode::BadRequest.is_client_error() && StatusCode::BadRequest.is_error());
    assert!(
        StatusCode::ClientClosedRequest.is_client_error()
            && !StatusCode::ClientClosedRequest.is_server_error()
    );
    assert!(
        StatusCode::InternalServerError.is_server_error()
            && StatusCode::InternalServerError.is_error()
    );
    assert!(StatusCode::NetworkConnectTimeoutError.is_server_error());
    let nonstandard = StatusCode::RequestDenied;
    assert_eq!(nonstandard.as_u16(), 999);
    assert!(
        !nonstandard.is_error() && !nonstandard.is_server_error() && !nonstandard.is_client_error()
    );
    for &status in StatusCode::ALL {
        let flags = [
            status.is_informational(),
            status.is_success(),
            status.is_redirection(),
            status.is_client_error(),
            status.is_server_error(),
        ];
        let expected = usize::from(status.class() != StatusClass::Nonstandard);
        assert_eq!(
            flags.iter().filter(|&&flag| flag).count(),
            expected,
            "{status}"
        );
    }
}

#[test]
fn the_enum_is_two_bytes_and_so_is_its_option() {
    assert_eq!(size_of::<StatusCode>(), 2);
    assert_eq!(size_of::<Option<StatusCode>>(), 2);
}

#[test]
fn parsing_accepts_exactly_three_digits() {
    assert_eq!("404".parse::<StatusCode>(), Ok(StatusCode::NotFound));
    assert_eq!("100".parse::<StatusCode>(), Ok(StatusCode::Continue));
    assert_eq!("999".parse::<StatusCode>(), Ok(StatusCode::RequestDenied));
    for bad in [
        "",
        "4",
        "40",
        "4040",
        " 404",
        "404 ",
        "+404",
        "-404",
        "40a",
        "404 Not Found",
        "０４０",
    ] {
        let error = bad.parse::<StatusCode>().expect_err(bad);
        assert_eq!(error.code(), None, "{bad:?}");
        assert!(error.to_string().contains("three ASCII digits"), "{error}");
    }
    for unknown in ["099", "299", "600", "000"] {
        let error: InvalidStatusCode = unknown.parse::<StatusCode>().expect_err(unknown);
        assert!(error.code().is_some(), "{unknown}");
    }
}

#[test]
fn errors_say_what_was_wrong() {
    let error = StatusCode::from_u16(99).expect_err("too small");
    assert_eq!(
        error.to_string(),
        "invalid HTTP status code 99: status codes are 100 to 999"
    );
    let error = StatusCode::from_u16(1000).expect_err("too big");
    assert_eq!(
        error.to_string(),
        "invalid HTTP status code 1000: status codes are 100 to 999"
    );
    let error = StatusCode::from_u16(299).expect_err("not registered");
    assert_eq!(
        error.to_string(),
        "unknown HTTP status code 299: it is not in the status-code registry"
    );
}

#[test]
fn display_honours_width_and_alignment() {
    assert_eq!(format!("{:>15}|", StatusCode::Ok), "         200 OK|");
    assert_eq!(format!("{:<15}|", StatusCode::Ok), "200 OK         |");
}

#[test]
fn compares_with_plain_numbers() {
    assert!(StatusCode::NotFound == 404);
    assert!(404 == StatusCode::NotFound);
    assert!(StatusCode::NotFound != 403);
}

#[test]
fn alias_constants_are_the_same_code() {
    assert_eq!(StatusCode::PayloadTooLarge, StatusCode::ContentTooLarge);
    assert_eq!(
        StatusCode::UnprocessableEntity,
        StatusCode::UnprocessableContent
    );
    assert_eq!(StatusCode::EnhanceYourCalm.as_u16(), 420);
    assert_eq!(StatusCode::TokenRequired, StatusCode::ClientClosedRequest);
    // An alias constant works as a pattern.
    let described = match StatusCode::ContentTooLarge {
        StatusCode::PayloadTooLarge => "too large",
        _ => "other",
    };
    assert_eq!(described, "too large");
}

#[test]
fn rules_from_the_rfcs() {
    for no_body in [
        StatusCode::Continue,
        StatusCode::NoContent,
        StatusCode::ResetContent,
        StatusCode::NotModified,
    ] {
        assert!(!no_body.allows_body(), "{no_body}");
    }
    assert!(StatusCode::Ok.allows_body());
    assert_eq!(
        StatusCode::Unauthorized.required_headers(),
        ["WWW-Authenticate"]
    );
    assert_eq!(StatusCode::MethodNotAllowed.required_headers(), ["Allow"]);
    assert_eq!(
        StatusCode::ProxyAuthenticationRequired.required_headers(),
        ["Proxy-Authenticate"]
    );
    assert_eq!(StatusCode::UpgradeRequired.required_headers(), ["Upgrade"]);
    assert_eq!(
        StatusCode::RangeNotSatisfiable.recommended_headers(),
        ["Content-Range"]
    );
    for redirect in [
        StatusCode::MovedPermanently,
        StatusCode::Found,
        StatusCode::SeeOther,
        StatusCode::TemporaryRedirect,
        StatusCode::PermanentRedirect,
    ] {
        assert_eq!(redirect.recommended_headers(), ["Location"], "{redirect}");
    }
    assert!(
        StatusCode::TooManyRequests
            .optional_headers()
            .contains(&"Retry-After")
    );
    assert!(
        StatusCode::ServiceUnavailable
            .optional_headers()
            .contains(&"Retry-After")
    );
    let retryable: Vec<u16> = StatusCode::ALL
        .iter()
        .filter(|s| s.is_retryable())
        .map(|s| s.as_u16())
        .collect();
    assert_eq!(retryable, [408, 429, 502, 503, 504]);
    let cacheable: Vec<u16> = StatusCode::ALL
        .iter()
        .filter(|s| s.is_cacheable_by_default())
        .map(|s| s.as_u16())
        .collect();
    assert_eq!(
        cacheable,
        [
            200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501
        ]
    );
}

#[test]
fn warning_codes_are_their_own_enum() {
    use status_core::WarningCode;
    let codes: Vec<u16> = WarningCode::ALL
        .iter()
        .map(|warning| warning.as_u16())
        .collect();
    assert_eq!(codes, [110, 111, 112, 113, 199, 214, 299]);
    assert_eq!(WarningCode::from_u16(110), Ok(WarningCode::ResponseIsStale));
    assert_eq!(
        WarningCode::ResponseIsStale.to_string(),
        "110 Response is Stale"
    );
    assert_eq!(
        WarningCode::ResponseIsStale.warning_line(),
        WarningCode::ResponseIsStale.to_string()
    );
    assert_eq!(
        WarningCode::ResponseIsStale.warn_text(),
        "Response is Stale"
    );
    assert_eq!(WarningCode::ResponseIsStale.as_str(), "110");
    assert!(
        StatusCode::from_u16(110).is_err(),
        "a warning code is not a status code"
    );
}

#[test]
fn warning_codes_parse_and_convert_like_status_codes() {
    use status_core::{InvalidWarningCode, WarningCode};
    for &warning in WarningCode::ALL {
        assert_eq!(warning.as_str().parse::<WarningCode>(), Ok(warning));
        assert_eq!(WarningCode::try_from(u16::from(warning)), Ok(warning));
    }
    let unknown: InvalidWarningCode = WarningCode::from_u16(404).expect_err("not a warning");
    assert_eq!(unknown.code(), Some(404));
    assert_eq!(
        unknown.to_string(),
        "unknown warning code 404: it is not in the warning-code registry"
    );
    assert_eq!("404".parse::<WarningCode>(), Err(unknown));
    for bad in ["", "11", "1100", " 110", "11O"] {
        let error = bad.parse::<WarningCode>().expect_err(bad);
        assert_eq!(error.code(), None, "{bad:?}");
        assert!(error.to_string().contains("three ASCII digits"), "{error}");
    }
}

#[test]
fn per_code_types_carry_their_status() {
    use status_core::{Status, codes};
    assert_eq!(codes::NotFound::STATUS, StatusCode::NotFound);
    assert_eq!(codes::NotFound.status(), StatusCode::NotFound);
    assert_eq!(StatusCode::from(codes::SeeOther), StatusCode::SeeOther);
    assert_eq!(size_of::<codes::NotFound>(), 0);
}
