//! `#[derive(HttpError)]`: what each attribute produces, framework-neutral.

use status_core::{HttpError, StatusCode};

#[derive(Debug)]
struct DbError;

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection refused by 10.0.0.7:5432")
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "https://example.com/problems/")]
enum ApiError {
    #[error("item {0} not found")]
    #[http(status = NotFound, code = "item_not_found")]
    ItemNotFound(u64),
    #[error("slow down")]
    #[http(status = 429, retry_after = 60)]
    RateLimited,
    #[error("login required")]
    #[http(status = Unauthorized, www_authenticate = "Bearer")]
    Unauthenticated,
    #[error("database unavailable")]
    #[http(status = 503)]
    Db(#[source] DbError),
}

#[test]
fn the_design_example_works() {
    let error = ApiError::ItemNotFound(7);
    assert_eq!(error.status(), StatusCode::NotFound);
    assert_eq!(error.code(), "item_not_found");
    assert_eq!(
        error.type_uri(),
        "https://example.com/problems/item_not_found"
    );
    let problem = error.problem();
    assert_eq!(problem.detail.as_deref(), Some("item 7 not found"));
    assert_eq!(
        ApiError::RateLimited.headers().get("Retry-After"),
        Some("60")
    );
    assert_eq!(ApiError::RateLimited.code(), "rate_limited");
    assert_eq!(
        ApiError::Unauthenticated.headers().get("www-authenticate"),
        Some("Bearer")
    );
    let db = ApiError::Db(DbError);
    assert_eq!(db.problem().detail.as_deref(), Some("Service Unavailable"));
    assert!(!db.problem().to_json().contains("10.0.0.7"));
}

// ---- generics, structs, transparent -----------------------------------------

use std::fmt::{Debug, Display};
use std::time::Duration;

#[test]
fn generic_enums_derive() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Lookup<T: Debug + Display> {
        #[error("no item {0}")]
        #[http(status = 404)]
        Missing(T),
        #[error("{key} moved")]
        #[http(status = 409, location = key)]
        Moved { key: T },
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    enum Borrowed<'a, T>
    where
        T: Debug + Display,
    {
        #[error("{value} is not allowed for {field}")]
        #[http(status = 400, code = "not_allowed")]
        NotAllowed { field: &'a str, value: T },
    }

    let missing = Lookup::Missing(7_u32);
    assert_eq!(missing.status(), StatusCode::NotFound);
    assert_eq!(missing.code(), "missing");
    assert_eq!(missing.problem().detail.as_deref(), Some("no item 7"));
    let moved = Lookup::Moved {
        key: "/items/8".to_owned(),
    };
    assert_eq!(moved.status(), StatusCode::Conflict);
    assert_eq!(moved.headers().get("Location"), Some("/items/8"));
    assert_eq!(moved.problem().detail.as_deref(), Some("/items/8 moved"));

    let field = String::from("color");
    let borrowed = Borrowed::NotAllowed {
        field: &field,
        value: 3.5_f64,
    };
    assert_eq!(borrowed.status(), StatusCode::BadRequest);
    assert_eq!(borrowed.code(), "not_allowed");
    assert_eq!(
        borrowed.problem().detail.as_deref(),
        Some("3.5 is not allowed for color")
    );
}

#[test]
fn structs_derive() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("{name} already exists")]
    #[http(status = 409)]
    struct Conflict {
        name: String,
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("quota exceeded for {0}")]
    #[http(
        type_base = "https://example.com/problems/",
        status = TooManyRequests,
        code = "quota",
        retry_after = 3600
    )]
    struct Quota(&'static str);

    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("maintenance")]
    #[http(status = 503, expose)]
    struct Maintenance;

    let conflict = Conflict {
        name: "widget".to_owned(),
    };
    assert_eq!(conflict.status(), StatusCode::Conflict);
    assert_eq!(conflict.code(), "conflict");
    assert_eq!(conflict.type_uri(), "about:blank");
    assert!(conflict.headers().is_empty());
    assert_eq!(
        conflict.problem().detail.as_deref(),
        Some("widget already exists")
    );

    let quota = Quota("alice");
    assert_eq!(quota.status().as_u16(), 429);
    assert_eq!(quota.code(), "quota");
    assert_eq!(quota.type_uri(), "https://example.com/problems/quota");
    assert_eq!(quota.headers().get("retry-after"), Some("3600"));
    assert_eq!(
        quota.problem().detail.as_deref(),
        Some("quota exceeded for alice")
    );

    assert_eq!(Maintenance.code(), "maintenance");
    assert!(Maintenance.exposes_detail());
    assert_eq!(Maintenance.problem().detail.as_deref(), Some("maintenance"));
}

