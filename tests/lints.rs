//! Derived code must be clean under the strictest lints a user may set: every
//! attribute, a generic type, a transparent wrapper and a struct, with
//! `deny(warnings, unused_qualifications, clippy::pedantic)`. So must a
//! user's own `status_codes!` enum, its per-code types and its conversions.

#![deny(warnings, unused_qualifications, clippy::pedantic)]
#![forbid(unsafe_code)]

use std::fmt::{Debug, Display};
use std::time::Duration;

use status_core::{HttpError, StatusCode};

/// A driver error whose text must stay on the server.
#[derive(Debug, thiserror::Error)]
#[error("connection refused")]
struct DbError;

/// Every key of `#[http(...)]`.
#[derive(Debug, thiserror::Error, HttpError)]
#[http(
    type_base = "https://example.com/problems/",
    crate = "::status_core",
    grpc_domain = "example.com"
)]
enum ApiError {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),

    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,

    #[error("slow down for {seconds} s")]
    #[http(status = TooManyRequests, retry_after = seconds)]
    RateLimitedFor { seconds: u32 },

    #[error("login required")]
    #[http(status = Unauthorized, www_authenticate = "Bearer")]
    Unauthenticated,

    #[error("{method} not allowed")]
    #[http(status = 405, allow = "GET, HEAD")]
    MethodNotAllowed { method: String },

    #[error("proxy login required")]
    #[http(status = 407, proxy_authenticate = "Basic realm=\"proxy\"")]
    ProxyAuth,

    #[error("upgrade to {protocol}")]
    #[http(status = UpgradeRequired, upgrade = protocol)]
    Upgrade { protocol: String },

    #[error("out of credit")]
    #[http(status = 403)]
    OutOfCredit {
        #[http(extension)]
        balance: u32,
        #[http(extension = "accounts")]
        links: Vec<String>,
        #[http(instance)]
        instance: String,
    },

    #[error("invalid body")]
    #[http(status = 422)]
    Invalid(#[http(errors)] Vec<status_core::Violation>),

    #[error("{name} exists")]
    #[http(
        status = 409,
        location = location,
        header("X-Request-Id" = "abc"),
        header("X-Name" = name)
    )]
    Exists { name: String, location: String },

    #[error("moved away")]
    #[http(status = 410, location = "/archive")]
    Gone,

    #[error("too large")]
    #[http(status = PayloadTooLarge)]
    TooLarge,

    #[error("database unavailable")]
    #[http(status = 503, retry_after = wait)]
    Db {
        wait: Duration,
        #[source]
        source: DbError,
    },

    #[error("upstream timed out")]
    #[http(status = 504, expose, grpc = Unavailable)]
    Upstream,

    #[error(transparent)]
    #[http(transparent)]
    Conflict(#[from] Conflict),
}

/// A struct error.
#[derive(Debug, thiserror::Error, HttpError)]
#[error("{name} already exists")]
#[http(
    status = 409,
    code = "conflict",
    type_base = "https://example.com/problems/"
)]
struct Conflict {
    name: String,
}

/// A generic error, with a lifetime and a `where` clause.
#[derive(Debug, thiserror::Error, HttpError)]
enum Lookup<'a, T>
where
    T: Debug + Display,
{
    #[error("no {kind} {key}")]
    #[http(status = 404)]
    Missing { kind: &'a str, key: T },
    #[error("{key} moved")]
    #[http(status = 409, location = key)]
    Moved { key: T },
    #[error(transparent)]
    #[http(transparent)]
    Api(ApiError),
}

/// A generic transparent wrapper.
#[derive(Debug, thiserror::Error, HttpError)]
#[error(transparent)]
#[http(transparent)]
struct Wrapped<E: HttpError>(E);

status_core::status_codes!(
    /// An application's codes on top of the registry.
    name = LintedStatus,
    extend_builtin,
    inline = r#"
        [[code]]
        code = 299
        name = "PartiallyStale"
        phrase = "Partially Stale"
        source = "Example Corp"
        status = "unofficial"
        reference = "https://example.com/status#299"
        description = "Some of the returned items come from a stale cache."

        [[warning]]
        code = 198
        name = "PartialContent"
        phrase = "Partial Content"
        reference = "https://example.com/warnings#198"
        description = "Some of the response could not be produced."
    "#,
);

#[test]
fn generated_status_codes_are_lint_clean() {
    assert_eq!(
        LintedStatus::from(linted_status::PartiallyStale).as_u16(),
        299
    );
    assert_eq!(
        LintedStatus::from(StatusCode::NotFound),
        LintedStatus::NotFound
    );
    assert_eq!(WarningCode::PartialContent.as_u16(), 198);
}

#[test]
fn derived_code_is_lint_clean() {
    let errors = [
        ApiError::ItemNotFound(7),
        ApiError::RateLimited,
        ApiError::RateLimitedFor { seconds: 5 },
        ApiError::Unauthenticated,
        ApiError::MethodNotAllowed {
            method: "PUT".to_owned(),
        },
        ApiError::ProxyAuth,
        ApiError::OutOfCredit {
            balance: 30,
            links: vec!["/account/12345".to_owned()],
            instance: "/account/12345/msgs/abc".to_owned(),
        },
        ApiError::Invalid(vec![status_core::Violation::at(["age"], "too young")]),
        ApiError::Upgrade {
            protocol: "h2c".to_owned(),
        },
        ApiError::Exists {
            name: "a".to_owned(),
            location: "/a".to_owned(),
        },
        ApiError::Gone,
        ApiError::TooLarge,
        ApiError::Db {
            wait: Duration::from_secs(1),
            source: DbError,
        },
        ApiError::Upstream,
        ApiError::from(Conflict {
            name: "b".to_owned(),
        }),
    ];
    let statuses: Vec<u16> = errors.iter().map(|error| error.status().as_u16()).collect();
    assert_eq!(
        statuses,
        [
            404, 429, 429, 401, 405, 407, 403, 422, 426, 409, 410, 413, 503, 504, 409
        ]
    );
    assert!(errors.iter().all(|error| !error.code().is_empty()));

    let missing: Lookup<'_, u32> = Lookup::Missing {
        kind: "item",
        key: 3,
    };
    assert_eq!(missing.status(), StatusCode::NotFound);
    assert_eq!(
        Lookup::Moved { key: "/b" }.headers().get("Location"),
        Some("/b")
    );
    let api: Lookup<'_, u8> = Lookup::Api(ApiError::Gone);
    assert_eq!(api.code(), "gone");
    assert_eq!(Wrapped(ApiError::Upstream).status().as_u16(), 504);
    assert_eq!(
        Wrapped(Conflict {
            name: "c".to_owned()
        })
        .code(),
        "conflict"
    );
}
