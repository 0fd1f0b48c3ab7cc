//! The Warning-code API, written once for every enum that `status_codes!`
//! generates from a spec's `[[warning]]` tables (the built-in
//! [`WarningCode`](crate::WarningCode) and any user's own).
//!
//! The call, one row per entry (docs abridged):
//!
//! ```text
//! ::status_core::__private::warning_code_enum! {
//!     doctests: yes,
//!     /// The enum's docs.
//!     enum WarningCode;
//!     rows: [
//!         /// `110 Response is Stale`: ...
//!         ResponseIsStale = 110 {
//!             phrase: "Response is Stale",
//!             line: "110 Response is Stale",
//!             reference: "RFC 7234, Section 5.5.1",
//!             description: "...",
//!         }
//!     ]
//! }
//! ```

/// The warning enum, its methods and its impls; called by `status_codes!`
/// with one row per `[[warning]]` entry (see `status-core/src/warning_code.rs`).
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
                phrase: $phrase:literal,
                line: $line:literal,
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
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The numeric code.
            #[must_use]
            #[inline]
            pub const fn as_u16(self) -> u16 {
                self as u16
            }

            /// Looks a warning code up by number; `None` when the spec has no such warning.
            #[must_use]
            #[inline]
            pub const fn from_u16(code: u16) -> ::core::option::Option<Self> {
                match code {
                    $($code => ::core::option::Option::Some(Self::$variant),)*
                    _ => ::core::option::Option::None,
                }
            }

            /// The warning text as RFC 7234 writes it, such as `"Response is Stale"`.
            #[must_use]
            #[inline]
            pub const fn phrase(self) -> &'static str {
                match self {
                    $(Self::$variant => $phrase,)*
                }
            }

            /// The code and its text, such as `"110 Response is Stale"`.
            #[must_use]
            #[inline]
            pub const fn line(self) -> &'static str {
                match self {
                    $(Self::$variant => $line,)*
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

            /// A one-sentence description.
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
                formatter.pad(self.line())
            }
        }
    };
}
