//! What the error path logs. With feature `tracing` these are `tracing`
//! events; without it they compile to nothing.

use crate::StatusCode;

/// A 5xx error: its whole source chain, which the client never sees, with
/// the OpenTelemetry HTTP semantic-convention fields (see [`error_response`]).
/// At `level`: an unexpected 5xx at ERROR, a planned one lower.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn server_error<E: core::error::Error + ?Sized>(
    level: crate::LogLevel,
    status: StatusCode,
    code: &'static str,
    error: &E,
) {
    #[cfg(feature = "tracing")]
    {
        use crate::LogLevel;
        // `tracing`'s macros take the level as a constant: one arm each.
        macro_rules! event {
            ($level:expr) => {
                tracing::event!(
                    $level,
                    status = status.as_u16(),
                    http.response.status_code = status.as_u16(),
                    "error.type" = error_type(status, code),
                    error = %Chain(error),
                    "server error response"
                )
            };
        }
        match level {
            LogLevel::Error => event!(tracing::Level::ERROR),
            LogLevel::Warn => event!(tracing::Level::WARN),
            LogLevel::Info => event!(tracing::Level::INFO),
            LogLevel::Debug => event!(tracing::Level::DEBUG),
            LogLevel::Trace => event!(tracing::Level::TRACE),
        }
    }
}

/// Every error response, as the OpenTelemetry HTTP semantic conventions
/// record it: `http.response.status_code` and `error.type` (the problem
/// `code`, or the status as text where there is none) on the current span,
/// and `otel.status_code = "ERROR"` for 5xx only, since a server span's
/// status stays unset for 4xx. A span records only the fields it declared,
/// so a request span declares them `Empty` (see the README). No event for
/// a 4xx, which logs nothing; a 5xx's event is [`server_error`]'s.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn error_response(status: StatusCode, code: &'static str) {
    #[cfg(feature = "tracing")]
    {
        let span = tracing::Span::current();
        let error_type = error_type(status, code);
        span.record("http.response.status_code", status.as_u16());
        span.record("error.type", error_type);
        if status.is_server_error() {
            span.record("otel.status_code", "ERROR");
        }
    }
}

/// `error.type`: the problem `code`, or the status number as text.
#[cfg(feature = "tracing")]
fn error_type(status: StatusCode, code: &'static str) -> &'static str {
    if code.is_empty() {
        status.as_str()
    } else {
        code
    }
}

/// A header value that was refused instead of sent.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn dropped_header(problem: &crate::InvalidHeader) {
    #[cfg(feature = "tracing")]
    tracing::warn!(header = problem.name(), reason = %problem, "dropped an invalid response header");
}

/// Displays an error and each of its sources: `outer: inner: root`.
#[cfg(feature = "tracing")]
struct Chain<'a, E: ?Sized>(&'a E);

#[cfg(feature = "tracing")]
impl<E: core::error::Error + ?Sized> core::fmt::Display for Chain<'_, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(error) = source {
            write!(f, ": {error}")?;
            source = error.source();
        }
        Ok(())
    }
}

/// A header that `http` refused even after validation.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
#[cfg(any(feature = "http", feature = "actix-web"))]
pub(crate) fn dropped_header_name(name: &str) {
    #[cfg(feature = "tracing")]
    tracing::warn!(header = name, "dropped a response header that http refused");
}

/// A response that broke one of the registry's rules (`ConformanceLayer`,
/// `ActixConformance`).
#[cfg(any(feature = "tower", all(feature = "actix-web", feature = "http")))]
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn conformance_violation(
    method: &http::Method,
    status: u16,
    violation: &crate::conformance::Violation,
) {
    #[cfg(feature = "tracing")]
    tracing::warn!(
        target: "status_core::conformance",
        method = %method,
        status,
        rule = ?violation.rule,
        level = violation.level.as_str(),
        reference = violation.reference,
        "{}",
        violation.message,
    );
}

/// An extension member that was refused instead of sent.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn dropped_member(name: &str, reason: &dyn core::fmt::Display) {
    #[cfg(feature = "tracing")]
    tracing::warn!(member = name, reason = %reason, "dropped a problem member");
}
