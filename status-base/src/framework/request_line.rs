//! The method and path of a request, kept by every framework hook (axum's
//! `ProblemLayer`, actix-web's and poem's `Problems`) for the detail of a
//! bare 404 or 405 (`no route for /items/7`).
//!
//! Every request pays for keeping them, and nearly every request succeeds,
//! so keeping them has to cost less than the hook's budget on a success
//! (issue #15: a 200 through the layer at most 1.02 of the bare router).
//! What they cost is mostly their place in the response future, which is
//! moved and dropped with it: a clone of the `Method` with a copied path or,
//! for a long one, the URI's shared bytes (an enum with drop glue, 96 bytes)
//! cost 0.03 of the bare router's time even for a short path
//! (`benches/benches/layer.rs`). actix-web's and poem's hooks kept a clone
//! of the `Method` and the `Uri` until they took this too.
//!
//! So the line is plain bytes, with nothing to drop: the method's name and
//! the start of the path, copied. A detail shows no more than
//! [`SHOWN_METHOD`] and [`SHOWN_PATH`] bytes of them (`framework.rs`), so a
//! few bytes more than that is all there is to keep: enough that a path
//! which goes on is still longer than what a detail shows once an incomplete
//! character at the end is dropped, and the detail marks it as cut.

use crate::framework::{SHOWN_METHOD, SHOWN_PATH};

/// The longest UTF-8 character, less one: what dropping an incomplete
/// character at the end of a copied prefix can take away.
const SLACK: usize = 3;
const KEPT_METHOD: usize = SHOWN_METHOD + 1 + SLACK;
const KEPT_PATH: usize = SHOWN_PATH + 1 + SLACK;

/// A request's method and path (without its query), each cut after a few
/// bytes more than a detail shows of it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RequestLine {
    /// The method's bytes, then the path's.
    bytes: [u8; KEPT_METHOD + KEPT_PATH],
    method_len: u8,
    path_len: u8,
}

impl RequestLine {
    /// Inlined into each hook's `call`, so that the line is built in the
    /// response future rather than returned through a frame of its own.
    /// `path` is the URI's path, without its query.
    #[inline]
    pub(crate) fn of(method: &str, path: &str) -> Self {
        let method = method.as_bytes();
        let method = method.get(..KEPT_METHOD).unwrap_or(method);
        let path = path.as_bytes();
        let path = path.get(..KEPT_PATH).unwrap_or(path);
        let mut line = RequestLine {
            bytes: [0; KEPT_METHOD + KEPT_PATH],
            // Both at most `KEPT_PATH`, well under 256.
            method_len: u8::try_from(method.len()).unwrap_or(0),
            path_len: u8::try_from(path.len()).unwrap_or(0),
        };
        let (method_part, path_part) = line.bytes.split_at_mut(KEPT_METHOD);
        if let Some(slot) = method_part.get_mut(..method.len()) {
            slot.copy_from_slice(method);
        }
        if let Some(slot) = path_part.get_mut(..path.len()) {
            slot.copy_from_slice(path);
        }
        line
    }

    pub(crate) fn method(&self) -> &str {
        let (method, _) = self.bytes.split_at(KEPT_METHOD);
        text(method, self.method_len)
    }

    pub(crate) fn path(&self) -> &str {
        let (_, path) = self.bytes.split_at(KEPT_METHOD);
        text(path, self.path_len)
    }
}

/// The first `len` bytes of `bytes` as text, without the incomplete
/// character a cut may have left at the end (they were copied from a `&str`).
fn text(bytes: &[u8], len: u8) -> &str {
    let bytes = bytes.get(..usize::from(len)).unwrap_or_default();
    match core::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => bytes
            .get(..error.valid_up_to())
            .and_then(|valid| core::str::from_utf8(valid).ok())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_path_is_kept_whole() {
        let short = RequestLine::of("DELETE", "/items/7");
        assert_eq!((short.method(), short.path()), ("DELETE", "/items/7"));
        let exact = std::format!("/{}", "b".repeat(KEPT_PATH - 1));
        assert_eq!(RequestLine::of("GET", &exact).path(), exact);
    }

    #[test]
    fn a_long_path_keeps_more_than_a_detail_shows() {
        let long = std::format!("/{}", "a".repeat(60 * 1024));
        let kept = RequestLine::of("GET", &long);
        assert_eq!(kept.path(), &long[..KEPT_PATH]);
        // A multi-byte character cut in two is left out, and what is left is
        // still longer than a detail shows: the detail says it is cut.
        let accented = std::format!("/{}", "é".repeat(KEPT_PATH));
        let kept = RequestLine::of("GET", &accented);
        assert!(accented.starts_with(kept.path()));
        assert!(kept.path().len() > SHOWN_PATH, "{}", kept.path());
    }

    #[test]
    fn an_extension_method_is_kept_and_a_long_one_cut() {
        assert_eq!(RequestLine::of("PURGE", "/").method(), "PURGE");
        let long = "X".repeat(100);
        assert_eq!(RequestLine::of(&long, "/").method(), &long[..KEPT_METHOD]);
    }
}
