//! The documents agree with each other and with the code: the README's
//! feature table is the crate documentation's, and both list exactly the
//! features `status-core/Cargo.toml` declares.

use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The rows of the first Markdown table whose header row starts with `| Feature |`.
fn feature_rows<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    lines
        .skip_while(|line| !line.starts_with("| Feature |"))
        .take_while(|line| line.starts_with('|'))
        .map(str::to_owned)
        .collect()
}

/// rustdoc's intra-doc links (`` [`ErrorCatalog`] ``) read as plain code on GitHub.
fn without_doc_links(row: &str) -> String {
    let mut out = String::with_capacity(row.len());
    let mut rest = row;
    while let Some(start) = rest.find("[`") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find("`]") else {
            out.push_str(&rest[start..]);
            return out;
        };
        out.push_str(&after[..=end]);
        rest = &after[end + 2..];
        if rest.starts_with('(') {
            rest = rest.find(')').map_or(rest, |close| &rest[close + 1..]);
        }
    }
    out.push_str(rest);
    out
}

fn crate_doc_rows() -> Vec<String> {
    let lib = read("status-core/src/lib.rs");
    let doc_lines = lib.lines().filter_map(|line| line.strip_prefix("//! "));
    feature_rows(doc_lines)
}

#[test]
fn the_readme_feature_table_is_the_crate_docs_table() {
    let readme = read("README.md");
    let from_readme = feature_rows(readme.lines());
    let from_crate: Vec<String> = crate_doc_rows()
        .iter()
        .map(|row| without_doc_links(row))
        .collect();
    assert!(
        from_crate.len() > 2,
        "status-core's crate docs have a feature table"
    );
    assert_eq!(
        from_readme, from_crate,
        "README.md's feature table differs from status-core/src/lib.rs's; copy it from the crate docs"
    );
}

#[test]
fn every_feature_has_one_row() {
    let manifest: toml::Table = read("status-core/Cargo.toml")
        .parse()
        .expect("status-core/Cargo.toml is TOML");
    let declared: Vec<String> = manifest["features"]
        .as_table()
        .expect("a [features] table")
        .keys()
        .filter(|name| *name != "default")
        .cloned()
        .collect();
    let documented: Vec<String> = crate_doc_rows()
        .iter()
        .skip(2)
        .filter_map(|row| {
            let name = row.split('|').nth(1)?.trim().trim_matches('`');
            Some(name.to_owned())
        })
        .collect();
    let mut declared_sorted = declared.clone();
    declared_sorted.sort();
    let mut documented_sorted = documented.clone();
    documented_sorted.sort();
    assert_eq!(
        documented_sorted, declared_sorted,
        "the crate docs' feature table lists exactly the features of status-core/Cargo.toml"
    );
}

#[test]
fn doc_links_read_as_code() {
    assert_eq!(
        without_doc_links("[`ProblemDetails`] is `Serialize`; [`a`](crate::a) b"),
        "`ProblemDetails` is `Serialize`; `a` b"
    );
    assert_eq!(without_doc_links("no links"), "no links");
}