#[test]
fn empty_enums_derive() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Never {}

    fn status_of(error: &Never) -> StatusCode {
        error.status()
    }

    let _: fn(&Never) -> StatusCode = status_of;
}

#[test]
fn transparent_delegates_everything() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[http(type_base = "https://inner.example/")]
    enum Inner {
        #[error("slow down, {user}")]
        #[http(status = 429, code = "slow", retry_after = 30, header("X-Request-Id" = "abc"))]
        Slow { user: String },
        #[error("pool exhausted")]
        #[http(status = 503)]
        Pool,
        #[error("upstream said {0}")]
        #[http(status = 502, expose)]
        Upstream(&'static str),
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    #[http(type_base = "https://outer.example/")]
    enum Outer {
        #[error(transparent)]
        #[http(transparent)]
        Tuple(#[from] Inner),
        #[error(transparent)]
        #[http(transparent)]
        Named { inner: Inner },
        #[error("gone")]
        #[http(status = 410)]
        Gone,
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    #[error(transparent)]
    #[http(transparent)]
    struct Wrapper(Inner);

    let slow = || Inner::Slow {
        user: "bob".to_owned(),
    };
    let wrapped = [
        Outer::Tuple(slow()),
        Outer::Named { inner: slow() },
        Outer::from(slow()),
    ];
    for outer in &wrapped {
        assert_eq!(outer.status(), StatusCode::TooManyRequests);
        assert_eq!(outer.code(), "slow");
        assert_eq!(outer.type_uri(), "https://inner.example/slow");
        assert_eq!(outer.headers(), slow().headers());
        assert_eq!(outer.headers().get("Retry-After"), Some("30"));
        assert_eq!(outer.headers().get("X-Request-Id"), Some("abc"));
        assert_eq!(outer.problem(), slow().problem());
        assert_eq!(outer.problem().detail.as_deref(), Some("slow down, bob"));
    }
    assert_eq!(Wrapper(slow()).problem(), slow().problem());
    assert_eq!(Wrapper(slow()).headers(), slow().headers());

    // A hidden inner 5xx stays hidden, an exposed one stays exposed.
    let pool = Outer::Named { inner: Inner::Pool };
    assert_eq!(pool.status(), StatusCode::ServiceUnavailable);
    assert!(!pool.exposes_detail());
    assert_eq!(
        pool.problem().detail.as_deref(),
        Some("Service Unavailable")
    );
    let upstream = Outer::Tuple(Inner::Upstream("no"));
    assert!(upstream.exposes_detail());
    assert_eq!(
        upstream.problem().detail.as_deref(),
        Some("upstream said no")
    );

    // The outer enum's own variants use its own attributes.
    assert_eq!(Outer::Gone.status().as_u16(), 410);
    assert_eq!(Outer::Gone.code(), "gone");
    assert_eq!(Outer::Gone.type_uri(), "https://outer.example/gone");
    assert!(Outer::Gone.headers().is_empty());
}

#[test]
fn transparent_over_a_generic_inner_error() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Wrap<E: HttpError> {
        #[error(transparent)]
        #[http(transparent)]
        Inner(E),
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("teapot")]
    #[http(status = ImATeapot)]
    struct Teapot;

    let wrapped = Wrap::Inner(Teapot);
    assert_eq!(wrapped.status().as_u16(), 418);
    assert_eq!(wrapped.code(), "teapot");
    assert_eq!(wrapped.problem(), Teapot.problem());
}

// ---- every attribute --------------------------------------------------------

#[test]
fn code_defaults_to_the_snake_case_variant_name() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("a")]
        #[http(status = 404)]
        ItemNotFound,
        #[error("b")]
        #[http(status = 400)]
        HTTPVersionBad,
        #[error("c")]
        #[http(status = 400)]
        Bad,
        #[error("d")]
        #[http(status = 400, code = "explicit.code-1:x/y")]
        Explicit,
        #[error("e")]
        #[http(status = 400)]
        #[http(code = "split")]
        SplitAttributes,
    }

    assert_eq!(E::ItemNotFound.code(), "item_not_found");
    assert_eq!(E::HTTPVersionBad.code(), "http_version_bad");
    assert_eq!(E::Bad.code(), "bad");
    assert_eq!(E::Explicit.code(), "explicit.code-1:x/y");
    assert_eq!(E::Explicit.problem().code, "explicit.code-1:x/y");
    assert_eq!(E::SplitAttributes.code(), "split");
}

