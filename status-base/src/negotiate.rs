//! Choosing a problem's format from the request's `Accept` field: JSON
//! (RFC 9457, Section 3) or XML (Appendix B).
//!
//! The framework integrations call this where they see the request (the
//! axum `ProblemLayer`, the actix-web `Problems` middleware and the poem
//! `Problems` middleware); another server calls [`ProblemFormat::from_accept`]
//! and renders with [`ErrorResponse::from_error_as`](crate::ErrorResponse::from_error_as).
//!
//! The rule (RFC 9110, Section 12.5.1):
//!
//! - each format takes the weight of the most specific media range that
//!   matches it: `application/problem+xml` (or `+json`), then
//!   `application/*`, then `*/*`; parameters other than `q` do not change
//!   the match. The plain `application/xml` does not count: browsers send
//!   `application/xml;q=0.9, */*;q=0.8`, and a person reading an error in a
//!   browser is better served by the JSON every other client gets;
//! - XML is chosen only when its weight is higher than JSON's; a tie, a
//!   field that lists neither, no field at all and a field that cannot be
//!   read all give JSON, which RFC 9457 Section 3 lets a server send
//!   whatever the client asked for;
//! - a range with an unreadable weight (`q=high`, `q=2`) is skipped, as if
//!   the client had not sent it.
//!
//! Hand-written rather than a dependency: the crates that parse `Accept`
//! (`headers-accept`, on `headers` and `mediatype`, which the demo uses for
//! its own routes) answer "which of these media types" for any list, built
//! on `http` and `std`, where the question here is one comparison between
//! two fixed types, asked in a crate that builds without `std` and must
//! answer for a server that has no `http` types. The whole rule is
//! [`ProblemFormat::from_accept`] and the few lines it calls.

/// The format of a problem body.
///
/// ```
/// use status_core::ProblemFormat;
///
/// let accept = "text/html, application/problem+xml;q=0.9, */*;q=0.1";
/// assert_eq!(ProblemFormat::from_accept([accept.as_bytes()]), ProblemFormat::Xml);
/// assert_eq!(ProblemFormat::from_accept(["*/*".as_bytes()]), ProblemFormat::Json);
/// assert_eq!(ProblemFormat::from_accept(std::iter::empty::<&[u8]>()), ProblemFormat::Json);
/// assert_eq!(ProblemFormat::Xml.media_type(), "application/problem+xml");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ProblemFormat {
    /// `application/problem+json` (RFC 9457, Section 3): the default.
    #[default]
    Json,
    /// `application/problem+xml` (RFC 9457, Appendix B).
    Xml,
}

impl ProblemFormat {
    /// The media type of a body in this format.
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            ProblemFormat::Json => crate::PROBLEM_JSON,
            ProblemFormat::Xml => crate::PROBLEM_XML,
        }
    }

    /// The format that the request's `Accept` field lines prefer; pass every
    /// line of the field (a request may split it). See the
    /// [module documentation](crate::negotiate) for the rule.
    pub fn from_accept<'a, I>(lines: I) -> Self
    where
        I: IntoIterator<Item = &'a [u8]>,
    {
        // Weight in thousandths, and how specific the range that gave it is.
        let mut json = (0_u16, 0_u8);
        let mut xml = (0_u16, 0_u8);
        for line in lines {
            for range in line.split(|&byte| byte == b',') {
                let Some((media, weight)) = parse_range(range) else {
                    continue;
                };
                for (format, best) in [
                    (ProblemFormat::Json, &mut json),
                    (ProblemFormat::Xml, &mut xml),
                ] {
                    let specificity = format.specificity(media);
                    if specificity > best.1 {
                        *best = (weight, specificity);
                    }
                }
            }
        }
        if xml.0 > json.0 {
            ProblemFormat::Xml
        } else {
            ProblemFormat::Json
        }
    }

    /// How specifically `media` (a lowercase `type/subtype`) names this
    /// format: 0 when it does not match it.
    fn specificity(self, media: &[u8]) -> u8 {
        let exact: &[u8] = match self {
            ProblemFormat::Json => b"application/problem+json",
            ProblemFormat::Xml => b"application/problem+xml",
        };
        if media == exact {
            3
        } else if media == b"application/*" {
            2
        } else {
            u8::from(media == b"*/*")
        }
    }
}

/// One media range of `Accept`: its `type/subtype` lowercased into a fixed
/// buffer (longer ones match nothing here) and its weight in thousandths;
/// `None` for an empty element or an unreadable weight.
fn parse_range(range: &[u8]) -> Option<(&'static [u8], u16)> {
    let mut parts = range.split(|&byte| byte == b';');
    let media = trim(parts.next()?);
    if media.is_empty() {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let Some(equals) = parameter.iter().position(|&byte| byte == b'=') else {
            continue;
        };
        let (name, value) = (trim(&parameter[..equals]), trim(&parameter[equals + 1..]));
        if name.eq_ignore_ascii_case(b"q") {
            weight = parse_weight(value)?;
        }
    }
    known_media(media).map(|media| (media, weight))
}

