//! `Retry-After` (RFC 9110, Section 10.2.3), read for retry decisions.

use core::fmt;
use core::str::FromStr;
use std::time::{Duration, SystemTime};

use super::date;
use super::problem::trim_ows;

/// When a server asks to be retried: the value of a `Retry-After` header,
/// which is either a number of seconds or an HTTP-date (RFC 9110,
/// Section 10.2.3).
///
/// All three HTTP-date forms are read, as RFC 9110, Section 5.6.7 requires of
/// recipients: the IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the
/// obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`) forms. An RFC 850 two-digit year more than 50
/// years in the future is taken as the most recent such year in the past. A
/// date whose day name is not that of the date is invalid, as RFC 5322,
/// Section 3.3 says of the format IMF-fixdate is taken from.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
///
/// use status_core::client::RetryAfter;
///
/// let now = SystemTime::now();
/// let seconds: RetryAfter = "120".parse()?;
/// assert_eq!(seconds, RetryAfter::Delay(Duration::from_secs(120)));
/// assert_eq!(seconds.delay_from(now), Duration::from_secs(120));
///
/// let date: RetryAfter = "Sun, 06 Nov 1994 08:49:37 GMT".parse()?;
/// assert_eq!(date, RetryAfter::At(UNIX_EPOCH + Duration::from_secs(784_111_777)));
/// assert_eq!(date.delay_from(now), Duration::ZERO); // long past: retry now
///
/// assert!("-1".parse::<RetryAfter>().is_err());
/// assert!("soon".parse::<RetryAfter>().is_err());
/// # Ok::<(), status_core::client::InvalidRetryAfter>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `delay-seconds`: retry after this long, counted from when the
    /// response was received.
    Delay(Duration),
    /// An `HTTP-date`: retry at this time.
    At(SystemTime),
}

impl RetryAfter {
    /// Parses a `Retry-After` field value: `1*DIGIT` seconds or an
    /// HTTP-date, with surrounding spaces and tabs allowed.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use status_core::client::RetryAfter;
    ///
    /// assert_eq!(RetryAfter::parse(b" 0 "), Ok(RetryAfter::Delay(Duration::ZERO)));
    /// assert!(matches!(RetryAfter::parse(b"Sun Nov  6 08:49:37 1994"), Ok(RetryAfter::At(_))));
    /// // Signs, fractions, units and numbers beyond u64 are not seconds.
    /// for bad in [&b"+5"[..], b"1.5", b"5s", b"18446744073709551616", b"", b"\xff"] {
    ///     assert!(RetryAfter::parse(bad).is_err());
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidRetryAfter`] for anything else.
    pub fn parse(value: &[u8]) -> Result<Self, InvalidRetryAfter> {
        Self::parse_at(value, SystemTime::now())
    }

    /// [`parse`](RetryAfter::parse), with `now` deciding the century of an
    /// RFC 850 two-digit year.
    fn parse_at(value: &[u8], now: SystemTime) -> Result<Self, InvalidRetryAfter> {
        let value = trim_ows(value);
        if value.first().is_some_and(u8::is_ascii_digit) {
            value
                .iter()
                .try_fold(0_u64, |seconds, &byte| {
                    let digit = char::from(byte).to_digit(10)?;
                    seconds.checked_mul(10)?.checked_add(u64::from(digit))
                })
                .map(|seconds| RetryAfter::Delay(Duration::from_secs(seconds)))
                .ok_or(InvalidRetryAfter { _priv: () })
        } else {
            date::parse(value, now)
                .map(RetryAfter::At)
                .ok_or(InvalidRetryAfter { _priv: () })
        }
    }

    /// The `Retry-After` of a response's headers. `None` when there is none,
    /// when its value is invalid, or when there is more than one (the field
    /// takes a single value; RFC 9110, Section 5.3). Parse the
    /// [`HeaderValue`](::http::HeaderValue) yourself with `TryFrom` to tell
    /// these apart.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use status_core::client::RetryAfter;
    ///
    /// let mut headers = http::HeaderMap::new();
    /// assert_eq!(RetryAfter::from_headers(&headers), None);
    ///
    /// headers.insert("retry-after", http::HeaderValue::from_static("60"));
    /// assert_eq!(RetryAfter::from_headers(&headers), Some(RetryAfter::Delay(Duration::from_secs(60))));
    ///
    /// let value = headers.get("retry-after").expect("just inserted");
    /// assert_eq!(RetryAfter::try_from(value), Ok(RetryAfter::Delay(Duration::from_secs(60))));
    ///
    /// headers.append("retry-after", http::HeaderValue::from_static("61"));
    /// assert_eq!(RetryAfter::from_headers(&headers), None);
    /// ```
    #[must_use]
    pub fn from_headers(headers: &::http::HeaderMap) -> Option<Self> {
        let mut values = headers.get_all(::http::header::RETRY_AFTER).iter();
        let value = values.next()?;
        if values.next().is_some() {
            return None;
        }
        Self::try_from(value).ok()
    }

