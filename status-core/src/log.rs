//! What the error path logs. With feature `tracing` these are `tracing`
//! events; without it they compile to nothing.

use crate::StatusCode;

/// A 5xx error: its whole source chain, which the client never sees.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn server_error<E: core::error::Error + ?Sized>(status: StatusCode, error: &E) {
    #[cfg(feature = "tracing")]
    tracing::error!(status = status.as_u16(), error = %Chain(error), "server error response");
}

/// A header value that was refused instead of sent.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn dropped_header(problem: &crate::InvalidHeader) {
    #[cfg(feature = "tracing")]
    tracing::warn!(header = problem.name(), reason = %problem, "dropped an invalid response header");
}

/// Displays an error and each of its sources: `outer: inner: root`.
#[cfg(feature = "tracing")]
struct Chain<'a, E: ?Sized>(&'a E);

#[cfg(feature = "tracing")]
impl<E: core::error::Error + ?Sized> core::fmt::Display for Chain<'_, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(error) = source {
            write!(f, ": {error}")?;
            source = error.source();
        }
        Ok(())
    }
}

/// A header that `http` refused even after validation.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
#[cfg(feature = "http")]
pub(crate) fn dropped_header_name(name: &str) {
    #[cfg(feature = "tracing")]
    tracing::warn!(header = name, "dropped a response header that http refused");
}

/// An extension member that was refused instead of sent.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn dropped_member(name: &str, reason: &dyn core::fmt::Display) {
    #[cfg(feature = "tracing")]
    tracing::warn!(member = name, reason = %reason, "dropped a problem member");
}
