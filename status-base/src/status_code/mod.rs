//! The status-code API, written once as ordinary Rust for every enum that
//! `status_codes!` generates (the built-in [`StatusCode`](crate::StatusCode)
//! and any user's own).
//!
//! The proc macro reads and checks the spec and emits only what the spec
//! decides: one call to [`__status_code_enum!`](crate::__status_code_enum)
//! with a header and one row per entry. Everything else (the enum, every
//! method, the trait impls and the per-code types) is written here, the way
//! hyperium/http's `status.rs` expands a table of rows into methods. A flat
//! repetition over the rows, never a recursive muncher: expanding a hundred
//! rows stays cheap.
//!
//! The call looks like this (the spec decides every value; docs abridged):
//!
//! ```text
//! ::status_core::__private_0_1_0::status_code_enum! {
//!     doctests: yes,               // `yes` only for status-core's own StatusCode
//!     extends: [],                 // `[StatusCode]` with `extend_builtin`
//!     codes_module: codes,         // where the per-code types go
//!     /// The enum's docs.
//!     enum StatusCode;
//!     rows: [
//!         /// `413 Content Too Large`: ...            (variant docs from the spec)
//!         #[doc(alias = "413")]
//!         ContentTooLarge = 413 {
//!             attrs: [],                               // `#[deprecated(...)]` when deprecated
//!             class: ClientError,                      // a `StatusClass` variant
//!             phrase: "Content Too Large",
//!             status_line: "413 Content Too Large",
//!             registration: Registered,                // a `Registration` variant
//!             source: "IANA",
//!             reference: "RFC 9110, Section 15.5.14",
//!             description: "...",
//!             no_body: false,
//!             must_headers: [],
//!             should_headers: [],
//!             may_headers: ["Retry-After"],
//!             cacheable: false,
//!             retryable: false,
//!             redirect: false,                        // true on 301, 302, 303, 307, 308
//!             permanent: false,                       // true on 301, 308
//!             keeps_method: false,                    // true on 307, 308
//!             interim: false,                         // must never be a final status
//!             unsatisfied_range: false,               // Content-Range is `bytes */LENGTH`
//!             allow_excludes_method: false,           // Allow must not list the request's method
//!             grpc: None,                             // `Some(NotFound)`: a `GrpcCode` variant
//!             aliases: [
//!                 /// ...                              (alias docs, and `#[deprecated]`)
//!                 PayloadTooLarge {
//!                     phrase: "Payload Too Large",
//!                     source: "IANA",
//!                     reference: Some("RFC 7231, Section 6.5.11"),
//!                     description: None,
//!                 }
//!             ],
//!         }
//!     ]
//! }
//! ```
//!
//! Doc examples: the docs below carry runnable examples that name
//! `status_core::StatusCode`. They are right for the built-in enum only; a
//! user's enum lives in the user's crate (perhaps behind `crate = ...`),
//! where `status_core::StatusCode::NotFound` may not even resolve, so their
//! doctests would fail there. Each example therefore goes through
//! [`__status_doc_example!`](crate::__status_doc_example), which keeps it
//! for `doctests: yes` and drops it for `doctests: no`. The example stays
//! written as `///` lines, so it reads (and is tested) like any other.

mod traits;
mod types;