/// `media`, compared without case, as one of the ranges that can match a
/// problem format; `None` for any other range, which matches neither.
fn known_media(media: &[u8]) -> Option<&'static [u8]> {
    const KNOWN: [&[u8]; 4] = [
        b"application/problem+json",
        b"application/problem+xml",
        b"application/*",
        b"*/*",
    ];
    KNOWN
        .into_iter()
        .find(|known| known.eq_ignore_ascii_case(media))
}

/// A `qvalue` (RFC 9110, Section 12.4.2) in thousandths: `0`, `0.5`, `1`,
/// `1.000`; `None` for anything else.
fn parse_weight(value: &[u8]) -> Option<u16> {
    let (whole, fraction) = match value.iter().position(|&byte| byte == b'.') {
        Some(dot) => (&value[..dot], &value[dot + 1..]),
        None => (value, &b""[..]),
    };
    if fraction.len() > 3 || !fraction.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut thousandths = 0_u16;
    for (index, &digit) in fraction.iter().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][index];
    }
    match whole {
        b"0" => Some(thousandths),
        b"1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// The format the request being handled prefers, for a derived error's
/// axum `IntoResponse`, which does not see the request. `ProblemLayer` sets
/// it around each poll of the handler when the request prefers XML, so the
/// error renders itself as XML at once: the JSON path, which nearly every
/// request takes, then builds nothing it might need for a second rendering.
/// A thread-local scoped to one poll (a future polled on another thread sees
/// that thread's value, JSON), restored on the way out, panics included.
/// The actix-web `Problems` middleware does the same around its service's
/// future.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod wanted {
    use core::cell::Cell;

    use super::ProblemFormat;

    std::thread_local! {
        static WANTED: Cell<ProblemFormat> = const { Cell::new(ProblemFormat::Json) };
    }

    /// What the request being polled on this thread prefers; JSON outside
    /// a `ProblemLayer`.
    pub(crate) fn format() -> ProblemFormat {
        WANTED.with(Cell::get)
    }

    /// Makes `format` the preferred format until the guard is dropped, which
    /// brings back the one before. Out of line and not generic: the layer
    /// calls it only for a request that prefers XML, and keeps the code of
    /// its JSON path (nearly every request's) one poll of its inner future.
    #[inline(never)]
    #[must_use = "the preference lasts until the guard is dropped"]
    pub(crate) fn prefer(format: ProblemFormat) -> Restore {
        Restore(WANTED.with(|wanted| wanted.replace(format)))
    }

    /// What [`prefer`] replaced, put back when dropped (after a panic too).
    pub(crate) struct Restore(ProblemFormat);

    impl Drop for Restore {
        fn drop(&mut self) {
            WANTED.with(|wanted| wanted.set(self.0));
        }
    }
}

/// The problem a framework adapter rendered as JSON, kept in the response's
/// extensions so that the layer or middleware that sees the request can
/// render it again in the format the request prefers.
#[cfg(feature = "poem")]
#[derive(Clone, Debug)]
pub(crate) struct Negotiable(pub(crate) crate::ProblemDetails);

/// The problem type a response's `Content-Type` names already, for the
/// middlewares that turn every error response into a problem (axum's
/// `ProblemLayer`, actix-web's and poem's `Problems`).
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProblemType {
    /// `application/problem+json`: a derived error's, or a handler's own.
    Json,
    /// Another `application/problem+` type, such as `application/problem+xml`.
    Other,
}

/// Which problem type a `Content-Type` value starts with, in any case, if
/// it starts with `application/problem+`: such a response is a problem
/// already, and passes through a middleware unrewritten.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(crate) fn problem_type(content_type: &[u8]) -> Option<ProblemType> {
    const PREFIX: &[u8] = b"application/problem+";
    let (start, suffix) = content_type.split_at_checked(PREFIX.len())?;
    if !start.eq_ignore_ascii_case(PREFIX) {
        return None;
    }
    let json = suffix
        .get(..4)
        .is_some_and(|start| start.eq_ignore_ascii_case(b"json"));
    Some(if json {
        ProblemType::Json
    } else {
        ProblemType::Other
    })
}