#[test]
fn a_5xx_hides_its_detail_unless_exposed() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("disk /dev/sda1 is full")]
        #[http(status = 500)]
        Hidden,
        #[error("upstream timed out after {0} s")]
        #[http(status = 504, expose)]
        Exposed(u32),
        #[error("bad input {0}")]
        #[http(status = 400)]
        Client(u32),
    }

    assert!(!E::Hidden.exposes_detail());
    let hidden = E::Hidden.problem();
    assert_eq!(hidden.detail.as_deref(), Some("Internal Server Error"));
    assert_eq!(hidden.title, "Internal Server Error");
    assert!(!hidden.to_json().contains("sda1"));

    assert!(E::Exposed(30).exposes_detail());
    assert_eq!(
        E::Exposed(30).problem().detail.as_deref(),
        Some("upstream timed out after 30 s")
    );
    assert_eq!(E::Exposed(30).problem().title, "Gateway Timeout");

    assert!(E::Client(1).exposes_detail());
    assert_eq!(
        E::Client(1).problem().detail.as_deref(),
        Some("bad input 1")
    );
}

#[test]
fn retry_after_from_a_literal_or_a_field() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("literal")]
        #[http(status = 429, retry_after = 60)]
        Literal,
        #[error("seconds")]
        #[http(status = 429, retry_after = seconds)]
        Seconds { seconds: u64 },
        #[error("small")]
        #[http(status = 503, retry_after = seconds)]
        Small { seconds: u8 },
        #[error("medium")]
        #[http(status = 503, retry_after = seconds)]
        Medium { seconds: u16, other: u32 },
        #[error("large")]
        #[http(status = 503, retry_after = seconds)]
        Large { seconds: u32 },
        #[error("size")]
        #[http(status = 503, retry_after = seconds)]
        Size { seconds: usize },
        #[error("duration")]
        #[http(status = 503, retry_after = wait)]
        Wait { wait: Duration },
    }

    let retry_after = |error: &E| error.headers().get("Retry-After").map(str::to_owned);
    assert_eq!(retry_after(&E::Literal).as_deref(), Some("60"));
    assert_eq!(
        retry_after(&E::Seconds { seconds: 120 }).as_deref(),
        Some("120")
    );
    assert_eq!(
        retry_after(&E::Seconds { seconds: u64::MAX }),
        Some(u64::MAX.to_string())
    );
    assert_eq!(retry_after(&E::Small { seconds: 5 }).as_deref(), Some("5"));
    assert_eq!(
        retry_after(&E::Medium {
            seconds: 6,
            other: 7
        })
        .as_deref(),
        Some("6")
    );
    assert_eq!(retry_after(&E::Large { seconds: 8 }).as_deref(), Some("8"));
    assert_eq!(retry_after(&E::Size { seconds: 9 }).as_deref(), Some("9"));
    let wait = |wait: Duration| retry_after(&E::Wait { wait });
    // Rounded up, so a client never retries early.
    assert_eq!(wait(Duration::from_millis(1200)).as_deref(), Some("2"));
    assert_eq!(wait(Duration::from_secs(3)).as_deref(), Some("3"));
    assert_eq!(wait(Duration::from_nanos(1)).as_deref(), Some("1"));
    assert_eq!(wait(Duration::ZERO).as_deref(), Some("0"));
    assert_eq!(E::Literal.headers().len(), 1);
}

