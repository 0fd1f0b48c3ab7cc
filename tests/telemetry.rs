//! Feature `tracing`: error responses record the OpenTelemetry HTTP
//! semantic-convention fields, `http.response.status_code` and `error.type`,
//! and mark the span as an error (`otel.status_code = "ERROR"`) for 5xx only.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use status_core::{HttpError, StatusCode};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

#[derive(Debug, thiserror::Error, HttpError)]
enum ApiError {
    #[error("no item {0}")]
    #[http(status = 404)]
    ItemNotFound(u32),
    #[error("the database is down")]
    #[http(status = 503)]
    Unavailable,
    #[error("exports are not built yet")]
    #[http(status = 501, log = "warn")]
    NotBuilt,
    #[error("down for maintenance")]
    #[http(status = 503, log = "info")]
    Maintenance,
    #[error(transparent)]
    #[http(transparent)]
    Wrapped(Box<ApiError>),
}

/// What the subscriber saw: the fields recorded on spans, and those of events.
#[derive(Clone, Default)]
struct Seen {
    span: Arc<Mutex<BTreeMap<String, String>>>,
    events: Arc<Mutex<Vec<BTreeMap<String, String>>>>,
    /// The one span's metadata, and whether it is entered.
    metadata: Arc<Mutex<Option<&'static Metadata<'static>>>>,
    current: Arc<Mutex<Option<&'static Metadata<'static>>>>,
}

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl Subscriber for Seen {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, attributes: &Attributes<'_>) -> Id {
        *self.metadata.lock().unwrap_or_else(PoisonError::into_inner) = Some(attributes.metadata());
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut span = self.span.lock().unwrap_or_else(PoisonError::into_inner);
        values.record(&mut Fields(&mut span));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        fields.insert("level".to_owned(), event.metadata().level().to_string());
        self.events
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(fields);
    }
    fn enter(&self, _: &Id) {
        let metadata = *self.metadata.lock().unwrap_or_else(PoisonError::into_inner);
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = metadata;
    }
    fn exit(&self, _: &Id) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
    fn current_span(&self) -> tracing_core::span::Current {
        match *self.current.lock().unwrap_or_else(PoisonError::into_inner) {
            Some(metadata) => tracing_core::span::Current::new(Id::from_u64(1), metadata),
            None => tracing_core::span::Current::none(),
        }
    }
}

fn respond(error: &ApiError) -> Seen {
    let seen = Seen::default();
    let _guard = tracing::subscriber::set_default(seen.clone());
    // Tests run in parallel: a callsite another thread reached first, with
    // no subscriber, may have cached `Interest::never`; ask again.
    tracing::callsite::rebuild_interest_cache();
    let span = tracing::info_span!(
        "request",
        http.response.status_code = tracing::field::Empty,
        "error.type" = tracing::field::Empty,
        otel.status_code = tracing::field::Empty,
    );
    let _entered = span.enter();
    let _ = error.error_response();
    seen
}

#[test]
fn a_4xx_records_status_and_code_but_is_not_a_span_error() {
    let seen = respond(&ApiError::ItemNotFound(7));
    let span = seen
        .span
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    assert_eq!(
        span.get("http.response.status_code").map(String::as_str),
        Some("404")
    );
    assert_eq!(
        span.get("error.type").map(String::as_str),
        Some("item_not_found")
    );
    assert_eq!(span.get("otel.status_code"), None);
    // A 4xx logs nothing: the span carries the fields.
    assert!(
        seen.events
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_empty()
    );
}

#[test]
fn a_5xx_marks_the_span_as_an_error() {
    let seen = respond(&ApiError::Unavailable);
    let span = seen
        .span
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    assert_eq!(
        span.get("http.response.status_code").map(String::as_str),
        Some("503")
    );
    assert_eq!(
        span.get("error.type").map(String::as_str),
        Some("unavailable")
    );
    assert_eq!(
        span.get("otel.status_code").map(String::as_str),
        Some("ERROR")
    );
    let events = seen
        .events
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    assert!(
        events
            .iter()
            .any(
                |event| event.get("error.type").map(String::as_str) == Some("unavailable")
                    && event
                        .get("error")
                        .is_some_and(|text| text.contains("the database is down"))
            ),
        "{events:#?}"
    );
}

#[test]
fn without_a_code_the_error_type_is_the_status() {
    #[derive(Debug, thiserror::Error)]
    #[error("teapot")]
    struct Teapot;
    impl HttpError for Teapot {
        fn status(&self) -> StatusCode {
            StatusCode::ImATeapot
        }
        fn code(&self) -> &'static str {
            ""
        }
    }
    let seen = Seen::default();
    let _guard = tracing::subscriber::set_default(seen.clone());
    // Tests run in parallel: a callsite another thread reached first, with
    // no subscriber, may have cached `Interest::never`; ask again.
    tracing::callsite::rebuild_interest_cache();
    let span = tracing::info_span!(
        "request",
        http.response.status_code = tracing::field::Empty,
        "error.type" = tracing::field::Empty,
    );
    span.in_scope(|| Teapot.error_response());
    let span = seen
        .span
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    assert_eq!(span.get("error.type").map(String::as_str), Some("418"));
}

/// The level of the one event an error response logs, if it logs one.
fn logged_level(error: &ApiError) -> Option<String> {
    let seen = respond(error);
    let events = seen
        .events
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    assert!(events.len() <= 1, "{events:#?}");
    events.first().and_then(|event| event.get("level").cloned())
}

/// Logging by meaning: an unexpected 5xx pages someone (ERROR), a planned
/// one (`#[http(log = ...)]`: a 501, a maintenance 503) does not; a 4xx is
/// not logged; `transparent` delegates the level as it does the rest.
#[test]
fn a_planned_5xx_logs_at_its_own_level_and_an_unexpected_one_at_error() {
    assert_eq!(
        logged_level(&ApiError::Unavailable).as_deref(),
        Some("ERROR")
    );
    assert_eq!(logged_level(&ApiError::NotBuilt).as_deref(), Some("WARN"));
    assert_eq!(
        logged_level(&ApiError::Maintenance).as_deref(),
        Some("INFO")
    );
    assert_eq!(logged_level(&ApiError::ItemNotFound(1)), None);
    assert_eq!(
        logged_level(&ApiError::Wrapped(Box::new(ApiError::Maintenance))).as_deref(),
        Some("INFO")
    );
    assert_eq!(ApiError::NotBuilt.log_level(), status_core::LogLevel::Warn);
    assert_eq!(
        ApiError::Unavailable.log_level(),
        status_core::LogLevel::Error
    );
}