/// Keeps a doc example for status-core's own enums (`yes`) and drops it
/// for a user's (`no`); see this module's docs. The example is given as
/// `///` lines, which arrive here as `#[doc = "..."]` attributes.
#[doc(hidden)]
#[macro_export]
macro_rules! __status_doc_example {
    (yes, $(#[doc = $line:literal])*) => {
        ::core::concat!("\n# Example\n\n", $($line, "\n",)*)
    };
    (no, $(#[doc = $line:literal])*) => {
        ""
    };
    // The example as one string, for call sites where rustfmt would
    // re-indent `///` lines.
    (yes, $text:literal) => {
        ::core::concat!("\n# Example\n", $text)
    };
    (no, $text:literal) => {
        ""
    };
}

/// The enum, its methods and its impls; called by `status_codes!` with one
/// row per spec entry (see `status-base/src/status_code/mod.rs`).
#[doc(hidden)]
#[macro_export]
macro_rules! __status_code_enum {
    (
        doctests: $doctests:ident,
        extends: [$($builtin:ident)?],
        codes_module: $codes:ident,
        $(#[$enum_attr:meta])*
        enum $name:ident;
        rows: [$(
            $(#[$attr:meta])*
            $variant:ident = $code:literal {
                attrs: [$(#[$row_attr:meta])*],
                class: $class:ident,
                phrase: $phrase:literal,
                status_line: $status_line:literal,
                registration: $registration:ident,
                source: $source:literal,
                reference: $reference:literal,
                description: $description:literal,
                no_body: $no_body:literal,
                must_headers: [$($must:literal),*],
                should_headers: [$($should:literal),*],
                may_headers: [$($may:literal),*],
                cacheable: $cacheable:literal,
                retryable: $retryable:literal,
                redirect: $redirect:literal,
                permanent: $permanent:literal,
                keeps_method: $keeps_method:literal,
                interim: $interim:literal,
                unsatisfied_range: $unsatisfied_range:literal,
                allow_excludes_method: $allow_excludes_method:literal,
                grpc: $grpc:ident $(($grpc_code:ident))?,
                aliases: [$(
                    $(#[$alias_attr:meta])*
                    $alias:ident {
                        phrase: $alias_phrase:literal,
                        source: $alias_source:literal,
                        reference: $alias_reference:ident $(($alias_reference_text:literal))?,
                        description: $alias_description:ident $(($alias_description_text:literal))?,
                    }
                )*],
            }
        )*]
    ) => {
        $(#[$enum_attr])*
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug,
            ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash,
            ::core::cmp::PartialOrd, ::core::cmp::Ord,
        )]
        #[repr(u16)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$attr])*
                $(#[$row_attr])*
                $variant = $code,
            )*
        }

        #[allow(deprecated)]
        impl $name {
            /// Every code in the registry, in ascending order. For iteration;
            /// look codes up with [`Self::from_u16`].
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::ALL.contains(&StatusCode::ImATeapot));
                /// assert!(StatusCode::ALL.windows(2).all(|pair| pair[0] < pair[1]));
                /// ```
            )]
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            $($(
                $(#[$alias_attr])*
                #[allow(non_upper_case_globals)]
                pub const $alias: Self = Self::$variant;
            )*)*

            /// The numeric code.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::NotFound.as_u16(), 404);
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn as_u16(self) -> u16 {
                self as u16
            }

            /// Looks a code up by number. Codes the registry does not list are an `Err`.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::from_u16(404), Ok(StatusCode::NotFound));
                /// assert!(StatusCode::from_u16(299).is_err());
                /// ```
            )]
            ///
            /// # Errors
            ///
            /// [`InvalidStatusCode`]($crate::InvalidStatusCode) when the spec has no entry for `code`.
            #[inline]
            pub const fn from_u16(code: u16) -> ::core::result::Result<Self, $crate::InvalidStatusCode> {
                // A bounds check and one load, where a `match` over every code
                // compiles to a search. `&` promotes the table to a static, so
                // even a debug build does not copy it.
                let by_code: &[::core::result::Result<Self, $crate::InvalidStatusCode>; 1024] =
                    &Self::BY_CODE;
                if code < 1024 {
                    by_code[code as usize]
                } else {
                    ::core::result::Result::Err($crate::__private_0_1_0::unknown_code(code))
                }
            }

            /// `from_u16`'s answer for every number below 1024, errors
            /// included, built from [`Self::ALL`] at compile time. A power of
            /// two long, so the range check is the bounds check.
            const BY_CODE: [::core::result::Result<Self, $crate::InvalidStatusCode>; 1024] = {
                let mut table = [::core::result::Result::Err($crate::__private_0_1_0::unknown_code(0)); 1024];
                let mut code = 0;
                while code < 1024 {
                    table[code as usize] =
                        ::core::result::Result::Err($crate::__private_0_1_0::unknown_code(code));
                    code += 1;
                }
                let mut position = 0;
                while position < Self::ALL.len() {
                    let status = Self::ALL[position];
                    table[status as usize] = ::core::result::Result::Ok(status);
                    position += 1;
                }
                table
            };

            /// The code as three ASCII digits, such as `"404"`.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::NotFound.as_str(), "404");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => ::core::stringify!($code),)*
                }
            }

            /// The reason phrase as the registry writes it, such as `"Content Too Large"`.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::ContentTooLarge.reason_phrase(), "Content Too Large");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn reason_phrase(self) -> &'static str {
                // One load: see `PHRASES`. `&` promotes the table to a
                // static, so even a debug build does not copy it.
                let phrases: &[&'static str; 1024] = &Self::PHRASES;
                phrases[self as usize]
            }

            /// `reason_phrase`'s answer for every number below 1024 (`""`
            /// where the spec has no code), built at compile time. A `match`
            /// over codes as sparse as HTTP's compiles to a tree of
            /// comparisons, which a random mix of codes mispredicts at
            /// every level; an index into this table is one load. 16 KiB of
            /// read-only data, of which a service touches the few lines its
            /// codes live on (benches/benches/status.rs measures both).
            const PHRASES: [&'static str; 1024] = {
                let mut table = [""; 1024];
                $(table[$code] = $phrase;)*
                table
            };

            /// The code and its phrase, such as `"404 Not Found"`: what `Display` writes.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::NotFound.status_line(), "404 Not Found");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn status_line(self) -> &'static str {
                let lines: &[&'static str; 1024] = &Self::STATUS_LINES;
                lines[self as usize]
            }

            /// `status_line`'s answer for every number below 1024, for the
            /// reason `PHRASES` gives.
            const STATUS_LINES: [&'static str; 1024] = {
                let mut table = [""; 1024];
                $(table[$code] = $status_line;)*
                table
            };

            /// The class, from the first digit.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::{StatusClass, StatusCode};
                ///
                /// assert_eq!(StatusCode::NotFound.class(), StatusClass::ClientError);
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn class(self) -> $crate::StatusClass {
                $crate::StatusClass::from_code(self as u16)
            }

            /// Whether the code is in the 1xx class.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::Continue.is_informational());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_informational(self) -> bool {
                ::core::matches!(self.class(), $crate::StatusClass::Informational)
            }

            /// Whether the code is in the 2xx class.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::Ok.is_success());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_success(self) -> bool {
                ::core::matches!(self.class(), $crate::StatusClass::Success)
            }

            /// Whether the code is in the 3xx class.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::Found.is_redirection());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_redirection(self) -> bool {
                ::core::matches!(self.class(), $crate::StatusClass::Redirection)
            }

            /// Whether the code is in the 4xx class.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::NotFound.is_client_error());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_client_error(self) -> bool {
                ::core::matches!(self.class(), $crate::StatusClass::ClientError)
            }

            /// Whether the code is in the 5xx class.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::BadGateway.is_server_error());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_server_error(self) -> bool {
                ::core::matches!(self.class(), $crate::StatusClass::ServerError)
            }

            /// Whether the code is a client (4xx) or server (5xx) error.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::NotFound.is_error());
                /// assert!(!StatusCode::Found.is_error());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_error(self) -> bool {
                self.is_client_error() || self.is_server_error()
            }

            /// How the code stands with the IANA registry.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::{Registration, StatusCode};
                ///
                /// assert_eq!(StatusCode::UseProxy.registration(), Registration::Deprecated);
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn registration(self) -> $crate::Registration {
                match self {
                    $(Self::$variant => $crate::Registration::$registration,)*
                }
            }

            /// Whether the code is in the IANA registry (registered, deprecated
            /// or reserved), as opposed to a vendor's own.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::NotFound.is_official());
                /// assert!(!StatusCode::ClientClosedRequest.is_official());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_official(self) -> bool {
                !::core::matches!(self.registration(), $crate::Registration::Unofficial)
            }

            /// Who defines the code: `"IANA"` for registered codes, otherwise
            /// the vendor or software that uses it.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::NotFound.source(), "IANA");
                /// assert_eq!(StatusCode::ClientClosedRequest.source(), "nginx");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn source(self) -> &'static str {
                match self {
                    $(Self::$variant => $source,)*
                }
            }

            /// Where the code is defined, such as `"RFC 9110, Section 15.5.5"`.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::NotFound.reference(), "RFC 9110, Section 15.5.5");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn reference(self) -> &'static str {
                match self {
                    $(Self::$variant => $reference,)*
                }
            }

            /// A one-sentence description of what the code means.
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static str {
                match self {
                    $(Self::$variant => $description,)*
                }
            }

            /// Other names and phrases the code goes by: older RFC phrases, or
            /// a second meaning in the wild.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::ContentTooLarge.aliases()[0].phrase, "Payload Too Large");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn aliases(self) -> &'static [$crate::StatusAlias] {
                match self {
                    $(Self::$variant => &[$(
                        $crate::StatusAlias {
                            name: ::core::stringify!($alias),
                            phrase: $alias_phrase,
                            source: $alias_source,
                            reference: ::core::option::Option::$alias_reference $(($alias_reference_text))?,
                            description: ::core::option::Option::$alias_description $(($alias_description_text))?,
                        }
                    ),*],)*
                }
            }

            /// Whether a response with this status may have content; false for
            /// 1xx, 204, 205 and 304.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::Ok.allows_body());
                /// assert!(!StatusCode::NoContent.allows_body());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn allows_body(self) -> bool {
                match self {
                    $(Self::$variant => !$no_body,)*
                }
            }

            /// Whether the response is heuristically cacheable by default
            /// (RFC 9110, Section 15.1).
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::NotFound.is_cacheable_by_default());
                /// assert!(!StatusCode::Created.is_cacheable_by_default());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_cacheable_by_default(self) -> bool {
                match self {
                    $(Self::$variant => $cacheable,)*
                }
            }

            /// Whether a client commonly retries after this status (408, 429,
            /// 502, 503, 504).
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::ServiceUnavailable.is_retryable());
                /// assert!(!StatusCode::BadRequest.is_retryable());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_retryable(self) -> bool {
                match self {
                    $(Self::$variant => $retryable,)*
                }
            }

            /// Whether the status sends the client on to the URI in `Location`,
            /// which user agents follow automatically: 301, 302, 303, 307 and
            /// 308 (RFC 9110, Section 15.4). 300 and 304 are 3xx but are not.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::SeeOther.redirects());
                /// assert!(!StatusCode::NotModified.redirects());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn redirects(self) -> bool {
                match self {
                    $(Self::$variant => $redirect,)*
                }
            }

            /// Whether a redirect is permanent: the target has a new URI for
            /// good, and links to the old one may be updated (301 and 308,
            /// RFC 9110, Sections 15.4.2 and 15.4.9). False for anything that
            /// does not [redirect](Self::redirects).
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::PermanentRedirect.is_permanent());
                /// assert!(!StatusCode::TemporaryRedirect.is_permanent());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_permanent(self) -> bool {
                match self {
                    $(Self::$variant => $permanent,)*
                }
            }

            /// Whether a user agent following the redirect must send the same
            /// method and content again (307 and 308, RFC 9110, Sections
            /// 15.4.8 and 15.4.9); 301 and 302 may turn a POST into a GET, and
            /// 303 always asks for a GET. False for anything that does not
            /// [redirect](Self::redirects).
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::TemporaryRedirect.keeps_method());
                /// assert!(!StatusCode::MovedPermanently.keeps_method());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn keeps_method(self) -> bool {
                match self {
                    $(Self::$variant => $keeps_method,)*
                }
            }

            /// Whether the status is interim: the server must follow it with a
            /// final response, so it is never the final status of an exchange
            /// (100, 102, 103, 104; RFC 9110, Section 15.2). 101 is not: the
            /// connection switches protocols after it.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::Continue.is_interim());
                /// assert!(!StatusCode::SwitchingProtocols.is_interim());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn is_interim(self) -> bool {
                match self {
                    $(Self::$variant => $interim,)*
                }
            }

            /// Whether the response's `Content-Range` takes the unsatisfied-range
            /// form `bytes */LENGTH` (RFC 9110, Section 14.4): true for 416.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::RangeNotSatisfiable.expects_unsatisfied_range());
                /// assert!(!StatusCode::PartialContent.expects_unsatisfied_range());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn expects_unsatisfied_range(self) -> bool {
                match self {
                    $(Self::$variant => $unsatisfied_range,)*
                }
            }

            /// Whether the response's `Allow` lists the methods the resource
            /// supports instead of the request's own: true for 405.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert!(StatusCode::MethodNotAllowed.allow_excludes_request_method());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn allow_excludes_request_method(self) -> bool {
                match self {
                    $(Self::$variant => $allow_excludes_method,)*
                }
            }

            /// The `google.rpc.Code` the spec maps this status to, from the
            /// "HTTP Mapping" comments of `google/rpc/code.proto`; `None` for
            /// a status they do not name.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::{GrpcCode, StatusCode};
                ///
                /// assert_eq!(StatusCode::Unauthorized.grpc_code(), Some(GrpcCode::Unauthenticated));
                /// assert_eq!(StatusCode::ImATeapot.grpc_code(), None);
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn grpc_code(self) -> ::core::option::Option<$crate::GrpcCode> {
                match self {
                    $(Self::$variant => ::core::option::Option::$grpc $(($crate::GrpcCode::$grpc_code))?,)*
                }
            }

            /// Header fields a response with this status MUST carry (RFC 9110),
            /// such as `WWW-Authenticate` for 401.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::Unauthorized.required_headers(), ["WWW-Authenticate"]);
                /// assert!(StatusCode::NotFound.required_headers().is_empty());
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn required_headers(self) -> &'static [&'static str] {
                match self {
                    $(Self::$variant => &[$($must),*],)*
                }
            }

            /// Header fields a response with this status SHOULD carry, such as
            /// `Location` for 201 and most redirects.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::Created.recommended_headers(), ["Location"]);
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn recommended_headers(self) -> &'static [&'static str] {
                match self {
                    $(Self::$variant => &[$($should),*],)*
                }
            }

            /// Header fields commonly sent with this status, such as
            /// `Retry-After` for 429 and 503.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::StatusCode;
                ///
                /// assert_eq!(StatusCode::TooManyRequests.optional_headers(), ["Retry-After"]);
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn optional_headers(self) -> &'static [&'static str] {
                match self {
                    $(Self::$variant => &[$($may),*],)*
                }
            }
        }

        $crate::__status_code_traits! {
            doctests: $doctests,
            enum $name;
            extends: [$($builtin)?],
        }

        $crate::__status_code_types! {
            doctests: $doctests,
            enum $name;
            codes_module: $codes,
            rows: [$(
                $variant = $code {
                    attrs: [$(#[$row_attr])*],
                    class: $class,
                    status_line: $status_line,
                }
            )*]
        }
    };
}