/// `Duration::MAX` saturates instead of overflowing (which would panic in
/// debug builds and send `Retry-After: 0`, "retry now", in release builds).
#[test]
fn retry_after_saturates_at_the_largest_duration() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("closed")]
    #[http(status = 503, retry_after = wait)]
    struct Closed {
        wait: Duration,
    }

    let closed = Closed {
        wait: Duration::MAX,
    };
    let max = u64::MAX.to_string();
    assert_eq!(closed.headers().get("Retry-After"), Some(max.as_str()));
}

#[test]
fn location_from_a_field_or_a_literal() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("exists")]
        #[http(status = 409, location = existing)]
        Exists { existing: String },
        #[error("exists")]
        #[http(status = 409, location = existing)]
        Borrowed { existing: &'static str },
        #[error("gone")]
        #[http(status = 410, location = "/archive")]
        Gone,
        #[error("numbered")]
        #[http(status = 409, location = id)]
        Numbered { id: u64 },
    }

    let exists = E::Exists {
        existing: "/items/7".to_owned(),
    };
    assert_eq!(exists.headers().get("Location"), Some("/items/7"));
    assert_eq!(
        E::Borrowed {
            existing: "/items/8"
        }
        .headers()
        .get("location"),
        Some("/items/8")
    );
    assert_eq!(E::Gone.headers().get("Location"), Some("/archive"));
    assert_eq!(E::Numbered { id: 9 }.headers().get("Location"), Some("9"));
}

#[test]
fn required_headers_from_literals() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("who are you?")]
        #[http(
            status = 401,
            www_authenticate = "Bearer realm=\"api\", error=\"invalid_token\""
        )]
        Unauthorized,
        #[error("not here")]
        #[http(status = MethodNotAllowed, allow = "GET, HEAD")]
        Method,
        #[error("proxy says no")]
        #[http(status = 407, proxy_authenticate = "Basic realm=\"proxy\"")]
        Proxy,
        #[error("upgrade")]
        #[http(status = UpgradeRequired, upgrade = "HTTP/2.0")]
        Upgrade,
    }

    let only = |error: &E| -> Vec<(String, String)> {
        error
            .headers()
            .iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect()
    };
    let pair = |name: &str, value: &str| vec![(name.to_owned(), value.to_owned())];
    assert_eq!(E::Unauthorized.status().as_u16(), 401);
    assert_eq!(
        only(&E::Unauthorized),
        pair(
            "WWW-Authenticate",
            "Bearer realm=\"api\", error=\"invalid_token\""
        )
    );
    assert_eq!(E::Method.status().as_u16(), 405);
    assert_eq!(only(&E::Method), pair("Allow", "GET, HEAD"));
    assert_eq!(E::Proxy.status().as_u16(), 407);
    assert_eq!(
        only(&E::Proxy),
        pair("Proxy-Authenticate", "Basic realm=\"proxy\"")
    );
    assert_eq!(E::Upgrade.status().as_u16(), 426);
    assert_eq!(only(&E::Upgrade), pair("Upgrade", "HTTP/2.0"));
}

