//! The page's data model: every fact of one registry, copied out of a
//! generated enum into plain structs, so the page, its JSON and `lookup`
//! read the same values and any enum with the generated API can be shown.

use serde::Serialize;
use status_core::{Registration, StatusClass};

/// Everything the registry says about one status code.
// One bool per flag of the registry; they are independent facts.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CodeInfo {
    /// The number, such as `404`.
    pub code: u16,
    /// The reason phrase, such as `"Not Found"`.
    pub phrase: &'static str,
    /// The class, from the first digit.
    #[serde(serialize_with = "class_digits")]
    pub class: StatusClass,
    /// How the code stands with the IANA registry.
    #[serde(serialize_with = "registration_word")]
    pub registration: Registration,
    /// `"IANA"`, or the vendor that uses the code.
    pub source: &'static str,
    /// Where the code is defined, such as `"RFC 9110, Section 15.5.5"`.
    pub reference: &'static str,
    /// One sentence saying what the code means.
    pub description: &'static str,
    /// Older phrases and other meanings of the same number.
    pub aliases: Vec<AliasInfo>,
    /// Whether a response with this status may have content.
    pub allows_body: bool,
    /// Header fields the response MUST carry.
    pub required_headers: &'static [&'static str],
    /// Header fields the response SHOULD carry.
    pub recommended_headers: &'static [&'static str],
    /// Header fields commonly sent with the status.
    pub optional_headers: &'static [&'static str],
    /// Whether the response is heuristically cacheable by default.
    pub cacheable_by_default: bool,
    /// Whether clients commonly retry after it.
    pub retryable: bool,
    /// Whether user agents follow it to the `Location` URI.
    pub redirects: bool,
    /// Whether the redirect is for good.
    pub permanent: bool,
    /// Whether following the redirect keeps the method and content.
    pub keeps_method: bool,
}

/// Another name of a code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AliasInfo {
    /// The Rust name, also a constant of the enum.
    pub name: &'static str,
    /// The phrase under this name.
    pub phrase: &'static str,
    /// Who uses this name.
    pub source: &'static str,
    /// Where this name is defined, when the registry says.
    pub reference: Option<&'static str>,
}

/// One code of the `Warning` header field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WarningInfo {
    /// The number, such as `110`.
    pub code: u16,
    /// The warn-text, such as `"Response is Stale"`.
    pub phrase: &'static str,
    /// Where the code is defined.
    pub reference: &'static str,
    /// One sentence saying what the code means.
    pub description: &'static str,
}

/// A whole registry: its status codes in ascending order and its Warning codes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Registry {
    /// Every status code.
    pub codes: Vec<CodeInfo>,
    /// Every Warning code.
    pub warnings: Vec<WarningInfo>,
}

impl Registry {
    /// The built-in registry, `spec/status-codes.toml`.
    #[must_use]
    pub fn builtin() -> Registry {
        crate::registry_of!(status_core::StatusCode, status_core::WarningCode)
    }

    /// One code, by number.
    #[must_use]
    pub fn code(&self, code: u16) -> Option<&CodeInfo> {
        self.codes.iter().find(|info| info.code == code)
    }

    /// The codes of one class, in order.
    pub fn class(&self, class: StatusClass) -> impl Iterator<Item = &CodeInfo> {
        self.codes.iter().filter(move |info| info.class == class)
    }

    /// The classes that have codes, in order.
    #[must_use]
    pub fn classes(&self) -> Vec<StatusClass> {
        let mut classes: Vec<StatusClass> = Vec::new();
        for info in &self.codes {
            if !classes.contains(&info.class) {
                classes.push(info.class);
            }
        }
        classes
    }
}

/// Builds a [`Registry`] from any enum `status_codes!` generates (and,
/// optionally, its Warning enum): `registry_of!(MyCodes)` or
/// `registry_of!(MyCodes, MyWarnings)`. A macro, not a trait, because the
/// generated API is a set of inherent methods.
#[macro_export]
macro_rules! registry_of {
    ($codes:ty) => {
        $crate::reference::Registry {
            codes: $crate::registry_of!(@codes $codes),
            warnings: ::std::vec::Vec::new(),
        }
    };
    ($codes:ty, $warnings:ty) => {
        $crate::reference::Registry {
            codes: $crate::registry_of!(@codes $codes),
            warnings: <$warnings>::ALL
                .iter()
                .map(|warning| $crate::reference::WarningInfo {
                    code: warning.as_u16(),
                    phrase: warning.warn_text(),
                    reference: warning.reference(),
                    description: warning.description(),
                })
                .collect(),
        }
    };
    (@codes $codes:ty) => {{
        #[allow(deprecated)]
        let codes = <$codes>::ALL
            .iter()
            .map(|status| $crate::reference::CodeInfo {
                code: status.as_u16(),
                phrase: status.reason_phrase(),
                class: status.class(),
                registration: status.registration(),
                source: status.source(),
                reference: status.reference(),
                description: status.description(),
                aliases: status
                    .aliases()
                    .iter()
                    .map(|alias| $crate::reference::AliasInfo {
                        name: alias.name,
                        phrase: alias.phrase,
                        source: alias.source,
                        reference: alias.reference,
                    })
                    .collect(),
                allows_body: status.allows_body(),
                required_headers: status.required_headers(),
                recommended_headers: status.recommended_headers(),
                optional_headers: status.optional_headers(),
                cacheable_by_default: status.is_cacheable_by_default(),
                retryable: status.is_retryable(),
                redirects: status.redirects(),
                permanent: status.is_permanent(),
                keeps_method: status.keeps_method(),
            })
            .collect::<::std::vec::Vec<_>>();
        codes
    }};
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn class_digits<S: serde::Serializer>(
    class: &StatusClass,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(class.digits())
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's signature
fn registration_word<S: serde::Serializer>(
    registration: &Registration,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(super::words::registration_word(*registration))
}
