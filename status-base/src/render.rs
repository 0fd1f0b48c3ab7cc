//! The problem+json body of a derived error, written in one pass.
//!
//! [`HttpError::problem`] builds a [`ProblemDetails`] with the `Display` text
//! as an owned `detail`, which [`ProblemDetails::to_json`] then copies into
//! the body: an allocation and a copy the response does not need. A derived
//! error cannot override `problem` (the derive writes the whole impl), so
//! its response skips the intermediate text: the members go straight into
//! one buffer, the `Display` text through an escaping writer. The member
//! order and escapes are [`ProblemDetails::write_json`]'s own (the head and
//! tail are shared), and `tests/http_response.rs` holds both paths to the
//! same bytes.

use alloc::string::String;
use core::fmt::{self, Write as _};

use crate::error::ClientDetail;
use crate::problem::push_json_escaped;
use crate::{HttpError, ProblemDetails};

/// Room for the fixed member names and punctuation, and a typical detail:
/// most bodies then fit without growing.
const SPARE: usize = 128;

/// The largest scratch buffer a thread keeps between bodies; a larger one
/// (a long detail) is let go once its body is copied out.
#[cfg(feature = "std")]
const SCRATCH_KEPT: usize = 4096;

#[cfg(feature = "std")]
std::thread_local! {
    static SCRATCH: core::cell::RefCell<String> = const { core::cell::RefCell::new(String::new()) };
}

/// The body `error.problem().to_json()` gives for an error whose `problem`
/// is the trait's default, in an allocation of exactly its length.
///
/// The exact length matters because every framework turns the body into
/// `Bytes` (axum, poem, actix-web, hyper's `String` body), and `Bytes` takes
/// over a `Vec` whose capacity is its length as it is, but puts one with
/// room to spare behind a second, shared allocation. The length is not known
/// before the `Display` text is written, so with `std` the body is written
/// into a scratch buffer the thread keeps, then copied out once; that copy
/// costs less than the allocation it saves (`benches/benches/response.rs`).
/// Without `std`, or when a `Display` impl writes a problem body itself
/// (the scratch is taken then), it is written into a fresh `String`.
pub(crate) fn default_problem_json<E: HttpError + ?Sized>(error: &E) -> String {
    #[cfg(feature = "std")]
    if let Ok(Some(body)) = SCRATCH.try_with(|scratch| {
        let mut scratch = scratch.try_borrow_mut().ok()?;
        scratch.clear();
        write_problem_json(error, &mut scratch);
        let body = String::from(scratch.as_str());
        if scratch.capacity() > SCRATCH_KEPT {
            *scratch = String::new();
        }
        Some(body)
    }) {
        return body;
    }
    let mut out = String::new();
    write_problem_json(error, &mut out);
    out
}

/// Appends the problem+json body of `error` to `out`.
fn write_problem_json<E: HttpError + ?Sized>(error: &E, out: &mut String) {
    let status = error.status();
    let mut problem = ProblemDetails::new(status, error.code()).with_type(error.type_uri());
    error.extend_problem(&mut problem);
    out.reserve(SPARE + problem.type_uri.len() + problem.title.len() + problem.code.len());
    problem.write_json_head(out);
    out.push_str(",\"detail\":\"");
    // Writing to a String cannot fail; a `Display` impl that reports an
    // error leaves what it wrote so far, where `to_string` would panic.
    let _ = write!(JsonEscaped(out), "{}", ClientDetail::of(error));
    out.push('"');
    problem.write_json_tail(out);
}

/// A `fmt::Write` that escapes what it is given for the inside of a JSON
/// string, so a `Display` text can go straight into a body without a
/// `String` of its own.
struct JsonEscaped<'a>(&'a mut String);

impl fmt::Write for JsonEscaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        push_json_escaped(self.0, text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StatusCode;

    /// A hand-written error whose `Display` is `text`, or, with `nested`,
    /// the body of another error (a `Display` that renders a problem).
    #[derive(Debug)]
    struct Failing {
        text: String,
        nested: bool,
    }

    impl fmt::Display for Failing {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if self.nested {
                let inner = Failing {
                    text: "inner".into(),
                    nested: false,
                };
                f.write_str(&default_problem_json(&inner))
            } else {
                f.write_str(&self.text)
            }
        }
    }

    impl core::error::Error for Failing {}

    impl HttpError for Failing {
        fn status(&self) -> StatusCode {
            StatusCode::Conflict
        }

        fn code(&self) -> &'static str {
            "failing"
        }
    }

    fn failing(text: &str) -> Failing {
        Failing {
            text: text.into(),
            nested: false,
        }
    }

    #[test]
    fn the_body_is_the_problem_json_in_an_allocation_of_its_length() {
        for text in ["short", "a \"quoted\"\ndetail", &"long ".repeat(2000)] {
            let error = failing(text);
            let body = default_problem_json(&error);
            assert_eq!(body, error.problem().to_json());
            assert_eq!(body.capacity(), body.len());
        }
    }

    #[test]
    fn a_long_body_does_not_stay_behind_in_the_scratch_buffer() {
        let _ = default_problem_json(&failing(&"x".repeat(3 * SCRATCH_KEPT)));
        let kept = SCRATCH.with(|scratch| scratch.borrow().capacity());
        assert!(kept <= SCRATCH_KEPT, "{kept}");
        // A short one after it still comes out right.
        let error = failing("after");
        assert_eq!(default_problem_json(&error), error.problem().to_json());
    }

    #[test]
    fn a_display_that_writes_a_problem_body_itself_gets_both_right() {
        let outer = Failing {
            text: String::new(),
            nested: true,
        };
        let body = default_problem_json(&outer);
        assert_eq!(body, outer.problem().to_json());
        let parsed: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        let detail = parsed["detail"].as_str().unwrap_or_default();
        assert!(detail.contains(r#""detail":"inner""#), "{detail}");
    }
}