#[test]
fn required_headers_from_fields() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("who are you?")]
        #[http(status = 401, www_authenticate = challenge)]
        Unauthorized { challenge: String },
        #[error("not here")]
        #[http(status = 405, allow = methods)]
        Method { methods: &'static str },
    }

    let unauthorized = E::Unauthorized {
        challenge: "Basic realm=\"x\"".to_owned(),
    };
    assert_eq!(
        unauthorized.headers().get("WWW-Authenticate"),
        Some("Basic realm=\"x\"")
    );
    let method = E::Method { methods: "POST" };
    assert_eq!(method.headers().get("Allow"), Some("POST"));
}

#[test]
fn an_empty_value_is_sent_from_a_literal_or_a_field() {
    // RFC 9110 Section 10.2.1: an empty `Allow` means no method is allowed.
    // The derive and `Headers::insert` accept an empty value alike.
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("read only")]
        #[http(status = 405, allow = "")]
        Literal,
        #[error("read only")]
        #[http(status = 405, allow = methods)]
        Field { methods: String },
    }

    assert_eq!(E::Literal.headers().get("Allow"), Some(""));
    let field = E::Field {
        methods: String::new(),
    };
    assert_eq!(field.headers().get("Allow"), Some(""));
}

#[test]
fn generic_headers_keep_their_order() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("tagged")]
        #[http(
            status = 400,
            header("X-Request-Id" = "abc"),
            retry_after = 5,
            header("Cache-Control" = "no-store"),
            header("x-lower" = "Mixed Case value")
        )]
        Tagged,
    }

    let headers = E::Tagged.headers();
    let pairs: Vec<(&str, &str)> = headers.iter().collect();
    assert_eq!(
        pairs,
        [
            ("X-Request-Id", "abc"),
            ("Retry-After", "5"),
            ("Cache-Control", "no-store"),
            ("x-lower", "Mixed Case value"),
        ]
    );
    assert_eq!(headers.get("x-request-id"), Some("abc"));
    assert_eq!(headers.get("X-LOWER"), Some("Mixed Case value"));
}

#[test]
fn type_base_prefixes_the_code_and_defaults_to_about_blank() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[http(type_base = "https://example.com/problems#")]
    enum Based {
        #[error("a")]
        #[http(status = 404)]
        ItemNotFound,
        #[error("b")]
        #[http(status = 400, code = "custom")]
        Custom,
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    enum Blank {
        #[error("a")]
        #[http(status = 404)]
        ItemNotFound,
    }

    assert_eq!(
        Based::ItemNotFound.type_uri(),
        "https://example.com/problems#item_not_found"
    );
    assert_eq!(
        Based::Custom.type_uri(),
        "https://example.com/problems#custom"
    );
    assert_eq!(
        Based::Custom.problem().type_uri,
        "https://example.com/problems#custom"
    );
    assert_eq!(Blank::ItemNotFound.type_uri(), "about:blank");
    assert_eq!(Blank::ItemNotFound.problem().type_uri, "about:blank");
}

#[test]
fn status_by_number_name_or_alias() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("n")]
        #[http(status = 413)]
        Number,
        #[error("n")]
        #[http(status = ContentTooLarge)]
        Name,
        #[error("n")]
        #[http(status = PayloadTooLarge)]
        Alias,
        #[error("n")]
        #[http(status = 499)]
        Unofficial,
        #[error("n")]
        #[http(status = WebServerUnknownError)]
        Vendor,
    }

    for error in [E::Number, E::Name, E::Alias] {
        assert_eq!(error.status(), StatusCode::ContentTooLarge);
        assert_eq!(error.status().as_u16(), 413);
        assert_eq!(error.problem().title, "Content Too Large");
        assert_eq!(error.problem().status.as_u16(), 413);
    }
    assert_eq!(E::Unofficial.status(), StatusCode::ClientClosedRequest);
    assert_eq!(E::Vendor.status().as_u16(), 520);
    assert!(!E::Vendor.exposes_detail());
}

