//! The errors a type can produce, as data: for error pages, API documentation
//! and clients that branch on `code`.

use crate::StatusCode;

/// Lists every error a type can produce. `#[derive(HttpError)]` implements it.
///
/// One [`CatalogEntry`] per variant, in declaration order. A variant marked
/// `transparent` stands for every error of the type it wraps: its place in
/// the list holds that type's whole catalog, so a narrow per-handler enum
/// that composes shared errors lists exactly what the handler can answer.
/// (In a generic type the inner catalog is left out, as Rust cannot build
/// one list from a generic type's constant; list it yourself there.)
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
///
/// Composed with `transparent`, the inner errors take the variant's place:
///
/// ```
/// # use status_core::{ErrorCatalog, HttpError};
/// #[derive(Debug, thiserror::Error, HttpError)]
/// enum AuthError {
///     #[error("login required")]
///     #[http(status = 401, www_authenticate = "Bearer")]
///     Unauthenticated,
/// }
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// enum GetItemError {
///     #[error("item {0} not found")]
///     #[http(status = 404, code = "item_not_found")]
///     NotFound(u64),
///     #[error(transparent)]
///     #[http(transparent)]
///     Auth(#[from] AuthError),
/// }
///
/// let codes: Vec<&str> = GetItemError::ERRORS.iter().map(|entry| entry.code).collect();
/// assert_eq!(codes, ["item_not_found", "unauthenticated"]);
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

/// A boxed error lists the errors of the type it holds, so a `transparent`
/// variant holding a `Box` composes as one holding the type does.
impl<T: ErrorCatalog> ErrorCatalog for alloc::boxed::Box<T> {
    const ERRORS: &'static [CatalogEntry] = T::ERRORS;
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
    /// The extension members (RFC 9457 Section 3.2) the body carries, from
    /// the variant's `#[http(extension)]` and `#[http(errors)]` fields.
    pub members: &'static [CatalogMember],
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

/// An extension member an error's problem body carries, such as `balance`.
///
/// ```
/// use status_core::{ErrorCatalog, HttpError, JsonType};
///
/// #[derive(Debug, thiserror::Error, HttpError)]
/// #[error("out of credit")]
/// #[http(status = 403, code = "out_of_credit")]
/// struct OutOfCredit {
///     #[http(extension)]
///     balance: u64,
///     #[http(extension)]
///     accounts: Vec<String>,
/// }
///
/// let [balance, accounts] = OutOfCredit::ERRORS[0].members else { unreachable!() };
/// assert_eq!((balance.name, balance.json_type), ("balance", JsonType::Integer));
/// assert_eq!(accounts.json_type, JsonType::Array(&JsonType::String));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CatalogMember {
    /// The member's name in the body.
    pub name: &'static str,
    /// The JSON type of its value.
    pub json_type: JsonType,
    /// Whether the member may be absent or `null` (an `Option` field).
    pub optional: bool,
}

/// The JSON type of an extension member's value, as far as the derive can
/// tell from the field's type.
///
/// The derive reads the type's name: integers, floats, `bool`, strings
/// (`String`, `str`, `Cow<str>`, `char`), and `Vec`, slices, arrays and sets
/// of those. Any other type (a struct of yours, a type alias) is [`Any`](Self::Any).
/// Without feature `serde` every extension member is sent as its `Display`
/// text, so every member is a [`String`](Self::String).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonType {
    /// A JSON string.
    String,
    /// A JSON number without a fraction.
    Integer,
    /// A JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A JSON array of values of one type.
    Array(&'static JsonType),
    /// RFC 9457 Section 3's `errors`: objects with `detail` and `pointer`.
    Errors,
    /// Any JSON value: the derive cannot tell the type.
    Any,
}
