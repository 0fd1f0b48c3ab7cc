//! HTTP-date (RFC 9110, Section 5.6.7): the IMF-fixdate that senders use, and
//! the obsolete RFC 850 and asctime forms that recipients must also accept.
//!
//! ```text
//! Sun, 06 Nov 1994 08:49:37 GMT    ; IMF-fixdate
//! Sunday, 06-Nov-94 08:49:37 GMT   ; obsolete RFC 850 format
//! Sun Nov  6 08:49:37 1994         ; ANSI C's asctime() format
//! ```
//!
//! Names are case-sensitive, as the grammar says. The day name must be a day
//! name but is not checked against the date: the date decides.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

const DAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
const LONG_DAYS: [&[u8]; 7] = [
    b"Monday",
    b"Tuesday",
    b"Wednesday",
    b"Thursday",
    b"Friday",
    b"Saturday",
    b"Sunday",
];
const MONTHS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

const SECONDS_PER_DAY: i64 = 86_400;

/// Parses an HTTP-date. `now` resolves the two-digit years of the RFC 850
/// form. `None` for anything else, or a date `SystemTime` cannot hold.
pub(super) fn parse(text: &[u8], now: SystemTime) -> Option<SystemTime> {
    let fields = imf_fixdate(text)
        .or_else(|| rfc850_date(text, now))
        .or_else(|| asctime_date(text))?;
    fields.to_system_time()
}

