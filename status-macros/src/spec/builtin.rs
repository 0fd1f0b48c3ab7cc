//! The built-in registry as data: what `spec/status-codes.toml` reads as
//! once checked, compiled in rather than parsed, so that a crate using only
//! the built-in codes does not build a TOML reader (feature `custom-spec`
//! brings it, for specs of one's own). `builtin/rows.rs` is written from the
//! TOML by a test in `src/expanded.rs`, which fails when the two differ.

use super::{Alias, CodeEntry, Registration, Spec, WarningEntry};

/// One `[[code]]` entry, in the order of [`CodeEntry`]'s fields.
// One bool per flag key of the spec, as in `CodeEntry`.
#[allow(clippy::struct_excessive_bools)]
struct CodeRow {
    code: u16,
    name: &'static str,
    phrase: &'static str,
    source: &'static str,
    registration: Registration,
    reference: &'static str,
    description: &'static str,
    no_body: bool,
    must_headers: &'static [&'static str],
    should_headers: &'static [&'static str],
    may_headers: &'static [&'static str],
    cacheable: bool,
    retryable: bool,
    redirect: bool,
    permanent: bool,
    keeps_method: bool,
    interim: bool,
    unsatisfied_range: bool,
    allow_excludes_method: bool,
    grpc: Option<&'static str>,
    aliases: &'static [AliasRow],
}

struct AliasRow {
    name: &'static str,
    phrase: &'static str,
    source: &'static str,
    reference: Option<&'static str>,
    description: Option<&'static str>,
}

struct WarningRow {
    code: u16,
    name: &'static str,
    phrase: &'static str,
    reference: &'static str,
    description: &'static str,
}

const CODES: &[CodeRow] = include!("builtin/codes.rs");
const WARNINGS: &[WarningRow] = include!("builtin/warnings.rs");

pub(super) fn spec() -> Spec {
    Spec {
        codes: CODES.iter().map(CodeRow::entry).collect(),
        warnings: WARNINGS.iter().map(WarningRow::entry).collect(),
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|&text| text.to_owned()).collect()
}

impl CodeRow {
    fn entry(&self) -> CodeEntry {
        CodeEntry {
            code: self.code,
            name: self.name.to_owned(),
            phrase: self.phrase.to_owned(),
            source: self.source.to_owned(),
            registration: self.registration,
            reference: self.reference.to_owned(),
            description: self.description.to_owned(),
            no_body: self.no_body,
            must_headers: strings(self.must_headers),
            should_headers: strings(self.should_headers),
            may_headers: strings(self.may_headers),
            cacheable: self.cacheable,
            retryable: self.retryable,
            redirect: self.redirect,
            permanent: self.permanent,
            keeps_method: self.keeps_method,
            interim: self.interim,
            unsatisfied_range: self.unsatisfied_range,
            allow_excludes_method: self.allow_excludes_method,
            grpc: self.grpc,
            aliases: self.aliases.iter().map(AliasRow::alias).collect(),
        }
    }
}

impl AliasRow {
    fn alias(&self) -> Alias {
        Alias {
            name: self.name.to_owned(),
            phrase: self.phrase.to_owned(),
            source: self.source.to_owned(),
            reference: self.reference.map(str::to_owned),
            description: self.description.map(str::to_owned),
        }
    }
}

impl WarningRow {
    fn entry(&self) -> WarningEntry {
        WarningEntry {
            code: self.code,
            name: self.name.to_owned(),
            phrase: self.phrase.to_owned(),
            reference: self.reference.to_owned(),
            description: self.description.to_owned(),
        }
    }
}