/// Whether an `Accept` field line has neither an `x` nor a `q` in it: when
/// every line of a request's field is such a line (`*/*`, `application/json`,
/// as nearly every request's is) or there is none, JSON is preferred, and the
/// field need not be parsed. Without a `q` every range weighs 1, and without
/// an `x` none names XML, so the most XML can get is a wildcard's weight,
/// which JSON gets too: a tie, JSON. (An `x` alone would not do:
/// `application/problem+json;q=0, */*` gives XML.)
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
#[inline]
pub(crate) fn leaves_json(line: &[u8]) -> bool {
    // Counted, not searched: no early exit, so the loop vectorises.
    line.iter().fold(0_usize, |found, &byte| {
        found + usize::from(matches!(byte | 0x20, b'x' | b'q'))
    }) == 0
}

/// The format a request's `Accept` prefers, from `lines`, which gives the
/// field's lines afresh each time it is called (`http`'s iterator cannot be
/// cloned): [`leaves_json`] decides nearly every request,
/// [`ProblemFormat::from_accept`] the rest.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
#[inline]
pub(crate) fn preferred_format<'a, I>(lines: impl Fn() -> I) -> ProblemFormat
where
    I: Iterator<Item = &'a [u8]>,
{
    if lines().all(leaves_json) {
        ProblemFormat::Json
    } else {
        ProblemFormat::from_accept(lines())
    }
}

/// [`preferred_format`] of an `http` request's headers (axum and poem share
/// `http`'s header map; actix has its own).
///
/// Out of line: inlined, it left `http`'s value iterator out of line
/// instead, 10 instructions a request dearer in the axum layer and 23 in
/// poem's `Problems` (`scripts/hook-instructions.sh`).
#[cfg(any(feature = "axum", feature = "poem"))]
#[inline(never)]
pub(crate) fn format_of(headers: &http::HeaderMap) -> ProblemFormat {
    // The header name borrowed rather than passed by value, which would
    // drop it again: 27 instructions a request fewer in the axum layer.
    let lines = headers.get_all(&http::header::ACCEPT);
    preferred_format(|| lines.iter().map(http::HeaderValue::as_bytes))
}

/// [`problem_type`] of an `http` response's `Content-Type` (axum and poem
/// share `http`'s header map; actix has its own).
#[cfg(any(feature = "axum", feature = "poem"))]
pub(crate) fn problem_type_of(headers: &http::HeaderMap) -> Option<ProblemType> {
    problem_type(headers.get(http::header::CONTENT_TYPE)?.as_bytes())
}

/// Whether the `Vary` field lines already name `Accept` (or `*`), so that a
/// negotiated response need not add it again.
#[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
pub(crate) fn varies_on_accept<'a>(lines: impl IntoIterator<Item = &'a [u8]>) -> bool {
    lines.into_iter().any(|line| {
        line.split(|&byte| byte == b',').any(|name| {
            let name = trim(name);
            name == b"*" || name.eq_ignore_ascii_case(b"accept")
        })
    })
}