#[test]
fn a_field_value_that_would_split_the_response_is_dropped() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("exists")]
        #[http(status = 409, location = existing, header("X-Kept" = "yes"))]
        Exists { existing: String },
    }

    for bad in [
        "/items/7\r\nSet-Cookie: session=stolen",
        "/a\nb",
        "/a\rb",
        "/caf\u{e9}",
        " /padded",
    ] {
        let error = E::Exists {
            existing: bad.to_owned(),
        };
        let headers = error.headers();
        assert_eq!(headers.get("Location"), None, "{bad:?}");
        assert_eq!(headers.get("X-Kept"), Some("yes"));
        assert_eq!(headers.len(), 1);
        // The response is still produced, without the header.
        let response = error.error_response();
        assert_eq!(response.status, StatusCode::Conflict);
        assert_eq!(response.headers.get("Location"), None);
        let body: serde_json::Value =
            serde_json::from_str(response.body.as_deref().expect("a body")).expect("JSON");
        assert_eq!(body["status"], 409);
    }
}

#[test]
fn problem_json_has_exactly_the_rfc_9457_members_and_code() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[http(type_base = "https://example.com/p/")]
    enum E {
        #[error("name \"{0}\" is taken\n\tby\\{0}")]
        #[http(status = 409, code = "name_taken")]
        Taken(&'static str),
        #[error("secret {0}")]
        #[http(status = 500)]
        Hidden(&'static str),
    }

    let json = E::Taken("bob").problem().to_json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let object = value.as_object().expect("an object");
    let mut members: Vec<&str> = object.keys().map(String::as_str).collect();
    members.sort_unstable();
    assert_eq!(members, ["code", "detail", "status", "title", "type"]);
    assert_eq!(value["type"], "https://example.com/p/name_taken");
    assert_eq!(value["title"], "Conflict");
    assert_eq!(value["status"], 409);
    assert_eq!(value["detail"], "name \"bob\" is taken\n\tby\\bob");
    assert_eq!(value["code"], "name_taken");
    // The member order RFC 9457 uses, with the extension last.
    assert!(json.starts_with(r#"{"type":"#));
    assert!(json.ends_with(r#""code":"name_taken"}"#));

    // With feature `serde`, serializing gives the same text.
    assert_eq!(
        serde_json::to_string(&E::Taken("bob").problem()).ok(),
        Some(json)
    );

    let hidden: serde_json::Value =
        serde_json::from_str(&E::Hidden("pw").problem().to_json()).expect("valid JSON");
    assert_eq!(hidden["detail"], "Internal Server Error");
    assert_eq!(hidden.as_object().map(serde_json::Map::len), Some(5));
}

#[test]
fn the_crate_attribute_names_a_re_export() {
    mod reexport {
        pub(crate) use status_core as renamed;
    }

    #[derive(Debug, thiserror::Error, HttpError)]
    #[http(crate = "reexport::renamed")]
    enum E {
        #[error("gone")]
        #[http(status = 410, location = "/new")]
        Gone,
    }

    assert_eq!(E::Gone.status(), StatusCode::Gone);
    assert_eq!(E::Gone.headers().get("Location"), Some("/new"));
}

#[test]
fn generic_headers_from_fields() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("range not satisfiable")]
        #[http(status = 416, header("Content-Range" = range), header("X-Request-Id" = request))]
        Range { range: String, request: u64 },
    }

    let error = E::Range {
        range: "bytes */1000".to_owned(),
        request: 42,
    };
    let headers = error.headers();
    let pairs: Vec<(&str, &str)> = headers.iter().collect();
    assert_eq!(
        pairs,
        [("Content-Range", "bytes */1000"), ("X-Request-Id", "42")]
    );

    let injected = E::Range {
        range: "bytes */1000\r\nX-Evil: 1".to_owned(),
        request: 7,
    };
    let headers = injected.headers();
    assert_eq!(headers.len(), 1);
    assert_eq!(headers.get("Content-Range"), None);
    assert_eq!(headers.get("X-Evil"), None);
    assert_eq!(headers.get("X-Request-Id"), Some("7"));
}

#[test]
fn one_field_can_feed_several_headers() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("exists")]
        #[http(status = 409, location = to, header("Content-Location" = to))]
        Exists { to: String },
    }
    let headers = E::Exists {
        to: "/items/7".to_owned(),
    }
    .headers();
    assert_eq!(headers.get("Location"), Some("/items/7"));
    assert_eq!(headers.get("Content-Location"), Some("/items/7"));
}

