//! The per-code types of a generated enum: one zero-sized type per code,
//! implementing [`Status`](crate::Status) and exactly one class trait.

/// The module of per-code types, from the rows `__status_code_enum!`
/// passes on. Each type implements `Status<Enum>` and the class trait its
/// row names, and a `const` assertion pins that class to
/// [`StatusClass::from_code`](crate::StatusClass::from_code), so the macro's
/// idea of a class and the runtime's can never disagree.
#[doc(hidden)]
#[macro_export]
macro_rules! __status_code_types {
    (
        doctests: $doctests:ident,
        enum $name:ident;
        codes_module: $codes:ident,
        rows: [$(
            $variant:ident = $code:literal {
                attrs: [$(#[$row_attr:meta])*],
                class: $class:ident,
                status_line: $status_line:literal,
            }
        )*]
    ) => {
        #[doc = ::core::concat!(
            "One zero-sized type per code of [`", ::core::stringify!($name), "`](super::",
            ::core::stringify!($name), "), so that an API can demand a class at compile time.",
        )]
        ///
        /// Each type implements `status_core::Status` (its code is `Status::STATUS`) and
        /// exactly one class trait: `Informational`, `Success`, `Redirection`,
        /// `ClientError` or `ServerError`. Codes outside 100–599 (such as LinkedIn's
        /// 999) belong to no class and implement only `Status`.
        #[doc = $crate::__status_doc_example!($doctests,
            /// ```
            /// use status_core::{Redirection, StatusCode, codes};
            ///
            /// fn redirect<S: Redirection>(_status: S) -> StatusCode {
            ///     S::STATUS
            /// }
            ///
            /// assert_eq!(redirect(codes::SeeOther), StatusCode::SeeOther);
            /// ```
        )]
        pub mod $codes {
            $(
                #[doc = ::core::concat!(
                    "`", $status_line, "` as a type: its `Status::STATUS` is [`",
                    ::core::stringify!($name), "::", ::core::stringify!($variant), "`](super::",
                    ::core::stringify!($name), "::", ::core::stringify!($variant), ").",
                )]
                #[derive(
                    ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug,
                    ::core::default::Default, ::core::cmp::PartialEq, ::core::cmp::Eq,
                    ::core::hash::Hash,
                )]
                $(#[$row_attr])*
                pub struct $variant;
            )*
        }

        // The impls stay beside the enum rather than in the module: a module
        // cannot name an enum declared in a function body (`super::` skips
        // the block), but the block can name the module.
        $(
            #[automatically_derived]
            #[allow(deprecated)]
            impl $crate::__private_0_1_0::Sealed for $codes::$variant {}

            #[automatically_derived]
            #[allow(deprecated)]
            impl $crate::Status<$name> for $codes::$variant {
                const STATUS: $name = $name::$variant;
            }

            #[automatically_derived]
            #[allow(deprecated)]
            impl $crate::$class<$name> for $codes::$variant {}

            const _: () = ::core::assert!(
                ::core::matches!(
                    $crate::StatusClass::from_code($code),
                    $crate::StatusClass::$class
                ),
                ::core::concat!(
                    "the class trait of `", $status_line, "` disagrees with `StatusClass::from_code`",
                ),
            );

            #[automatically_derived]
            #[allow(deprecated)]
            impl ::core::convert::From<$codes::$variant> for $name {
                fn from(_: $codes::$variant) -> $name {
                    $name::$variant
                }
            }
        )*
    };
}
