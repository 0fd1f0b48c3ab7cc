//! HTTP-date (RFC 9110, Section 5.6.7), read by [`httpdate`]: the IMF-fixdate
//! that senders use, and the obsolete RFC 850 and asctime forms that
//! recipients must also accept.
//!
//! ```text
//! Sun, 06 Nov 1994 08:49:37 GMT    ; IMF-fixdate
//! Sunday, 06-Nov-94 08:49:37 GMT   ; obsolete RFC 850 format
//! Sun Nov  6 08:49:37 1994         ; ANSI C's asctime() format
//! ```
//!
//! httpdate follows the grammar to the letter (names are case-sensitive,
//! every field has its fixed width) and checks the calendar, the day name
//! included: IMF-fixdate is a subset of RFC 5322's date-time, whose day of
//! the week "MUST be the day implied by the date" (RFC 5322, Section 3.3), so
//! a date that disagrees with itself is refused rather than guessed at.
//!
//! Four things httpdate does differently from RFC 9110; this module fixes
//! them up around it, and the test `what_httpdate_alone_gets_wrong` shows each
//! one on httpdate itself:
//!
//! - **RFC 850 two-digit years.** httpdate reads `70`–`99` as 1970–1999 and
//!   `00`–`69` as 2000–2069, a window fixed in 1970. RFC 9110 counts from now:
//!   a recipient "MUST interpret a timestamp that appears to be more than 50
//!   years in the future as representing the most recent year in the past
//!   that had the same last two digits". httpdate also checks the day name
//!   against its own century, so a correct date outside its window cannot be
//!   fixed up after parsing: it is refused. Its RFC 850 parser is therefore
//!   not used at all (it also lets any byte stand for the space after the
//!   year). [`rfc850_as_imf_fixdate`] picks the year RFC 9110 gives, this
//!   century's year with those two digits, or the century before when that is
//!   more than 50 years after `now`, and hands httpdate the IMF-fixdate of
//!   that year, whose day name it then checks.
//! - **Leap seconds.** The grammar allows `23:59:60`; httpdate refuses a
//!   second of 60. [`leap_second_as_59`] reads it as 59 plus one second, the
//!   first second of the next minute, as Unix time counts it.
//! - **Years before 1970.** `year = 4DIGIT`; httpdate refuses anything before
//!   its epoch. [`before_1970_moved_on`] reads such a year 2000 years later
//!   and moves the result back: 2000 years are five 400-year cycles of the
//!   Gregorian calendar, which repeat the leap years and the days of the week,
//!   so the calendar and day-name checks still hold.
//! - **Surrounding whitespace.** httpdate trims it; an HTTP-date has none
//!   (`Retry-After` has already removed the field's spaces and tabs), so a
//!   line break or form feed around a date is refused first.

use std::format;
use std::string::String;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const LONG_DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Five 400-year cycles of the Gregorian calendar: 730,485 days, which is a
/// whole number of weeks.
const TWO_THOUSAND_YEARS: Duration = Duration::from_secs(5 * 146_097 * 86_400);

/// 10000-01-01T00:00:00Z: httpdate formats only times before it (and after
/// the epoch), and panics on others.
const YEAR_10000: Duration = Duration::from_secs(253_402_300_800);

/// Parses an HTTP-date. `now` resolves the two-digit years of the RFC 850
/// form. `None` for anything else, or a date `SystemTime` cannot hold.
pub(super) fn parse(text: &[u8], now: SystemTime) -> Option<SystemTime> {
    if !text.is_ascii() {
        return None;
    }
    let text = core::str::from_utf8(text).ok()?;
    if text.trim() != text {
        return None;
    }
    let mut date = match split_rfc850(text) {
        Some((day_name, rest)) => rfc850_as_imf_fixdate(day_name, rest, now)?,
        None => String::from(text),
    };
    let leap_second = leap_second_as_59(&mut date);
    let moved_on = before_1970_moved_on(&mut date);
    let mut time = httpdate::parse_http_date(&date).ok()?;
    if leap_second {
        time = time.checked_add(Duration::from_secs(1))?;
    }
    if moved_on {
        time = time.checked_sub(TWO_THOUSAND_YEARS)?;
    }
    Some(time)
}

