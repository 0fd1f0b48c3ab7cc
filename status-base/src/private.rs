//! What generated code needs. Not public API: it may change in any release.
//!
//! The module is `__private_<major>_<minor>_<patch>` after this crate's
//! version, and status-macros names it after its own version
//! (`status-macros/src/private.rs`), so a status-macros and a status-core of
//! different versions fail at once with "could not find `__private_…` in
//! `status_core`" rather than with a confusing error inside generated code.
//! The workspace also pins status-macros exactly (`=0.1.0`); the name catches
//! the builds that get around the pin (`[patch]`, vendored copies).
//!
//! Generated code names nothing else of status-core that is hidden: the
//! hidden `macro_rules!` it calls are re-exported here too (those that only
//! status-core's own `macro_rules!` call stay at `$crate::__...`).

use crate::{CatalogEntry, CatalogHeader, CatalogMember, Headers, JsonType, StatusCode};

pub use crate::invalid::parse_code;
pub use crate::private_helpers::{
    RetryAfter, insert_display, insert_retry_after, push_extension, push_violations, set_instance,
};
pub use crate::{
    __impl_actix_web as impl_actix_web, __impl_axum as impl_axum, __impl_poem as impl_poem,
    __impl_tonic as impl_tonic, __impl_utoipa as impl_utoipa, __with_actix_web as with_actix_web,
    __with_http as with_http,
};

#[cfg(feature = "http")]
pub use {
    crate::external::http::{append_headers, derived_http_response, no_http_headers, to_http},
    ::alloc::string::String as HttpBody,
    ::http,
};

#[cfg(feature = "serde")]
pub use ::serde;

#[cfg(feature = "axum")]
pub use {crate::external::axum::into_axum_response, ::axum_core};

#[cfg(feature = "actix-web")]
pub use {
    crate::external::actix_web::{
        actix_error_response, actix_status_code, append_actix_headers, derived_actix_response,
        no_actix_headers,
    },
    ::actix_web,
};

#[cfg(feature = "poem")]
pub use {
    crate::external::poem::{poem_response, poem_status},
    ::poem,
};

#[cfg(feature = "tonic")]
// Only the type: re-exporting the crate would put tonic's own `Sealed` into
// rustc's "similarly named trait" notes on errors about ours.
pub use {crate::external::tonic::to_status as to_tonic_status, ::tonic::Status as TonicStatus};

#[cfg(feature = "utoipa")]
pub use {
    crate::external::utoipa::catalog_responses, ::std::collections::BTreeMap,
    ::std::string::String, ::utoipa,
};

// What `status_codes!` output needs: the macros that write a status-code
// and a warning-code enum from the spec's rows, and what those reach.
pub use crate::class::Sealed;
pub use crate::invalid::{parse_warning_code, unknown_warning_code};
pub use crate::{__status_code_enum as status_code_enum, __warning_code_enum as warning_code_enum};

/// The error for a number the spec has no entry for. Cold and out of
/// line, so that `from_u16`'s hit path stays a compare and a load.
#[must_use]
#[cold]
#[inline(never)]
pub const fn unknown_code(code: u16) -> crate::InvalidStatusCode {
    crate::InvalidStatusCode::unknown(code)
}

/// Adds a header whose name and value the derive checked at compile time,
/// by the same rules `Headers::insert` applies.
pub fn insert_checked(headers: &mut Headers, name: &'static str, value: &'static str) {
    headers.push_checked(name, value);
}

/// A catalog entry, which other crates cannot build (`CatalogEntry` is
/// `#[non_exhaustive]`).
#[must_use]
#[expect(
    clippy::too_many_arguments,
    reason = "one per field of a struct other crates cannot build; only the derive calls it"
)]
pub const fn catalog_entry(
    variant: &'static str,
    status: StatusCode,
    code: &'static str,
    type_uri: &'static str,
    exposes_detail: bool,
    headers: &'static [CatalogHeader],
    description: &'static str,
    members: &'static [CatalogMember],
) -> CatalogEntry {
    CatalogEntry {
        variant,
        status,
        code,
        type_uri,
        exposes_detail,
        headers,
        description,
        members,
    }
}

/// An extension member of a catalog entry. Without feature `serde` every
/// member is sent as its `Display` text, so its type is a string.
#[must_use]
pub const fn catalog_member(
    name: &'static str,
    json_type: JsonType,
    optional: bool,
) -> CatalogMember {
    let json_type = if cfg!(feature = "serde") || matches!(json_type, JsonType::Errors) {
        json_type
    } else {
        JsonType::String
    };
    CatalogMember {
        name,
        json_type,
        optional,
    }
}

/// How many entries `parts` hold together: the length of the catalog of a
/// type with `transparent` variants.
#[must_use]
pub const fn catalog_len(parts: &[&[CatalogEntry]]) -> usize {
    let mut total = 0;
    let mut part = 0;
    while part < parts.len() {
        total += parts[part].len();
        part += 1;
    }
    total
}

/// `parts` one after the other: a transparent variant's place in its
/// type's catalog holds the inner type's whole catalog. `N` is
/// [`catalog_len`]`(parts)`.
#[must_use]
pub const fn catalog_concat<const N: usize>(parts: &[&[CatalogEntry]]) -> [CatalogEntry; N] {
    const FILLER: CatalogEntry = catalog_entry(
        "",
        StatusCode::InternalServerError,
        "",
        "",
        false,
        &[],
        "",
        &[],
    );
    let mut all = [FILLER; N];
    let mut next = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut index = 0;
        while index < parts[part].len() {
            all[next] = parts[part][index];
            next += 1;
            index += 1;
        }
        part += 1;
    }
    all
}

/// A header of a catalog entry (`CatalogHeader` is `#[non_exhaustive]`).
#[must_use]
pub const fn catalog_header(name: &'static str, value: Option<&'static str>) -> CatalogHeader {
    CatalogHeader { name, value }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_module_is_named_after_the_crate_version() {
        assert_eq!(
            module_path!(),
            concat!(
                "status_base::__private_",
                env!("CARGO_PKG_VERSION_MAJOR"),
                "_",
                env!("CARGO_PKG_VERSION_MINOR"),
                "_",
                env!("CARGO_PKG_VERSION_PATCH"),
                "::tests"
            ),
            "the version changed: rename `__private_…` in lib.rs and in the hidden \
             macro_rules! of external/, which status-macros names after its own version"
        );
    }
}
