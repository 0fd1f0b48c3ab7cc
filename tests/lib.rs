//! Shared helpers for the workspace tests: the spec as plain data, read
//! independently of the macro so tests compare two readings of one file.

use std::path::{Path, PathBuf};

/// The workspace root.
#[must_use]
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The text of `spec/status-codes.toml`.
///
/// # Panics
///
/// When the file cannot be read: the test using it cannot run without it.
#[must_use]
pub fn spec_text() -> String {
    let path = workspace_root().join("spec/status-codes.toml");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}
