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

/// The body `error.problem().to_json()` gives for an error whose `problem`
/// is the trait's default.
pub(crate) fn default_problem_json<E: HttpError + ?Sized>(error: &E) -> String {
    let status = error.status();
    let mut problem = ProblemDetails::new(status, error.code()).with_type(error.type_uri());
    error.extend_problem(&mut problem);
    let mut out = String::with_capacity(
        SPARE + problem.type_uri.len() + problem.title.len() + problem.code.len(),
    );
    problem.write_json_head(&mut out);
    out.push_str(",\"detail\":\"");
    // Writing to a String cannot fail; a `Display` impl that reports an
    // error leaves what it wrote so far, where `to_string` would panic.
    let _ = write!(JsonEscaped(&mut out), "{}", ClientDetail::of(error));
    out.push('"');
    problem.write_json_tail(&mut out);
    out
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
