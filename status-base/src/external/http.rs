//! Feature `http`: conversions with `http::StatusCode` 1.x.
//!
//! Every code of the registry is within 100–999, which `http` accepts, so
//! converting to `http` is lossless; converting back fails only for numbers the
//! registry does not list.

/// Converts a registry code to `http`'s type. Every spec code is in 100–999
/// (the spec checks enforce it), which is exactly the range `http` accepts.
#[doc(hidden)]
#[must_use]
pub fn to_http(code: u16) -> ::http::StatusCode {
    ::http::StatusCode::from_u16(code).unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
}

impl crate::ErrorResponse {
    /// The response as an `http::Response` with a `String` body: hyper, tower
    /// and axum accept it (`Full::new(body.into())` for hyper's `Full<Bytes>`).
    #[must_use]
    pub fn into_http(self) -> ::http::Response<alloc::string::String> {
        let content_type = self.content_type();
        let mut response = ::http::Response::new(self.body.unwrap_or_default());
        *response.status_mut() = to_http(self.status.as_u16());
        let header_map = response.headers_mut();
        if let Some(content_type) = content_type {
            header_map.insert(
                ::http::header::CONTENT_TYPE,
                ::http::HeaderValue::from_static(content_type),
            );
        }
        append_headers(header_map, self.headers);
        response
    }
}

/// The `http::Response` of a derived error's own (not transparent) variant:
/// status, `Content-Type` when the status allows content, the variant's
/// headers (`append`, in the order `Headers` would hold them), then
/// `Cache-Control: no-store` by the rule `ErrorResponse` follows, and the
/// body written in one pass (`crate::render`). The result is
/// `error_response().into_http()` byte for byte (`tests/http_response.rs`).
#[doc(hidden)]
pub fn derived_http_response<E: crate::HttpError + ?Sized>(
    error: &E,
    append: fn(&E, &mut ::http::HeaderMap),
) -> ::http::Response<alloc::string::String> {
    let status = crate::error::log_answer(error);
    let allows_body = status.allows_body();
    let body = if allows_body {
        crate::render::default_problem_json(error)
    } else {
        alloc::string::String::new()
    };
    let mut response = ::http::Response::new(body);
    *response.status_mut() = to_http(status.as_u16());
    let headers = response.headers_mut();
    if allows_body {
        headers.insert(
            ::http::header::CONTENT_TYPE,
            const { ::http::HeaderValue::from_static(crate::PROBLEM_JSON) },
        );
    }
    append(error, headers);
    if !crate::error::may_be_stored(error, status)
        && !headers.contains_key(::http::header::CACHE_CONTROL)
    {
        headers.append(
            ::http::header::CACHE_CONTROL,
            const { ::http::HeaderValue::from_static(crate::error::NO_STORE) },
        );
    }
    response
}

/// The headers of a variant that has none, for `derived_http_response`: one
/// function per error type rather than a closure per variant.
#[doc(hidden)]
pub fn no_http_headers<E: ?Sized>(_error: &E, _headers: &mut ::http::HeaderMap) {}

/// Appends validated `Headers` to an `http` header map without copying a
/// value: a borrowed one is shared as static bytes, an owned one hands over
/// its buffer. (`http` checks each again; its rules are looser than ours.)
#[doc(hidden)]
pub fn append_headers(map: &mut ::http::HeaderMap, headers: crate::Headers) {
    headers.convert_each(
        |name| ::http::HeaderName::try_from(name).ok(),
        |value| {
            match value {
                alloc::borrow::Cow::Borrowed(text) => ::http::HeaderValue::from_maybe_shared(
                    ::bytes::Bytes::from_static(text.as_bytes()),
                ),
                alloc::borrow::Cow::Owned(text) => ::http::HeaderValue::try_from(text),
            }
            .ok()
        },
        |name, value| {
            map.append(name, value);
        },
    );
}

/// The items it is given, with feature `http`; nothing without it. The
/// derive wraps its `to_http_response` in it (see `derived_http_response`).
#[doc(hidden)]
#[macro_export]
macro_rules! __with_http {
    ($($item:tt)*) => {
        $($item)*
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __impl_status_http {
    ($ty:ident) => {
        #[automatically_derived]
        impl ::core::convert::From<$ty> for $crate::__private_0_1_0::http::StatusCode {
            fn from(status: $ty) -> Self {
                $crate::__private_0_1_0::to_http(status.as_u16())
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<$crate::__private_0_1_0::http::StatusCode> for $ty {
            type Error = $crate::InvalidStatusCode;

            fn try_from(
                status: $crate::__private_0_1_0::http::StatusCode,
            ) -> ::core::result::Result<Self, Self::Error> {
                Self::from_u16(status.as_u16())
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<$crate::__private_0_1_0::http::StatusCode> for $ty {
            fn eq(&self, other: &$crate::__private_0_1_0::http::StatusCode) -> bool {
                self.as_u16() == other.as_u16()
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::StatusCode;

    #[test]
    fn converts_every_code_both_ways() {
        for &status in StatusCode::ALL {
            let theirs = ::http::StatusCode::from(status);
            assert_eq!(theirs.as_u16(), status.as_u16());
            assert_eq!(StatusCode::try_from(theirs), Ok(status));
            assert!(status == theirs);
        }
    }

    #[test]
    fn codes_unknown_to_the_registry_are_an_error() {
        let theirs = ::http::StatusCode::from_u16(299).expect("http accepts 299");
        let error = StatusCode::try_from(theirs).expect_err("299 is not registered");
        assert_eq!(error.code(), Some(299));
    }
}