/// `Sunday, 06-Nov-94 08:49:37 GMT` as `("Sun", "06-Nov-94 08:49:37 GMT")`:
/// the day name as IMF-fixdate writes it, and the rest.
fn split_rfc850(text: &str) -> Option<(&str, &str)> {
    LONG_DAY_NAMES.iter().find_map(|name| {
        let rest = text.strip_prefix(name)?.strip_prefix(", ")?;
        Some((name.get(..3)?, rest))
    })
}

/// The rest of an RFC 850 date, `06-Nov-94 08:49:37 GMT`, as the IMF-fixdate
/// `Sun, 06 Nov 1994 08:49:37 GMT` of the year RFC 9110 gives its two digits.
/// httpdate checks every field but the year once it has four digits.
fn rfc850_as_imf_fixdate(day_name: &str, rest: &str, now: SystemTime) -> Option<String> {
    let (date, time) = rest.split_once(' ')?;
    let mut fields = date.split('-');
    let (Some(day), Some(month), Some(two_digits), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return None;
    };
    if two_digits.len() != 2 || !two_digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let year = rfc850_year(two_digits.parse().ok()?, (month, day, time), now)?;
    Some(format!("{day_name}, {day} {month} {year:04} {time}"))
}

/// The year of `now`'s century ending in `two_digits`, unless that date
/// "appears to be more than 50 years in the future" (RFC 9110, Section
/// 5.6.7): then the year a century before. `rest_of_date` is the month, the
/// day and `HH:MM:SS GMT`, as the RFC 850 date writes them.
fn rfc850_year(two_digits: u16, rest_of_date: (&str, &str, &str), now: SystemTime) -> Option<u16> {
    if now.duration_since(UNIX_EPOCH).ok()? >= YEAR_10000 {
        return None;
    }
    // `Fri, 01 May 2026 12:00:00 GMT`: httpdate does the calendar arithmetic.
    let now = httpdate::fmt_http_date(now);
    let this_year: u16 = now.get(12..16)?.parse().ok()?;
    let fifty_years_on = (
        this_year + 50,
        month_number(now.get(8..11)?)?,
        now.get(5..7)?,
        now.get(17..)?,
    );
    let (month, day, time) = rest_of_date;
    let year = this_year - this_year % 100 + two_digits;
    // Fixed-width digits compare as text; a malformed field makes a wrong
    // comparison, and then httpdate refuses the date anyway.
    if (year, month_number(month)?, day, time) > fifty_years_on {
        Some(year - 100)
    } else {
        Some(year)
    }
}

fn month_number(name: &str) -> Option<usize> {
    MONTHS.iter().position(|month| *month == name)
}

/// Turns a leap second's `:60` into `:59`; `true` when the caller must add
/// the second back. The seconds are the only field after a colon and before
/// a space, in all three forms.
fn leap_second_as_59(date: &mut String) -> bool {
    match date.find(":60 ") {
        Some(at) => {
            date.replace_range(at..at + 4, ":59 ");
            true
        }
        None => false,
    }
}

