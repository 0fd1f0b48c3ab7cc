//! The shape of a spec file: one key table per kind of table (see
//! `schema.rs`). Every value the checks need to point at is `Spanned`, so a
//! rule can name the line and column it objects to.

#[cfg(feature = "custom-spec")]
use super::schema::spec_table;

#[cfg(feature = "custom-spec")]
spec_table! {
    /// One `[[code]]` table.
    RawCode = "[[code]]" {
        code: integer,
        name: string,
        phrase: string,
        source: string,
        status: registration,
        reference: string,
        description: string,
        no_body: flag,
        must_headers: strings,
        should_headers: strings,
        may_headers: strings,
        cacheable: flag,
        retryable: flag,
        redirect: flag,
        permanent: flag,
        keeps_method: flag,
        interim: flag,
        unsatisfied_range: flag,
        allow_excludes_method: flag,
        grpc: optional_string,
        alias: aliases,
    }
}

#[cfg(feature = "custom-spec")]
spec_table! {
    /// One `[[code.alias]]` table: another name or phrase the same code goes by.
    RawAlias = "[[code.alias]]" {
        name: string,
        phrase: string,
        source: optional_string,
        reference: optional_string,
        description: optional_string,
    }
}

#[cfg(feature = "custom-spec")]
spec_table! {
    /// One `[[warning]]` table: a Warning header code (RFC 7234 Section 5.5), not a status code.
    RawWarning = "[[warning]]" {
        code: integer,
        name: string,
        phrase: string,
        reference: string,
        description: string,
    }
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
    /// The values `status` takes, as written in the spec.
    #[cfg(feature = "custom-spec")]
    pub(crate) const WORDS: &[(&str, Registration)] = &[
        ("registered", Registration::Registered),
        ("deprecated", Registration::Deprecated),
        ("unused", Registration::Unused),
        ("unofficial", Registration::Unofficial),
    ];

    pub(crate) fn variant_name(self) -> &'static str {
        match self {
            Registration::Registered => "Registered",
            Registration::Deprecated => "Deprecated",
            Registration::Unused => "Unused",
            Registration::Unofficial => "Unofficial",
        }
    }
}

/// The `google.rpc.Code` values (`google/rpc/code.proto`) a `grpc` key may
/// name, with the name of status-core's `GrpcCode` variant for each.
pub(crate) const GRPC_CODES: &[(&str, &str)] = &[
    ("OK", "Ok"),
    ("CANCELLED", "Cancelled"),
    ("UNKNOWN", "Unknown"),
    ("INVALID_ARGUMENT", "InvalidArgument"),
    ("DEADLINE_EXCEEDED", "DeadlineExceeded"),
    ("NOT_FOUND", "NotFound"),
    ("ALREADY_EXISTS", "AlreadyExists"),
    ("PERMISSION_DENIED", "PermissionDenied"),
    ("RESOURCE_EXHAUSTED", "ResourceExhausted"),
    ("FAILED_PRECONDITION", "FailedPrecondition"),
    ("ABORTED", "Aborted"),
    ("OUT_OF_RANGE", "OutOfRange"),
    ("UNIMPLEMENTED", "Unimplemented"),
    ("INTERNAL", "Internal"),
    ("UNAVAILABLE", "Unavailable"),
    ("DATA_LOSS", "DataLoss"),
    ("UNAUTHENTICATED", "Unauthenticated"),
];

/// The `GrpcCode` variant for a `google.rpc.Code` name, such as
/// `InvalidArgument` for `INVALID_ARGUMENT`.
#[cfg(feature = "custom-spec")]
pub(crate) fn grpc_variant(name: &str) -> Option<&'static str> {
    GRPC_CODES
        .iter()
        .find(|(proto, _)| *proto == name)
        .map(|(_, variant)| *variant)
}
