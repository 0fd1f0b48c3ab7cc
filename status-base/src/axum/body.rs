//! A request body that gives up when the client stops sending.
//!
//! Hand-written rather than tower-http's `TimeoutBody`: that one is an idle
//! timeout, reset by every frame, so a client that sends one byte just
//! before each deadline holds the connection for as long as it likes. This
//! one is a deadline for the whole body, started the first time reading it
//! has to wait, so a body that has already arrived never arms a timer.

use core::pin::Pin;
use core::task::{Context, Poll, ready};
use core::time::Duration;
use std::boxed::Box;

use axum_core::BoxError;
use http_body::{Body, Frame, SizeHint};
use tokio::time::Sleep;

use crate::framework::BodyWait;

pin_project_lite::pin_project! {
    /// `inner`, failing with [`BodyTimeoutError`] once `timeout` has passed
    /// since it first returned `Pending`.
    pub(crate) struct TimeoutBody<B> {
        #[pin]
        inner: B,
        #[pin]
        deadline: Option<Sleep>,
        timeout: Duration,
        wait: Option<BodyWait>,
    }
}

impl<B> TimeoutBody<B> {
    /// `wait`, if any, learns at each read whether it had to wait.
    pub(crate) fn new(inner: B, timeout: Duration, wait: Option<BodyWait>) -> Self {
        TimeoutBody {
            inner,
            deadline: None,
            timeout,
            wait,
        }
    }
}

impl<B> Body for TimeoutBody<B>
where
    B: Body,
    B::Error: Into<BoxError>,
{
    type Data = B::Data;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let mut this = self.project();
        let polled = this.inner.poll_frame(cx);
        if let Some(wait) = this.wait {
            wait.set(polled.is_pending());
        }
        if let Poll::Ready(frame) = polled {
            return Poll::Ready(frame.map(|frame| frame.map_err(Into::into)));
        }
        if this.deadline.is_none() {
            this.deadline.set(Some(tokio::time::sleep(*this.timeout)));
        }
        if let Some(deadline) = this.deadline.as_pin_mut() {
            ready!(deadline.poll(cx));
        }
        Poll::Ready(Some(Err(Box::new(BodyTimeoutError {
            after: *this.timeout,
        }))))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The error a [`TimeoutBody`] ends with: the extractors answer it with a 408.
#[derive(Debug)]
pub(crate) struct BodyTimeoutError {
    pub(crate) after: Duration,
}

impl core::fmt::Display for BodyTimeoutError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "the request body did not arrive within {:?}", self.after)
    }
}

impl core::error::Error for BodyTimeoutError {}

/// The timeout behind `error`, if a [`TimeoutBody`] is what failed: axum
/// wraps body errors a box or two deep, so the whole source chain is searched.
pub(crate) fn timed_out(error: &(dyn core::error::Error + 'static)) -> Option<Duration> {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(timeout) = error.downcast_ref::<BodyTimeoutError>() {
            return Some(timeout.after);
        }
        current = error.source();
    }
    None
}
