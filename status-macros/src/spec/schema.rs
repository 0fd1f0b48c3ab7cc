//! The key table of each kind of spec table, written once.
//!
//! `spec_table!` declares, from one list of `key: kind` lines, the struct a
//! table is read into, the keys it allows, which of them are required, and
//! the reader that fills the struct. A key's kind decides both its Rust type
//! and how it is read, so the struct, the reader, the unknown-key check and
//! the "missing key" message cannot drift apart.
//!
//! | kind | field type | required |
//! |---|---|---|
//! | `integer` | `Spanned<i64>` | yes |
//! | `string` | `Spanned<String>` | yes |
//! | `registration` | `Spanned<Registration>` | yes |
//! | `optional_string` | `Option<Spanned<String>>` | no |
//! | `flag` | `bool` (`false` when absent) | no |
//! | `strings` | `Vec<Spanned<String>>` (empty when absent) | no |
//! | `aliases` | `Vec<RawAlias>` (empty when absent) | no |
//!
//! `spec/README.md` documents the same keys; a test holds the two together.

/// One key of a table kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    pub(crate) name: &'static str,
    /// The kind the key is read as, such as `"integer"` (see the table above).
    pub(crate) kind: &'static str,
    pub(crate) required: bool,
}

/// The keys of one kind of table, such as `[[code]]`, in documentation order.
#[derive(Debug)]
pub(crate) struct Schema {
    /// How the table is written in the file, for messages: `[[code]]`.
    pub(crate) kind: &'static str,
    pub(crate) keys: &'static [Key],
}

impl Schema {
    pub(crate) fn allows(&self, name: &str) -> bool {
        self.keys.iter().any(|key| key.name == name)
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &'static str> {
        self.keys.iter().map(|key| key.name)
    }

    pub(crate) fn required(&self) -> impl Iterator<Item = &'static str> {
        self.keys
            .iter()
            .filter(|key| key.required)
            .map(|key| key.name)
    }
}

/// The Rust type a key of `kind` is read into.
macro_rules! field_type {
    (integer) => { ::toml::Spanned<i64> };
    (string) => { ::toml::Spanned<String> };
    (registration) => { ::toml::Spanned<super::model::Registration> };
    (optional_string) => { Option<::toml::Spanned<String>> };
    (flag) => { bool };
    (strings) => { Vec<::toml::Spanned<String>> };
    (aliases) => { Vec<super::model::RawAlias> };
}

/// Whether a key of `kind` must be present.
macro_rules! is_required {
    (integer) => {
        true
    };
    (string) => {
        true
    };
    (registration) => {
        true
    };
    (optional_string) => {
        false
    };
    (flag) => {
        false
    };
    (strings) => {
        false
    };
    (aliases) => {
        false
    };
}

/// Declares a table kind: its struct, its [`Schema`] and its reader. Each key
/// is read with the `read::Table` method named after its kind, which records
/// its own problems, so every problem of an entry is reported together.
macro_rules! spec_table {
    (
        $(#[$meta:meta])*
        $name:ident = $kind:literal {
            $( $(#[$key_meta:meta])* $key:ident: $read:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub(crate) struct $name {
            $( $(#[$key_meta])* pub(crate) $key: $crate::spec::schema::field_type!($read), )*
        }

        impl $name {
            pub(crate) const SCHEMA: $crate::spec::schema::Schema = $crate::spec::schema::Schema {
                kind: $kind,
                keys: &[$(
                    $crate::spec::schema::Key {
                        name: ::core::stringify!($key),
                        kind: ::core::stringify!($read),
                        required: $crate::spec::schema::is_required!($read),
                    },
                )*],
            };

            /// Reads one table of this kind; `None` (with every problem
            /// recorded) when anything about it is wrong.
            pub(crate) fn read(
                item: &::toml::Spanned<::toml::de::DeValue<'_>>,
                problems: &mut $crate::spec::Problems<'_>,
            ) -> Option<Self> {
                let mut table = $crate::spec::read::Table::open(item, &Self::SCHEMA, problems)?;
                $( let $key = table.$read(::core::stringify!($key)); )*
                table.finish()?;
                Some($name { $( $key: $key?, )* })
            }
        }
    };
}

pub(crate) use {field_type, is_required, spec_table};