/// Moves a year before 1970 on by 2000 years; `true` when the caller must
/// move the time back. The year is at bytes 12..16 of an IMF-fixdate (29
/// bytes) and 20..24 of an asctime date (24 bytes); an RFC 850 date, 30 bytes
/// or more, has been rewritten as an IMF-fixdate by now.
fn before_1970_moved_on(date: &mut String) -> bool {
    let at = match date.len() {
        29 => 12,
        24 => 20,
        _ => return false,
    };
    let year = date
        .get(at..at + 4)
        .filter(|year| year.bytes().all(|byte| byte.is_ascii_digit()))
        .and_then(|year| year.parse::<u16>().ok());
    match year {
        Some(year) if year < 1970 => {
            date.replace_range(at..at + 4, &format!("{:04}", year + 2000));
            true
        }
        _ => false,
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
            let time = parse(text, now())?;
            httpdate::fmt_http_date(time)
                .get(12..16)?
                .parse::<u16>()
                .ok()
        };
        assert_eq!(year(b"Thursday, 01-Jan-26 00:00:00 GMT"), Some(2026));
        assert_eq!(year(b"Friday, 01-May-76 11:59:59 GMT"), Some(2076));
        // Exactly fifty years on is not more than fifty years.
        assert_eq!(year(b"Friday, 01-May-76 12:00:00 GMT"), Some(2076));
        assert_eq!(year(b"Saturday, 01-May-76 12:00:01 GMT"), Some(1976));
        assert_eq!(year(b"Friday, 31-Dec-99 23:59:59 GMT"), Some(1999));
        assert_eq!(year(b"Saturday, 01-Jan-00 00:00:00 GMT"), Some(2000));
        // The day name is checked against the year chosen: 2076-05-01 is a
        // Friday, 1976-05-01 a Saturday.
        assert_eq!(year(b"Saturday, 01-May-76 11:59:59 GMT"), None);
        assert_eq!(year(b"Friday, 01-May-76 12:00:01 GMT"), None);
    }

    /// The parser this module replaced refused every RFC 850 date on the
    /// 29th of February, which has no day fifty years on to compare with.
    #[test]
    fn rfc850_on_the_29th_of_february() {
        let leap_day = UNIX_EPOCH + Duration::from_secs(1_835_438_400); // 2028-02-29 12:00
        let year = |text: &[u8]| {
            let time = parse(text, leap_day)?;
            httpdate::fmt_http_date(time)
                .get(12..16)?
                .parse::<u16>()
                .ok()
        };
        assert_eq!(year(b"Sunday, 06-Nov-94 08:49:37 GMT"), Some(1994));
        assert_eq!(year(b"Monday, 28-Feb-78 23:59:59 GMT"), Some(2078));
        assert_eq!(year(b"Wednesday, 01-Mar-78 00:00:00 GMT"), Some(1978));
    }

    #[test]
    fn rfc850_needs_a_clock_that_httpdate_can_write() {
        let text = b"Sunday, 06-Nov-94 08:49:37 GMT";
        let before_1970 = UNIX_EPOCH.checked_sub(Duration::from_secs(1));
        assert_eq!(before_1970.and_then(|now| parse(text, now)), None);
        assert_eq!(parse(text, UNIX_EPOCH + YEAR_10000), None);
        // The other two forms do not depend on the clock.
        assert_eq!(
            before_1970.and_then(|now| parse(b"Sun, 06 Nov 1994 08:49:37 GMT", now)),
            Some(at(784_111_777))
        );
    }

    #[test]
    fn calendar_rules() {
        assert!(parse(b"Thu, 29 Feb 2024 00:00:00 GMT", now()).is_some());
        assert!(parse(b"Tue, 28 Feb 2023 00:00:00 GMT", now()).is_some());
        assert!(parse(b"Wed, 29 Feb 2023 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Tue, 29 Feb 2000 00:00:00 GMT", now()).is_some());
        assert!(parse(b"Thu, 29 Feb 1900 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Thu, 31 Apr 2024 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Thu, 00 Apr 2024 00:00:00 GMT", now()).is_none());
        assert!(parse(b"Mon, 01 Apr 2024 24:00:00 GMT", now()).is_none());
        assert!(parse(b"Mon, 01 Apr 2024 23:60:00 GMT", now()).is_none());
        assert!(parse(b"Mon, 01 Apr 2024 23:59:61 GMT", now()).is_none());
        assert_eq!(
            parse(b"Wed, 31 Dec 2008 23:59:60 GMT", now()),
            parse(b"Thu, 01 Jan 2009 00:00:00 GMT", now())
        );
        assert_eq!(
            parse(b"Wed Dec 31 23:59:60 2008", now()),
            parse(b"Thu, 01 Jan 2009 00:00:00 GMT", now())
        );
        assert_eq!(parse(b"Thu, 01 Jan 1970 00:00:00 GMT", now()), Some(at(0)));
        assert_eq!(
            parse(b"Fri, 31 Dec 9999 23:59:59 GMT", now()),
            Some(at(253_402_300_799))
        );
    }

    #[test]
    fn years_before_1970() {
        let before = |seconds: u64| UNIX_EPOCH.checked_sub(Duration::from_secs(seconds));
        assert_eq!(parse(b"Wed, 31 Dec 1969 23:59:59 GMT", now()), before(1));
        assert_eq!(parse(b"Wed Dec 31 23:59:59 1969", now()), before(1));
        assert_eq!(
            parse(b"Wed, 31 Dec 1969 23:59:60 GMT", now()),
            Some(UNIX_EPOCH)
        );
        assert_eq!(
            parse(b"Mon, 01 Jan 0001 00:00:00 GMT", now()),
            before(62_135_596_800)
        );
        assert_eq!(
            parse(b"Sun, 29 Feb 1600 00:00:00 GMT", now()),
            parse(b"Sat, 01 Mar 1600 00:00:00 GMT", now())
                .and_then(|time| time.checked_sub(Duration::from_secs(86_400)))
        );
        // The calendar and the day names still hold.
        assert_eq!(parse(b"Thu, 29 Feb 1900 00:00:00 GMT", now()), None);
        assert_eq!(parse(b"Thu, 31 Dec 1969 23:59:59 GMT", now()), None);
    }

    #[test]
    fn the_day_name_must_be_that_of_the_date() {
        // 1994-11-06 was a Sunday.
        assert_eq!(parse(b"Mon, 06 Nov 1994 08:49:37 GMT", now()), None);
        assert_eq!(parse(b"Monday, 06-Nov-94 08:49:37 GMT", now()), None);
        assert_eq!(parse(b"Mon Nov  6 08:49:37 1994", now()), None);
    }

    /// Why this module does not hand everything to httpdate: each fix-up of
    /// the module docs, on httpdate alone and then here.
    #[test]
    fn what_httpdate_alone_gets_wrong() {
        let alone = |text: &str| httpdate::parse_http_date(text).ok();
        let here = |text: &str| parse(text.as_bytes(), now());

        // In 2026, `76` is 2076 (fifty years on, not more); httpdate's
        // window makes it 1976 and refuses 2076's day name.
        let in_2076 = "Friday, 01-May-76 11:59:59 GMT";
        assert_eq!(alone(in_2076), None);
        assert_eq!(here(in_2076), Some(at(3_355_559_999)));
        // With 1976's day name httpdate accepts what RFC 9110 reads as 2076.
        assert_eq!(
            alone("Saturday, 01-May-76 11:59:59 GMT"),
            Some(at(199_799_999))
        );
        assert_eq!(here("Saturday, 01-May-76 11:59:59 GMT"), None);
        // Its RFC 850 parser takes any byte for the space after the year.
        let no_space = "Sunday, 06-Nov-94X08:49:37 GMT";
        assert_eq!(alone(no_space), Some(at(784_111_777)));
        assert_eq!(here(no_space), None);

        let leap_second = "Wed, 31 Dec 2008 23:59:60 GMT";
        assert_eq!(alone(leap_second), None);
        assert_eq!(here(leap_second), Some(at(1_230_768_000)));

        let before_1970 = "Wed, 31 Dec 1969 23:59:59 GMT";
        assert_eq!(alone(before_1970), None);
        assert_eq!(
            here(before_1970),
            UNIX_EPOCH.checked_sub(Duration::from_secs(1))
        );

        for spaced in [
            "Sun, 06 Nov 1994 08:49:37 GMT\r\n",
            "\x0cSun, 06 Nov 1994 08:49:37 GMT",
        ] {
            assert_eq!(alone(spaced), Some(at(784_111_777)));
            assert_eq!(here(spaced), None);
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
            b" Sun, 06 Nov 1994 08:49:37 GMT",
            b"Sun, 06 Nov 1994 08:49 GMT",
            b"Sun, 06 Nov 1994 8:49:37 GMT",
            b"Sun, +6 Nov 1994 08:49:37 GMT",
            b"Sun, 06 Nov 1994 08:49:37 GMT\n",
            b"Sunday, 06-Nov-1994 08:49:37 GMT",
            b"Sunday, 6-Nov-94 08:49:37 GMT",
            b"Sunday, 06-November-94 08:49:37 GMT",
            b"Sunday, 06-Nov-+4 08:49:37 GMT",
            b"Sunday, 06-Nov-94-1 08:49:37 GMT",
            b"Sunday, 06-Nov-94 08:49:37 UTC",
            b"Sunday, 06-Nov-94  08:49:37 GMT",
            b"Sunday,06-Nov-94 08:49:37 GMT",
            b"Sunday, 06-Nov-94",
            b"Sun, 06-Nov-94 08:49:37 GMT",
            b"Sun Nov  6 08:49:37 94",
            b"Sun Nov 6 08:49:37 1994",
            b"Sun Nov  6 08:49:37 1994 GMT",
            b"Funday, 06-Nov-94 08:49:37 GMT",
            b"Sun, 06 Nov 1994 08:60:37 GMT",
            b"Sun, 06 Nov 1994 08:49:60:GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT\u{e9}".as_bytes(),
            "Sunday, 06-Nov-\u{e9}4 08:49:37 GMT".as_bytes(),
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