/// A date and time of day, in UTC, not yet checked.
struct Fields {
    year: i64,
    /// 1..=12
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl Fields {
    /// Seconds since the Unix epoch, if this is a real date and time. A
    /// second of 60 is a leap second (RFC 5322, Section 3.3), counted as the
    /// first second of the next minute.
    fn unix_seconds(&self) -> Option<i64> {
        let valid = (1..=days_in_month(self.year, self.month)).contains(&self.day)
            && self.hour < 24
            && self.minute < 60
            && self.second <= 60;
        valid.then(|| {
            let time = i64::from(self.hour * 3600 + self.minute * 60 + self.second);
            days_from_civil(self.year, self.month, self.day) * SECONDS_PER_DAY + time
        })
    }

    fn to_system_time(&self) -> Option<SystemTime> {
        let seconds = self.unix_seconds()?;
        match u64::try_from(seconds) {
            Ok(after) => UNIX_EPOCH.checked_add(Duration::from_secs(after)),
            Err(_) => UNIX_EPOCH.checked_sub(Duration::from_secs(seconds.unsigned_abs())),
        }
    }
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`
fn imf_fixdate(text: &[u8]) -> Option<Fields> {
    let mut cursor = Cursor(text);
    cursor.one_of(&DAYS)?;
    cursor.tag(b", ")?;
    let day = cursor.digits(2)?;
    cursor.tag(b" ")?;
    let month = cursor.month()?;
    cursor.tag(b" ")?;
    let year = cursor.digits(4)?;
    cursor.tag(b" ")?;
    let (hour, minute, second) = cursor.time_of_day()?;
    cursor.tag(b" GMT")?;
    cursor.end()?;
    Some(Fields {
        year: i64::from(year),
        month,
        day,
        hour,
        minute,
        second,
    })
}

/// `Sunday, 06-Nov-94 08:49:37 GMT`. A two-digit year more than 50 years
/// after `now` is the most recent such year in the past (RFC 9110,
/// Section 5.6.7).
fn rfc850_date(text: &[u8], now: SystemTime) -> Option<Fields> {
    let mut cursor = Cursor(text);
    cursor.one_of(&LONG_DAYS)?;
    cursor.tag(b", ")?;
    let day = cursor.digits(2)?;
    cursor.tag(b"-")?;
    let month = cursor.month()?;
    cursor.tag(b"-")?;
    let two_digits = cursor.digits(2)?;
    cursor.tag(b" ")?;
    let (hour, minute, second) = cursor.time_of_day()?;
    cursor.tag(b" GMT")?;
    cursor.end()?;

    let now = unix_seconds(now)?;
    let this_year = civil_year(now.div_euclid(SECONDS_PER_DAY));
    let mut fields = Fields {
        year: this_year - this_year.rem_euclid(100) + i64::from(two_digits),
        month,
        day,
        hour,
        minute,
        second,
    };
    // Fifty years from now, to the second (Feb 29 of a non-leap year rolls
    // over to Mar 1, which is as good a limit).
    let fifty_years = Fields {
        year: this_year + 50,
        ..civil_fields(now)
    };
    if fields.unix_seconds()? > fifty_years.unix_seconds()? {
        fields.year -= 100;
    }
    Some(fields)
}

/// `Sun Nov  6 08:49:37 1994`: the day is two digits or a space and a digit.
fn asctime_date(text: &[u8]) -> Option<Fields> {
    let mut cursor = Cursor(text);
    cursor.one_of(&DAYS)?;
    cursor.tag(b" ")?;
    let month = cursor.month()?;
    cursor.tag(b" ")?;
    let day = if cursor.tag(b" ").is_some() {
        cursor.digits(1)?
    } else {
        cursor.digits(2)?
    };
    cursor.tag(b" ")?;
    let (hour, minute, second) = cursor.time_of_day()?;
    cursor.tag(b" ")?;
    let year = cursor.digits(4)?;
    cursor.end()?;
    Some(Fields {
        year: i64::from(year),
        month,
        day,
        hour,
        minute,
        second,
    })
}

/// The unread rest of the input.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn tag(&mut self, tag: &[u8]) -> Option<()> {
        self.0 = self.0.strip_prefix(tag)?;
        Some(())
    }

    /// The index of the name in `names` that the input starts with.
    fn one_of(&mut self, names: &[&[u8]]) -> Option<u32> {
        let (index, name) = names
            .iter()
            .enumerate()
            .find(|(_, name)| self.0.starts_with(name))?;
        self.0 = &self.0[name.len()..];
        u32::try_from(index).ok()
    }

    /// 1 for `Jan` ... 12 for `Dec`.
    fn month(&mut self) -> Option<u32> {
        Some(self.one_of(&MONTHS)? + 1)
    }

    /// Exactly `count` ASCII digits (at most 4, so no overflow).
    fn digits(&mut self, count: usize) -> Option<u32> {
        let (digits, rest) = self.0.split_at_checked(count)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = rest;
        Some(
            digits
                .iter()
                .fold(0, |value, digit| value * 10 + u32::from(digit - b'0')),
        )
    }

    /// `HH:MM:SS`
    fn time_of_day(&mut self) -> Option<(u32, u32, u32)> {
        let hour = self.digits(2)?;
        self.tag(b":")?;
        let minute = self.digits(2)?;
        self.tag(b":")?;
        let second = self.digits(2)?;
        Some((hour, minute, second))
    }

    fn end(&self) -> Option<()> {
        self.0.is_empty().then_some(())
    }
}

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day counted from 1970-01-01, as `(year, month, day)`
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    // Both are small and positive by construction: 1..=31 and 1..=12.
    let day = u32::try_from(day_of_year - (153 * month_from_march + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    })
    .unwrap_or(1);
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn civil_year(days: i64) -> i64 {
    civil_from_days(days).0
}

/// The date and time of day of a Unix time.
fn civil_fields(seconds: i64) -> Fields {
    let (year, month, day) = civil_from_days(seconds.div_euclid(SECONDS_PER_DAY));
    // 0..86_400, so it fits.
    let time = u32::try_from(seconds.rem_euclid(SECONDS_PER_DAY)).unwrap_or(0);
    Fields {
        year,
        month,
        day,
        hour: time / 3600,
        minute: time / 60 % 60,
        second: time % 60,
    }
}

/// Seconds since the Unix epoch, negative before it; `None` beyond `i64`.
fn unix_seconds(time: SystemTime) -> Option<i64> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).ok(),
        Err(before) => i64::try_from(before.duration().as_secs())
            .ok()
            .map(|seconds| -seconds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-05-01 12:00:00 UTC.
    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_777_636_800)
    }

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn the_three_forms_of_rfc_9110() {
        let expected = Some(at(784_111_777));
        assert_eq!(parse(b"Sun, 06 Nov 1994 08:49:37 GMT", now()), expected);
        assert_eq!(parse(b"Sunday, 06-Nov-94 08:49:37 GMT", now()), expected);
        assert_eq!(parse(b"Sun Nov  6 08:49:37 1994", now()), expected);
        assert_eq!(parse(b"Sun Nov 06 08:49:37 1994", now()), expected);
    }

    #[test]
    fn rfc850_years_more_than_fifty_years_ahead_are_in_the_past() {
        let year = |text: &[u8]| {
            let seconds = unix_seconds(parse(text, now())?)?;
            Some(civil_year(seconds.div_euclid(SECONDS_PER_DAY)))
        };
        assert_eq!(year(b"Monday, 01-Jan-26 00:00:00 GMT"), Some(2026));
        assert_eq!(year(b"Tuesday, 01-May-76 11:59:59 GMT"), Some(2076));
        assert_eq!(year(b"Friday, 01-May-76 12:00:01 GMT"), Some(1976));
        assert_eq!(year(b"Thursday, 31-Dec-99 23:59:59 GMT"), Some(1999));
        assert_eq!(year(b"Saturday, 01-Jan-00 00:00:00 GMT"), Some(2000));
    }

    #[test]
    fn calendar_rules() {
        assert!(parse(b"Thu, 29 Feb 2024 00:00:00 GMT", now()).is_some());
        assert!(parse(b"Thu, 29 Feb 2023 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Thu, 29 Feb 2000 00:00:00 GMT", now()).is_some());
        assert!(parse(b"Thu, 29 Feb 1900 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Thu, 31 Apr 2024 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Thu, 00 Apr 2024 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Thu, 01 Apr 2024 24:00:00 GMT", now()).is_none());
        assert!(parse(b"Thu, 01 Apr 2024 23:60:00 GMT", now()).is_none());
        assert_eq!(
            parse(b"Wed, 31 Dec 2008 23:59:60 GMT", now()),
            parse(b"Thu, 01 Jan 2009 00:00:00 GMT", now())
        );
        assert_eq!(parse(b"Thu, 01 Jan 1970 00:00:00 GMT", now()), Some(at(0)));
        assert_eq!(
            parse(b"Wed, 31 Dec 1969 23:59:59 GMT", now()),
            UNIX_EPOCH.checked_sub(Duration::from_secs(1))
        );
    }

    #[test]
    fn civil_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(
                days_from_civil(year, month, day),
                days,
                "{year}-{month}-{day}"
            );
        }
    }

    #[test]
    fn malformed() {
        for text in [
            &b""[..],
            b"Sun, 06 Nov 1994 08:49:37 UTC",
            b"sun, 06 Nov 1994 08:49:37 GMT",
            b"Sun, 06 nov 1994 08:49:37 GMT",
            b"Sun, 6 Nov 1994 08:49:37 GMT",
            b"Sun, 06 Nov 94 08:49:37 GMT",
            b"Sun, 06 Nov 1994 08:49:37 GMT ",
            b"Sun, 06 Nov 1994 08:49 GMT",
            b"Sun, 06 Nov 1994 8:49:37 GMT",
            b"Sun, +6 Nov 1994 08:49:37 GMT",
            b"Sunday, 06-Nov-1994 08:49:37 GMT",
            b"Sun, 06-Nov-94 08:49:37 GMT",
            b"Sun Nov  6 08:49:37 94",
            b"Sun Nov 6 08:49:37 1994",
            b"Sun Nov  6 08:49:37 1994 GMT",
            b"Funday, 06-Nov-94 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT\u{e9}".as_bytes(),
        ] {
            assert_eq!(
                parse(text, now()),
                None,
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }
}
