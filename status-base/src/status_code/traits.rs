//! The std trait impls of a generated status-code enum, and the conversions
//! between an `extend_builtin` enum and the built-in [`StatusCode`](crate::StatusCode).

/// `Display`, `FromStr`, `TryFrom<u16>`, `From<_> for u16`, `PartialEq<u16>`
/// both ways, the feature hooks, and with `extends: [StatusCode]` the
/// conversions to and from the built-in enum.
#[doc(hidden)]
#[macro_export]
macro_rules! __status_code_traits {
    (
        doctests: $doctests:ident,
        enum $name:ident;
        extends: [$($builtin:ident)?],
    ) => {
        #[automatically_derived]
        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                formatter.pad(self.status_line())
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for $name {
            type Err = $crate::InvalidStatusCode;

            #[inline]
            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                match $crate::__private_0_1_0::parse_code(text.as_bytes()) {
                    ::core::result::Result::Ok(code) => Self::from_u16(code),
                    ::core::result::Result::Err(error) => ::core::result::Result::Err(error),
                }
            }
        }

        #[automatically_derived]
        impl ::core::convert::TryFrom<u16> for $name {
            type Error = $crate::InvalidStatusCode;

            #[inline]
            fn try_from(code: u16) -> ::core::result::Result<Self, Self::Error> {
                Self::from_u16(code)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<$name> for u16 {
            fn from(status: $name) -> u16 {
                status.as_u16()
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<u16> for $name {
            fn eq(&self, other: &u16) -> bool {
                self.as_u16() == *other
            }
        }

        #[automatically_derived]
        impl ::core::cmp::PartialEq<$name> for u16 {
            fn eq(&self, other: &$name) -> bool {
                *self == other.as_u16()
            }
        }

        $crate::__impl_status_serde!($name);
        $crate::__impl_status_http!($name);
        $crate::__impl_status_axum!($doctests, $name);
        $crate::__impl_status_actix_web!($doctests, $name);
        $crate::__impl_status_poem!($doctests, $name);

        $(
            // An `extend_builtin` enum has a row for every built-in code, with
            // the same number: converting from the built-in enum cannot fail.
            // This proves it at compile time, so the `unreachable!` below is.
            const _: () = {
                let builtin = <$crate::$builtin>::ALL;
                let mut position = 0;
                while position < builtin.len() {
                    ::core::assert!(
                        <$name>::from_u16(builtin[position].as_u16()).is_ok(),
                        "an `extend_builtin` enum lacks a built-in code",
                    );
                    position += 1;
                }
            };

            #[automatically_derived]
            impl ::core::convert::From<$crate::$builtin> for $name {
                fn from(status: $crate::$builtin) -> Self {
                    match Self::from_u16(status.as_u16()) {
                        ::core::result::Result::Ok(status) => status,
                        ::core::result::Result::Err(_) => ::core::unreachable!(),
                    }
                }
            }

            /// Codes that only this enum has are an `Err`.
            #[automatically_derived]
            impl ::core::convert::TryFrom<$name> for $crate::$builtin {
                type Error = $crate::InvalidStatusCode;

                fn try_from(status: $name) -> ::core::result::Result<Self, Self::Error> {
                    <$crate::$builtin>::from_u16(status.as_u16())
                }
            }
        )?
    };
}
