//! The shape of a spec file as `read.rs` reads it. Every value the checks need to
//! point at is `Spanned`, so a rule can name the line and column it objects to.

use toml::Spanned;

/// One `[[code]]` table.
#[derive(Debug)]
pub(crate) struct RawCode {
    pub(crate) code: Spanned<i64>,
    pub(crate) name: Spanned<String>,
    pub(crate) phrase: Spanned<String>,
    pub(crate) source: Spanned<String>,
    pub(crate) status: Spanned<Registration>,
    pub(crate) reference: Spanned<String>,
    pub(crate) description: Spanned<String>,
    pub(crate) no_body: bool,
    pub(crate) must_headers: Vec<Spanned<String>>,
    pub(crate) should_headers: Vec<Spanned<String>>,
    pub(crate) may_headers: Vec<Spanned<String>>,
    pub(crate) cacheable: bool,
    pub(crate) retryable: bool,
    pub(crate) alias: Vec<RawAlias>,
}

/// One `[[code.alias]]` table: another name or phrase the same code goes by.
#[derive(Debug)]
pub(crate) struct RawAlias {
    pub(crate) name: Spanned<String>,
    pub(crate) phrase: Spanned<String>,
    pub(crate) source: Option<Spanned<String>>,
    pub(crate) reference: Option<Spanned<String>>,
    pub(crate) description: Option<Spanned<String>>,
}

/// One `[[warning]]` table: a Warning header code (RFC 7234 Section 5.5), not a status code.
#[derive(Debug)]
pub(crate) struct RawWarning {
    pub(crate) code: Spanned<i64>,
    pub(crate) name: Spanned<String>,
    pub(crate) phrase: Spanned<String>,
    pub(crate) reference: Spanned<String>,
    pub(crate) description: Spanned<String>,
}

/// How a code stands with the IANA registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Registration {
    Registered,
    Deprecated,
    Unused,
    Unofficial,
}

impl Registration {
    pub(crate) fn variant_name(self) -> &'static str {
        match self {
            Registration::Registered => "Registered",
            Registration::Deprecated => "Deprecated",
            Registration::Unused => "Unused",
            Registration::Unofficial => "Unofficial",
        }
    }
}