/// Adds `Accept` to an `http` response's `Vary`, unless it is there already
/// (axum and poem share `http`'s header map; actix has its own).
#[cfg(any(feature = "axum", feature = "poem"))]
pub(crate) fn vary_on_accept(headers: &mut http::HeaderMap) {
    let varies = varies_on_accept(
        headers
            .get_all(http::header::VARY)
            .iter()
            .map(http::HeaderValue::as_bytes),
    );
    if !varies {
        headers.append(http::header::VARY, http::HeaderValue::from_static("Accept"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(accept: &str) -> ProblemFormat {
        ProblemFormat::from_accept([accept.as_bytes()])
    }

    /// The shortcut never disagrees with the rule: lines it all passes as
    /// JSON give JSON, alone and together.
    #[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
    #[test]
    fn lines_left_at_json_are_json_by_the_rule_too() {
        let lines: [&[u8]; 12] = [
            b"*/*",
            b"application/json",
            b"application/*",
            b"text/html, */*",
            b"application/problem+json",
            b"",
            b"application/problem+json;q=0, */*",
            b"application/problem+xml",
            b"APPLICATION/PROBLEM+XML",
            b"*/*;q=0.1, application/problem+xml",
            b"application/problem+json;Q=0.5, application/*",
            b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        ];
        let left: alloc::vec::Vec<&[u8]> =
            lines.into_iter().filter(|line| leaves_json(line)).collect();
        // `text/html` has an `x`: that line is parsed.
        assert_eq!(left.len(), 5, "{left:?}");
        for line in &left {
            for other in &left {
                assert_eq!(
                    ProblemFormat::from_accept([*line, *other]),
                    ProblemFormat::Json,
                    "{:?} beside {:?}",
                    core::str::from_utf8(line),
                    core::str::from_utf8(other),
                );
            }
        }
        // The shortcut and the parse agree on every pair of lines.
        for line in lines {
            for other in lines {
                assert_eq!(
                    preferred_format(|| [line, other].into_iter()),
                    ProblemFormat::from_accept([line, other]),
                    "{:?} beside {:?}",
                    core::str::from_utf8(line),
                    core::str::from_utf8(other),
                );
            }
        }
        assert!(leaves_json(b"*/*") && leaves_json(b"application/json"));
        // A weight can make JSON lose to a wildcard: parsed.
        assert!(!leaves_json(b"application/problem+json;q=0, */*"));
        assert_eq!(
            ProblemFormat::from_accept([b"application/problem+json;q=0, */*".as_slice()]),
            ProblemFormat::Xml
        );
    }

    #[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
    #[test]
    fn problem_types_are_recognised_whatever_their_case() {
        for (value, expected) in [
            ("application/problem+json", Some(ProblemType::Json)),
            (
                "Application/Problem+JSON; charset=utf-8",
                Some(ProblemType::Json),
            ),
            ("application/problem+xml", Some(ProblemType::Other)),
            ("APPLICATION/PROBLEM+XML", Some(ProblemType::Other)),
            ("application/problem+", Some(ProblemType::Other)),
            ("application/json", None),
            ("text/plain", None),
            ("application/prob", None),
            ("application/problemjson", None),
            ("", None),
        ] {
            assert_eq!(problem_type(value.as_bytes()), expected, "{value}");
        }
    }

    #[test]
    fn xml_only_when_it_weighs_more_than_json() {
        use ProblemFormat::{Json, Xml};
        for (accept, expected) in [
            ("", Json),
            ("application/problem+xml", Xml),
            ("Application/Problem+XML; charset=utf-8", Xml),
            ("application/xml", Json),
            ("text/xml", Json),
            // Firefox's and Chrome's navigation Accept.
            (
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                Json,
            ),
            ("application/problem+json", Json),
            ("application/json", Json),
            ("*/*", Json),
            ("application/*", Json),
            ("text/html", Json),
            ("application/problem+json, application/problem+xml", Json),
            (
                "application/problem+json;q=0.5, application/problem+xml",
                Xml,
            ),
            (
                "application/problem+xml;q=0.5, application/problem+json",
                Json,
            ),
            ("application/problem+xml, */*;q=0.1", Xml),
            ("application/problem+xml;q=0.1, */*", Json),
            ("application/problem+xml;q=0.9, application/*;q=0.2", Xml),
            ("application/*;q=0.2, */*", Json),
            // The most specific range decides: */* does not lift a refused type.
            ("application/problem+xml;q=0, */*", Json),
            ("application/problem+json;q=0, */*", Xml),
            (
                "application/problem+json;q=0, application/problem+xml;q=0.001",
                Xml,
            ),
            // Unreadable weights drop the range.
            ("application/problem+xml;q=2", Json),
            ("application/problem+xml;q=high", Json),
            ("application/problem+xml;q=0.1234", Json),
            (
                "application/problem+xml ; Q = 0.8 , application/*;q=0.7",
                Xml,
            ),
            ("application/problem+xml;qs=0.1;level=1, */*;q=0.7", Xml),
            (",,, ;q=1, application/problem+xml", Xml),
        ] {
            assert_eq!(format(accept), expected, "{accept:?}");
        }
    }

    #[test]
    fn every_line_of_the_field_counts() {
        let lines: [&[u8]; 2] = [
            b"application/problem+json;q=0.4",
            b"application/problem+xml",
        ];
        assert_eq!(ProblemFormat::from_accept(lines), ProblemFormat::Xml);
        let lines: [&[u8]; 2] = [b"\xff\xfe", b"application/problem+xml"];
        assert_eq!(ProblemFormat::from_accept(lines), ProblemFormat::Xml);
    }

    #[test]
    fn weights_are_rfc_9110_qvalues() {
        for (text, weight) in [
            ("0", Some(0)),
            ("0.", Some(0)),
            ("0.5", Some(500)),
            ("0.125", Some(125)),
            ("1", Some(1000)),
            ("1.000", Some(1000)),
            ("1.001", None),
            ("2", None),
            ("", None),
            (".5", None),
            ("0.5x", None),
        ] {
            assert_eq!(parse_weight(text.as_bytes()), weight, "{text:?}");
        }
    }

    #[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
    #[test]
    fn vary_is_recognised_in_any_line_and_case() {
        assert!(!varies_on_accept([]));
        assert!(!varies_on_accept([&b"Origin"[..]]));
        assert!(varies_on_accept([&b"Origin"[..], &b"origin, ACCEPT"[..]]));
        assert!(varies_on_accept([&b"*"[..]]));
        assert!(!varies_on_accept([&b"Accept-Encoding"[..]]));
    }
}
