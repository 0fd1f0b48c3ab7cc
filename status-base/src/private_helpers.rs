//! Run-time helpers that derived code calls for headers whose value comes from a field.

use alloc::string::{String, ToString as _};
use core::fmt::Display;
use core::time::Duration;

use alloc::borrow::Cow;

use crate::{Extension, ExtensionValue, Headers, ProblemDetails, Violation};

/// A value that can be sent as `Retry-After` seconds (RFC 9110, Section 10.2.3).
pub trait RetryAfter {
    /// Whole seconds, rounded up so a client never retries early.
    fn retry_after_seconds(&self) -> u64;
}

macro_rules! retry_after_integers {
    ($($ty:ty),*) => {$(
        impl RetryAfter for $ty {
            fn retry_after_seconds(&self) -> u64 {
                u64::from(*self)
            }
        }
    )*};
}

retry_after_integers!(u8, u16, u32, u64);

macro_rules! retry_after_signed {
    ($($ty:ty),*) => {$(
        /// Negative values mean "now": `Retry-After: 0`.
        impl RetryAfter for $ty {
            fn retry_after_seconds(&self) -> u64 {
                u64::try_from(*self).unwrap_or(0)
            }
        }
    )*};
}

retry_after_signed!(i8, i16, i32, i64, isize);

impl RetryAfter for usize {
    fn retry_after_seconds(&self) -> u64 {
        u64::try_from(*self).unwrap_or(u64::MAX)
    }
}

impl RetryAfter for Duration {
    fn retry_after_seconds(&self) -> u64 {
        self.as_secs()
            .saturating_add(u64::from(self.subsec_nanos() > 0))
    }
}

impl<T: RetryAfter + ?Sized> RetryAfter for &T {
    fn retry_after_seconds(&self) -> u64 {
        (**self).retry_after_seconds()
    }
}

/// `Retry-After` from a field.
pub fn insert_retry_after<T: RetryAfter + ?Sized>(headers: &mut Headers, value: &T) {
    let seconds = value.retry_after_seconds();
    insert_or_log(headers, "Retry-After", seconds.to_string());
}

/// A header from a field's `Display` text, validated: an invalid value is
/// dropped (and logged with feature `tracing`), never sent.
pub fn insert_display<T: Display + ?Sized>(headers: &mut Headers, name: &'static str, value: &T) {
    insert_or_log(headers, name, value.to_string());
}

fn insert_or_log(headers: &mut Headers, name: &'static str, value: String) {
    if let Err(problem) = headers.insert(name, value) {
        crate::log::dropped_header(&problem);
    }
}

/// An extension member from a field: its `Serialize` form (feature `serde`).
/// The derive checked the name at compile time. A value whose `Serialize`
/// fails is dropped (and logged with feature `tracing`), never half sent.
#[cfg(feature = "serde")]
pub fn push_extension<T: serde::Serialize + ?Sized>(
    problem: &mut ProblemDetails,
    name: &'static str,
    value: &T,
) {
    match ExtensionValue::serialize(value) {
        Ok(value) => problem.push_extension(Extension {
            name: Cow::Borrowed(name),
            value,
        }),
        Err(error) => crate::log::dropped_member(name, &error),
    }
}

/// An extension member from a field: its `Display` text, as a string
/// (without feature `serde`). The derive checked the name at compile time.
#[cfg(not(feature = "serde"))]
pub fn push_extension<T: Display + ?Sized>(
    problem: &mut ProblemDetails,
    name: &'static str,
    value: &T,
) {
    problem.push_extension(Extension {
        name: Cow::Borrowed(name),
        value: ExtensionValue::String(Cow::Owned(value.to_string())),
    });
}

/// `instance` from a field's `Display` text, when it is a URI reference;
/// anything else is dropped (and logged with feature `tracing`), never sent.
pub fn set_instance<T: Display + ?Sized>(problem: &mut ProblemDetails, value: &T) {
    let text = value.to_string();
    match crate::problem::uri_reference_problem(&text) {
        None => problem.instance = Some(Cow::Owned(text)),
        Some(reason) => crate::log::dropped_member("instance", &reason),
    }
}

/// The failing members of a field marked `#[http(errors)]`, added to `errors`.
pub fn push_violations<'a, I>(problem: &mut ProblemDetails, violations: I)
where
    I: IntoIterator<Item = &'a Violation>,
{
    problem.errors.extend(violations.into_iter().cloned());
}