    /// How long to wait, from `now`, before retrying: the delay itself, or
    /// the time until the date, which is zero for a date that has passed.
    /// For a delay, `now` should be when the response arrived.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    ///
    /// use status_core::client::RetryAfter;
    ///
    /// let now = SystemTime::now();
    /// let in_a_minute = RetryAfter::At(now + Duration::from_secs(60));
    /// assert_eq!(in_a_minute.delay_from(now), Duration::from_secs(60));
    ///
    /// let a_minute_ago = RetryAfter::At(now - Duration::from_secs(60));
    /// assert_eq!(a_minute_ago.delay_from(now), Duration::ZERO);
    /// ```
    #[must_use]
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

impl FromStr for RetryAfter {
    type Err = InvalidRetryAfter;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Self::parse(value.as_bytes())
    }
}

impl TryFrom<&::http::HeaderValue> for RetryAfter {
    type Error = InvalidRetryAfter;

    fn try_from(value: &::http::HeaderValue) -> Result<Self, Self::Error> {
        Self::parse(value.as_bytes())
    }
}

/// A `Retry-After` value that is neither `delay-seconds` nor an HTTP-date.
///
/// ```
/// use status_core::client::RetryAfter;
///
/// let error = "tomorrow".parse::<RetryAfter>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "invalid Retry-After value: expected delay-seconds or an HTTP-date"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidRetryAfter {
    _priv: (),
}

impl fmt::Display for InvalidRetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid Retry-After value: expected delay-seconds or an HTTP-date")
    }
}

impl core::error::Error for InvalidRetryAfter {}

#[cfg(test)]
mod tests {
    use std::time::UNIX_EPOCH;

    use super::*;

    #[test]
    fn rfc850_century_follows_now() {
        let in_2026 = UNIX_EPOCH + Duration::from_secs(1_777_636_800);
        let in_2090 = UNIX_EPOCH + Duration::from_secs(3_786_912_000);
        let year_1999 = UNIX_EPOCH + Duration::from_secs(915_148_800);
        let year_2099 = UNIX_EPOCH + Duration::from_secs(4_070_908_800);
        // 1999-01-01 was a Friday, 2099-01-01 is a Thursday.
        let friday = b"Friday, 01-Jan-99 00:00:00 GMT";
        let thursday = b"Thursday, 01-Jan-99 00:00:00 GMT";
        assert_eq!(
            RetryAfter::parse_at(friday, in_2026),
            Ok(RetryAfter::At(year_1999))
        );
        assert_eq!(
            RetryAfter::parse_at(thursday, in_2090),
            Ok(RetryAfter::At(year_2099))
        );
        // The day name is checked against the year RFC 9110 gives the digits.
        assert!(RetryAfter::parse_at(thursday, in_2026).is_err());
        assert!(RetryAfter::parse_at(friday, in_2090).is_err());
    }

    #[test]
    fn seconds_limits() {
        assert_eq!(
            RetryAfter::parse(b"18446744073709551615"),
            Ok(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
        );
        assert_eq!(
            RetryAfter::parse(b"0007"),
            Ok(RetryAfter::Delay(Duration::from_secs(7)))
        );
        assert!(RetryAfter::parse(b"18446744073709551616").is_err());
        assert!(RetryAfter::parse(b"99999999999999999999999999").is_err());
        assert!(RetryAfter::parse(b"1 2").is_err());
        assert!(RetryAfter::parse(b"1\n").is_err());
    }
}
