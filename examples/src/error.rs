//! The one error enum of the demo services: every error response of the axum
//! demo and of the actix-web example comes from here, the domain's own errors
//! as its variants and what the framework answers on its own (a body that is
//! not JSON, an unknown route, a panic) as status-core's built-in
//! [`FrameworkError`] problems.

use status_core::{FrameworkError, HttpError, Violation};

/// Everything that can go wrong in the demo API, each variant one RFC 9457 problem.
#[derive(Debug, thiserror::Error, HttpError)]
#[http(type_base = "/errors#")]
pub enum DemoError {
    /// A path or query parameter is well-formed but out of the range the route takes.
    #[error("{0}")]
    #[http(status = 400, code = "bad_parameter")]
    BadParameter(String),

    /// No or an unknown bearer token.
    #[error("a valid bearer token is required")]
    #[http(status = 401, www_authenticate = "Bearer realm=\"demo\"")]
    Unauthenticated,

    /// A valid token whose role may not do this.
    #[error("role `{role}` may not {action}")]
    #[http(status = 403)]
    Forbidden {
        /// The caller's role.
        role: &'static str,
        /// What was refused.
        action: &'static str,
    },

    /// No item with this id.
    #[error("item {0} not found")]
    #[http(status = 404, code = "item_not_found")]
    ItemNotFound(i64),

    /// The status-code reference has no entry for this number.
    #[error("{0} is not in the status-code registry")]
    #[http(status = 404, code = "unknown_status_code")]
    UnknownStatusCode(u16),

    /// No job with this id.
    #[error("job {0} not found")]
    #[http(status = 404, code = "job_not_found")]
    JobNotFound(u64),

    /// The client accepts no media type this route produces.
    #[error("cannot produce any of `{0}`; this route serves {1}")]
    #[http(status = 406)]
    NotAcceptable(String, &'static str),

    /// The name is taken (SQLite's UNIQUE constraint said so); the problem
    /// carries the id of the item that has it as `existing_id`, a number.
    #[error("an item named {name:?} already exists")]
    #[http(status = 409, code = "duplicate_name")]
    DuplicateName {
        /// The name asked for.
        name: String,
        /// The item that has the name.
        #[http(extension)]
        existing_id: i64,
    },

    /// A route that was removed on purpose, for good: the one error a
    /// cache may keep (410 is heuristically cacheable).
    #[error("{0} was retired; use /items")]
    #[http(status = 410, code = "route_retired", cacheable)]
    Retired(&'static str),

    /// `If-Match` names a version that is no longer current.
    #[error("item {id} has changed: If-Match {given} does not match the current ETag {current}")]
    #[http(status = 412, code = "stale_item")]
    StaleItem {
        /// The item.
        id: i64,
        /// The ETag the client sent.
        given: String,
        /// The ETag of the current version.
        current: String,
    },

    /// The `Range` asks for bytes the export does not have.
    #[error("range {range:?} cannot be satisfied: the export has {total} bytes")]
    #[http(status = 416, header("Accept-Ranges" = "bytes"), header("Content-Range" = unsatisfied))]
    RangeNotSatisfiable {
        /// The `Range` header as sent.
        range: String,
        /// The size of the export.
        total: usize,
        /// `bytes */<total>`, as RFC 9110 Section 15.5.17 asks.
        unsatisfied: String,
    },

    /// The one status every HTTP demo needs.
    #[error("I'm a teapot: this server refuses to brew coffee")]
    #[http(status = 418)]
    Teapot,

    /// The JSON has the right shape, but its content is invalid: every
    /// failing member, with a JSON Pointer to it, in `errors`.
    #[error("invalid request body: {}", details(.0))]
    #[http(status = 422, code = "validation_failed")]
    Validation(#[http(errors)] Vec<Violation>),

    /// The caller is over its rate limit.
    #[error("rate limit exceeded; retry in {retry_after} s")]
    #[http(status = 429, retry_after = retry_after)]
    RateLimited {
        /// Seconds until a request will be accepted again.
        retry_after: u64,
    },

    /// A database failure: masked for the client, logged in full.
    #[error("database error")]
    #[http(status = 500, code = "internal")]
    Database(#[from] rusqlite::Error),

    /// A request method this server does not implement for any resource:
    /// planned, so logged at WARN, not ERROR.
    #[error("the method {0} is not implemented by this server")]
    #[http(status = 501, expose, log = "warn")]
    NotImplemented(String),

    /// The maintenance switch is on: planned, so logged at INFO.
    #[error("the service is down for maintenance")]
    #[http(status = 503, retry_after = 120, log = "info")]
    Maintenance,

    /// What the framework answers on its own: a body that is not JSON or does
    /// not fit, an unknown route or method, a body over the limit or too
    /// slow, a panic. Listed in [`FrameworkError`]'s own catalog.
    #[error(transparent)]
    #[http(transparent)]
    Framework(#[from] FrameworkError),
}

/// The violations' details, for the `detail` of a 422.
fn details(violations: &[Violation]) -> String {
    let details: Vec<&str> = violations
        .iter()
        .map(|violation| &*violation.detail)
        .collect();
    details.join("; ")
}
