//! The method and path of a request, kept by `ProblemLayer` for the detail
//! of a bare 404 or 405 (`no route for /items/7`).
//!
//! Every request pays for keeping them, and nearly every request succeeds,
//! so keeping them has to cost less than the layer's budget on a success
//! (issue #15: a 200 through the layer at most 1.02 of the bare router).
//! Cloning the `Uri` is not that cheap: its bytes are shared by reference
//! count (an atomic increment, a decrement and two calls through a vtable),
//! and a URI parsed from a string holds a `Vec` that its first clone moves
//! into a new allocation. A short path is copied instead, a few stores on
//! the stack; only a path longer than [`INLINE`] bytes shares the URI's.

use http::Method;
use http::uri::PathAndQuery;

/// The longest path kept inline. With the length byte the copy is 64 bytes,
/// one cache line, and covers the paths of nearly every API.
const INLINE: usize = 63;

/// A request's method and path (without its query).
#[derive(Debug)]
pub(super) struct RequestLine {
    method: Method,
    path: Path,
}

#[derive(Debug)]
enum Path {
    Inline { len: u8, bytes: [u8; INLINE] },
    Shared(PathAndQuery),
}

impl RequestLine {
    /// Inlined into `ProblemService::call`, so that the line is built in
    /// the response future rather than returned through a frame of its own.
    #[inline]
    pub(super) fn of<B>(request: &http::Request<B>) -> Self {
        let uri = request.uri();
        let path = uri.path();
        let path = match u8::try_from(path.len()) {
            Ok(len) if path.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..path.len()].copy_from_slice(path.as_bytes());
                Path::Inline { len, bytes }
            }
            _ => uri.path_and_query().map_or_else(
                || Path::Shared(PathAndQuery::from_static("/")),
                |path| Path::Shared(path.clone()),
            ),
        };
        RequestLine {
            method: request.method().clone(),
            path,
        }
    }

    pub(super) fn method(&self) -> &str {
        self.method.as_str()
    }

    pub(super) fn path(&self) -> &str {
        match &self.path {
            // Copied from a `&str` whole, so always UTF-8.
            Path::Inline { len, bytes } => {
                core::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or("/")
            }
            Path::Shared(path) => path.path(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(method: Method, uri: &str) -> RequestLine {
        let request = http::Request::builder()
            .method(method)
            .uri(uri)
            .body(())
            .unwrap_or_default();
        RequestLine::of(&request)
    }

    #[test]
    fn short_and_long_paths_are_kept_without_their_query() {
        let short = line(Method::DELETE, "/items/7?force=yes");
        assert_eq!((short.method(), short.path()), ("DELETE", "/items/7"));
        assert!(matches!(short.path, Path::Inline { .. }));

        let long_path = std::format!("/{}", "a".repeat(INLINE));
        let long = line(Method::GET, &std::format!("{long_path}?q=1"));
        assert_eq!(long.path(), long_path);
        assert!(matches!(long.path, Path::Shared(_)));

        let exact = std::format!("/{}", "b".repeat(INLINE - 1));
        assert_eq!(line(Method::GET, &exact).path(), exact);
        let absolute = line(Method::GET, "http://example.com/a%20b/x?y");
        assert_eq!(absolute.path(), "/a%20b/x");
    }

    #[test]
    fn an_extension_method_is_kept() {
        let method = Method::from_bytes(b"PURGE").unwrap_or_default();
        assert_eq!(line(method, "/").method(), "PURGE");
    }
}