#[test]
fn signed_retry_after_fields_clamp_at_zero() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("wait")]
    #[http(status = 429, retry_after = seconds)]
    struct Wait {
        seconds: i64,
    }
    assert_eq!(
        Wait { seconds: 30 }.headers().get("Retry-After"),
        Some("30")
    );
    assert_eq!(Wait { seconds: -5 }.headers().get("Retry-After"), Some("0"));
}

#[test]
fn transparent_works_through_a_box() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("inner")]
    #[http(status = 404, code = "inner_missing")]
    struct Inner;

    #[derive(Debug, thiserror::Error, HttpError)]
    enum Outer {
        #[error(transparent)]
        #[http(transparent)]
        Boxed(Box<Inner>),
    }
    let error = Outer::Boxed(Box::new(Inner));
    assert_eq!(error.status(), StatusCode::NotFound);
    assert_eq!(error.code(), "inner_missing");
}

// ---- rich problem bodies: extension members, instance, errors ---------------

/// RFC 9457 Section 3's example, written with the derive.
#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "https://example.com/probs/")]
enum AccountError {
    #[error("Your current balance is {balance}, but that costs {cost}.")]
    #[http(status = 403, code = "out-of-credit")]
    OutOfCredit {
        cost: u32,
        #[http(extension)]
        balance: u32,
        #[http(extension)]
        accounts: Vec<&'static str>,
        #[http(instance)]
        instance: String,
    },
    #[error("invalid {0}")]
    #[http(status = 422)]
    Invalid(
        #[http(extension = "field_name")] &'static str,
        #[http(errors)] Vec<status_core::Violation>,
    ),
}

#[test]
fn the_rfc_9457_section_3_example_comes_out_of_the_derive() {
    let error = AccountError::OutOfCredit {
        cost: 50,
        balance: 30,
        accounts: vec!["/account/12345", "/account/67890"],
        instance: "/account/12345/msgs/abc".to_owned(),
    };
    let body: serde_json::Value = serde_json::from_str(&error.problem().to_json()).expect("JSON");
    // RFC 9457 Section 3, plus the machine-readable `code` this crate adds.
    let expected = serde_json::json!({
        "type": "https://example.com/probs/out-of-credit",
        "title": "Forbidden",
        "status": 403,
        "detail": "Your current balance is 30, but that costs 50.",
        "instance": "/account/12345/msgs/abc",
        "balance": 30,
        "accounts": ["/account/12345", "/account/67890"],
        "code": "out-of-credit"
    });
    assert_eq!(body, expected);
    assert_eq!(
        error.problem().to_json(),
        r#"{"type":"https://example.com/probs/out-of-credit","title":"Forbidden","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","code":"out-of-credit","balance":30,"accounts":["/account/12345","/account/67890"]}"#
    );
}

#[test]
fn tuple_fields_carry_named_members_and_violations() {
    let error = AccountError::Invalid(
        "age",
        vec![status_core::Violation::at(
            ["age"],
            "must be a positive integer",
        )],
    );
    assert_eq!(
        error.problem().to_json(),
        r##"{"type":"https://example.com/probs/invalid","title":"Unprocessable Content","status":422,"detail":"invalid age","code":"invalid","errors":[{"detail":"must be a positive integer","pointer":"#/age"}],"field_name":"age"}"##
    );
}

