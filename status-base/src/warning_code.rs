//! The Warning-code API, written once for every enum that `status_codes!`
//! generates from a spec's `[[warning]]` tables (the built-in
//! [`WarningCode`](crate::WarningCode) and any user's own). The same shape
//! as a status-code enum: `ALL`, `as_u16`, `as_str`, `from_u16`, the texts,
//! `Display`, `FromStr` and the integer conversions.
//!
//! The call, one row per entry (docs abridged):
//!
//! ```text
//! ::status_core::__private_0_1_0::warning_code_enum! {
//!     doctests: yes,
//!     /// The enum's docs.
//!     enum WarningCode;
//!     rows: [
//!         /// `110 Response is Stale`: ...
//!         ResponseIsStale = 110 {
//!             warn_text: "Response is Stale",
//!             warning_line: "110 Response is Stale",
//!             reference: "RFC 7234, Section 5.5.1",
//!             description: "...",
//!         }
//!     ]
//! }
//! ```
//!
//! Doc examples go through `__status_doc_example!` for the reason given in
//! `status_code/mod.rs`.

/// The warning enum, its methods and its impls; called by `status_codes!`
/// with one row per `[[warning]]` entry (see `status-base/src/warning_code.rs`).
#[doc(hidden)]
#[macro_export]
macro_rules! __warning_code_enum {
    (
        doctests: $doctests:ident,
        $(#[$enum_attr:meta])*
        enum $name:ident;
        rows: [$(
            $(#[$attr:meta])*
            $variant:ident = $code:literal {
                warn_text: $warn_text:literal,
                warning_line: $warning_line:literal,
                reference: $reference:literal,
                description: $description:literal,
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
                $variant = $code,
            )*
        }

        impl $name {
            /// Every warning code, in ascending order.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::WarningCode;
                ///
                /// assert!(WarningCode::ALL.contains(&WarningCode::ResponseIsStale));
                /// ```
            )]
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The numeric code.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::WarningCode;
                ///
                /// assert_eq!(WarningCode::ResponseIsStale.as_u16(), 110);
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn as_u16(self) -> u16 {
                self as u16
            }

            /// Looks a warning code up by number. Codes the spec does not list are an `Err`.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::WarningCode;
                ///
                /// assert_eq!(WarningCode::from_u16(110), Ok(WarningCode::ResponseIsStale));
                /// assert!(WarningCode::from_u16(404).is_err());
                /// ```
            )]
            ///
            /// # Errors
            ///
            /// [`InvalidWarningCode`]($crate::InvalidWarningCode) when the spec has no
            /// warning entry for `code`.
            #[inline]
            pub const fn from_u16(code: u16) -> ::core::result::Result<Self, $crate::InvalidWarningCode> {
                match code {
                    $($code => ::core::result::Result::Ok(Self::$variant),)*
                    _ => ::core::result::Result::Err($crate::__private_0_1_0::unknown_warning_code(code)),
                }
            }

            /// The code as three ASCII digits, such as `"110"`.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::WarningCode;
                ///
                /// assert_eq!(WarningCode::ResponseIsStale.as_str(), "110");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => ::core::stringify!($code),)*
                }
            }

            /// The warning text (RFC 7234's `warn-text`), such as `"Response is Stale"`.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::WarningCode;
                ///
                /// assert_eq!(WarningCode::ResponseIsStale.warn_text(), "Response is Stale");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn warn_text(self) -> &'static str {
                match self {
                    $(Self::$variant => $warn_text,)*
                }
            }

            /// The code and its text, such as `"110 Response is Stale"`: what
            /// `Display` writes, as `status_line` does for a status code.
            #[doc = $crate::__status_doc_example!($doctests,
                /// ```
                /// use status_core::WarningCode;
                ///
                /// assert_eq!(WarningCode::ResponseIsStale.warning_line(), "110 Response is Stale");
                /// ```
            )]
            #[must_use]
            #[inline]
            pub const fn warning_line(self) -> &'static str {
                match self {
                    $(Self::$variant => $warning_line,)*
                }
            }

            /// Where the warning code is defined.
            #[must_use]
            #[inline]
            pub const fn reference(self) -> &'static str {
                match self {
                    $(Self::$variant => $reference,)*
                }
            }

            /// A one-sentence description of what the warning means.
            #[must_use]
            #[inline]
            pub const fn description(self) -> &'static str {
                match self {
                    $(Self::$variant => $description,)*
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for $name {
            fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                formatter.pad(self.warning_line())
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for $name {
            type Err = $crate::InvalidWarningCode;

            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                match $crate::__private_0_1_0::parse_warning_code(text.as_bytes()) {
                    ::core::result::Result::Ok(code) => Self::from_u16(code),
                    ::core::result::Result::Err(error) => ::core::result::Result::Err(error),
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<u16> for $name {
            type Error = $crate::InvalidWarningCode;

            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                Self::from_u16(code)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<$name> for u16 {
            fn from(warning: $name) -> u16 {
                warning.as_u16()
            }
        }
    };
}
