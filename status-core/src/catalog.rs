//! The errors a type can produce, as data: for error pages, API documentation
//! and clients that branch on `code`.

use crate::StatusCode;

/// Lists every error a type can produce. `#[derive(HttpError)]` implements it.
///
/// One [`CatalogEntry`] per variant, in declaration order. Variants marked
/// `transparent` are not listed: their errors are the inner type's, and that
/// type's own catalog lists them.
///
/// ```
/// use status_core::{ErrorCatalog, HttpError, StatusCode};
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// #[http(type_base = "https://api.example.com/errors#")]
/// enum ApiError {
///     /// The item does not exist, or was deleted.
///     #[error("item {0} not found")]
///     #[http(status = NotFound, code = "item_not_found")]
///     ItemNotFound(u64),
///     /// Too many requests from one client.
///     #[error("slow down")]
///     #[http(status = 429, retry_after = 60)]
///     RateLimited,
/// }
///
/// let [missing, limited] = ApiError::ERRORS else { unreachable!() };
/// assert_eq!(missing.variant, "ItemNotFound");
/// assert_eq!(missing.status, StatusCode::NotFound);
/// assert_eq!(missing.code, "item_not_found");
/// assert_eq!(missing.title(), "Not Found");
/// assert_eq!(missing.type_uri, "https://api.example.com/errors#item_not_found");
/// assert_eq!(missing.description, "The item does not exist, or was deleted.");
/// assert!(missing.exposes_detail);
/// assert_eq!(limited.headers[0].name, "Retry-After");
/// assert_eq!(limited.headers[0].value, Some("60"));
/// ```
pub trait ErrorCatalog {
    /// Every error of the type, in declaration order.
    const ERRORS: &'static [CatalogEntry];

    /// The entry whose `code` is `code`, for a client that received a problem.
    ///
    /// ```
    /// # use status_core::{ErrorCatalog, HttpError, StatusCode};
    /// # #[derive(Debug, thiserror::Error, HttpError)]
    /// # enum ApiError {
    /// #     #[error("gone")]
    /// #     #[http(status = 410)]
    /// #     Gone,
    /// # }
    /// assert_eq!(ApiError::by_code("gone").map(|entry| entry.status), Some(StatusCode::Gone));
    /// assert!(ApiError::by_code("nope").is_none());
    /// ```
    #[must_use]
    fn by_code(code: &str) -> Option<&'static CatalogEntry> {
        Self::ERRORS.iter().find(|entry| entry.code == code)
    }
}

/// One error of an [`ErrorCatalog`]: what a client receives when it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogEntry {
    /// The variant's name, such as `ItemNotFound` (the type's name for a struct).
    pub variant: &'static str,
    /// The response status.
    pub status: StatusCode,
    /// The problem's machine-readable `code` member.
    pub code: &'static str,
    /// The problem's `type` URI: `about:blank`, or `type_base` followed by the code.
    pub type_uri: &'static str,
    /// Whether the client sees the error's `Display` text as `detail`.
    pub exposes_detail: bool,
    /// The header fields the response carries.
    pub headers: &'static [CatalogHeader],
    /// The variant's doc comment, lines joined with spaces; empty without one.
    pub description: &'static str,
}

impl CatalogEntry {
    /// The problem's `title`: the status's reason phrase.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.status.reason_phrase()
    }
}

/// A header field an error's response carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogHeader {
    /// The field name as written in the attribute, such as `Retry-After`.
    pub name: &'static str,
    /// The value when it is fixed (`retry_after = 60`); `None` when it comes
    /// from a field of the error.
    pub value: Option<&'static str>,
}