#[test]
fn an_instance_that_is_not_a_uri_reference_is_left_out() {
    let error = AccountError::OutOfCredit {
        cost: 1,
        balance: 0,
        accounts: vec![],
        instance: "not a uri\r\n".to_owned(),
    };
    assert_eq!(error.problem().instance, None);
}

#[test]
fn transparent_variants_keep_the_inner_members() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum Outer {
        #[error(transparent)]
        #[http(transparent)]
        Account(#[from] AccountError),
        #[error(transparent)]
        #[http(transparent)]
        Framework(#[from] status_core::FrameworkError),
    }
    let outer = Outer::from(AccountError::Invalid(
        "age",
        vec![status_core::Violation::at(["age"], "bad")],
    ));
    let problem = outer.problem();
    assert_eq!(problem.errors.len(), 1);
    assert_eq!(
        problem
            .extension("field_name")
            .map(status_core::ExtensionValue::to_json)
            .as_deref(),
        Some("\"age\"")
    );
}

#[test]
fn a_server_error_sends_the_members_it_marks_but_not_its_text() {
    #[derive(Debug, thiserror::Error, HttpError)]
    #[error("replica db-7 is down")]
    #[http(status = 503)]
    struct Unavailable {
        #[http(extension)]
        region: &'static str,
    }
    let json = Unavailable { region: "eu-west" }.problem().to_json();
    assert!(
        json.ends_with(
            r#""detail":"Service Unavailable","code":"unavailable","region":"eu-west"}"#
        ),
        "{json}"
    );
    assert!(!json.contains("db-7"));
}

/// Error responses say `Cache-Control: no-store` unless the variant opts in
/// with `cacheable` (allowed only for a heuristically cacheable status) or
/// sets its own `Cache-Control`; `transparent` delegates the choice.
#[test]
fn error_responses_are_no_store_unless_a_cacheable_variant_opts_in() {
    #[derive(Debug, thiserror::Error, HttpError)]
    enum E {
        #[error("gone for good")]
        #[http(status = 410, cacheable)]
        Retired,
        #[error("not here")]
        #[http(status = 404)]
        Missing,
        #[error("try later")]
        #[http(status = 503, header("Cache-Control" = "max-age=5"))]
        Busy,
        #[error(transparent)]
        #[http(transparent)]
        Inner(Box<E>),
    }

    let cache_control = |error: &E| {
        error
            .error_response()
            .headers
            .get("cache-control")
            .map(str::to_owned)
    };
    assert_eq!(cache_control(&E::Retired), None);
    assert!(E::Retired.cacheable());
    assert_eq!(cache_control(&E::Missing).as_deref(), Some("no-store"));
    assert_eq!(cache_control(&E::Busy).as_deref(), Some("max-age=5"));
    assert_eq!(cache_control(&E::Inner(Box::new(E::Retired))), None);
    assert_eq!(
        cache_control(&E::Inner(Box::new(E::Missing))).as_deref(),
        Some("no-store")
    );
    // Every header appears once.
    let response = E::Missing.error_response();
    assert_eq!(response.headers.iter().count(), 1);
}

/// A hand-written `cacheable` on a status that is not heuristically
/// cacheable does not reach caches: the status decides first.
#[test]
fn a_hand_written_cacheable_needs_a_cacheable_status() {
    #[derive(Debug, thiserror::Error)]
    #[error("conflict")]
    struct Conflict;
    impl HttpError for Conflict {
        fn status(&self) -> status_core::StatusCode {
            status_core::StatusCode::Conflict
        }
        fn code(&self) -> &'static str {
            "conflict"
        }
        fn cacheable(&self) -> bool {
            true
        }
    }
    assert_eq!(
        Conflict.error_response().headers.get("cache-control"),
        Some("no-store")
    );
}
