//! Registry metadata types that generated code returns.

/// How a code stands with the IANA HTTP Status Code Registry.
///
/// ```
/// use status_core::{Registration, StatusCode};
///
/// assert_eq!(StatusCode::NotFound.registration(), Registration::Registered);
/// assert_eq!(StatusCode::ImATeapot.registration(), Registration::Unused);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Registration {
    /// Registered and current.
    Registered,
    /// Registered, but deprecated or obsoleted (305 Use Proxy, 510 Not Extended).
    Deprecated,
    /// Reserved by the registry and not to be used (306, 418).
    Unused,
    /// Not in the registry: a vendor's or a piece of software's own code.
    Unofficial,
}

/// Another name a status code goes by: an older RFC phrase, or a second
/// meaning that some software gives the same number.
///
/// ```
/// use status_core::StatusCode;
///
/// let alias = StatusCode::ContentTooLarge.aliases()[0];
/// assert_eq!(alias.phrase, "Payload Too Large");
/// assert_eq!(StatusCode::PayloadTooLarge, StatusCode::ContentTooLarge);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatusAlias {
    /// The Rust name of the alias, also an associated constant of the enum.
    pub name: &'static str,
    /// The phrase under this name.
    pub phrase: &'static str,
    /// Who uses this name.
    pub source: &'static str,
    /// Where this name is defined.
    pub reference: Option<&'static str>,
    /// How this meaning differs, when it does.
    pub description: Option<&'static str>,
}
