use super::Spec;

const VALID: &str = r#"
[[code]]
code = 200
name = "Ok"
phrase = "OK"
source = "IANA"
status = "registered"
reference = "RFC 9110, Section 15.3.1"
description = "The request has succeeded."

[[code]]
code = 404
name = "NotFound"
phrase = "Not Found"
source = "IANA"
status = "registered"
reference = "RFC 9110, Section 15.5.5"
description = "Nothing is there."
cacheable = true

[[code.alias]]
name = "Missing"
phrase = "Missing"
"#;

fn errors(source: &str) -> Vec<String> {
    match Spec::parse(source, "test.toml", None) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}

fn entry(code: &str, name: &str) -> String {
    format!(
        "[[code]]\ncode = {code}\nname = \"{name}\"\nphrase = \"P\"\nsource = \"S\"\nstatus = \"unofficial\"\nreference = \"R\"\ndescription = \"D\"\n"
    )
}

#[test]
fn parses_a_valid_spec() {
    let spec = Spec::parse(VALID, "test.toml", None).expect("valid spec");
    assert_eq!(spec.codes.len(), 2);
    assert_eq!(
        spec.codes[1].aliases[0].source, "IANA",
        "alias source defaults to the entry's"
    );
    assert!(spec.codes[1].cacheable);
    assert!(!spec.codes[0].cacheable);
}

#[test]
fn the_builtin_registry_is_valid() {
    let spec = Spec::builtin();
    assert!(spec.by_code(404).is_some());
}

#[test]
fn reports_every_problem_with_file_line_and_column() {
    let source = format!(
        "{}{}{}",
        entry("404", "NotFound"),
        entry("404", "not_found"),
        entry("1000", "Big")
    );
    let found = errors(&source);
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("test.toml:10:8: duplicate code 404 (first defined at 2:8)")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("test.toml:11:8: `not_found` is not a valid name")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|e| e.contains("`NotFound`")),
        "suggests a fix: {found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("test.toml:18:8: code 1000 is out of range")),
        "{found:#?}"
    );
}

#[test]
fn reports_unknown_and_missing_fields_of_every_entry() {
    let source = format!(
        "{}colour = \"red\"\n{}",
        entry("400", "BadRequest"),
        "[[code]]\ncode = 401\nname = \"Unauthorized\"\n"
    );
    let found = errors(&source);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].starts_with("test.toml:9:1: unknown key `colour`"),
        "{found:#?}"
    );
    assert!(
        found[1].contains("this table has no `phrase`"),
        "{found:#?}"
    );
}

#[test]
fn reports_unsorted_entries() {
    let found = errors(&format!("{}{}", entry("500", "A"), entry("400", "B")));
    assert!(found[0].contains("code 400 is out of order"), "{found:#?}");
}

#[test]
fn reports_duplicate_names_including_aliases() {
    let source = format!(
        "{}[[code.alias]]\nname = \"First\"\nphrase = \"x\"\n{}",
        entry("400", "First"),
        entry("401", "Second")
    );
    let found = errors(&source);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("duplicate name `First` (first used at 3:8)"),
        "{found:#?}"
    );
}

#[test]
fn reports_empty_and_multiline_text() {
    let source = entry("400", "A")
        .replace("phrase = \"P\"", "phrase = \"\"")
        .replace("description = \"D\"", "description = \"a\\nb\"");
    let found = errors(&source);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].contains("`phrase` is empty"));
    assert!(found[1].contains("`description` contains a line break"));
}

#[test]
fn reports_bad_header_names_and_status_values() {
    let source = entry("401", "A").replace(
        "status = \"unofficial\"",
        "status = \"official\"\nmust_headers = [\"WWW Authenticate\"]",
    );
    let found = errors(&source);
    assert!(
        found
            .iter()
            .any(|e| e.contains("unknown status `official`; expected one of")),
        "{found:#?}"
    );
    let source = entry("401", "A") + "must_headers = [\"WWW Authenticate\"]\n";
    assert!(errors(&source)[0].contains("`WWW Authenticate` is not a valid header name"));
    let source = entry("401", "A") + "may_headers = [\"\"]\n";
    assert!(
        errors(&source)[0].ends_with("`` is not a valid header name; it is empty"),
        "{:?}",
        errors(&source)
    );
}

#[test]
fn reports_syntax_errors_without_panicking() {
    let found = errors("[[code]\ncode = ");
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|e| e.starts_with("test.toml:")),
        "{found:#?}"
    );
}

#[test]
fn rejects_an_empty_spec_and_unknown_tables() {
    assert!(errors("")[0].contains("defines no status codes"));
    let found = errors(&format!("{}[extra]\nx = 1\n", entry("400", "A")));
    assert!(
        found[0].contains("unknown top-level key `extra`"),
        "{found:#?}"
    );
}

#[test]
fn an_extension_cannot_redefine_builtin_codes_or_names() {
    let base = Spec::parse(VALID, "base.toml", None).expect("valid");
    let found = match Spec::parse(
        &format!("{}{}", entry("404", "Gone"), entry("460", "Missing")),
        "ext.toml",
        Some(&base),
    ) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    };
    assert!(
        found
            .iter()
            .any(|e| e.contains("code 404 is already in the built-in registry")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.contains("name `Missing` is already used")),
        "{found:#?}"
    );
    let merged = Spec::parse(
        &entry("460", "ClientClosedConnection"),
        "ext.toml",
        Some(&base),
    )
    .expect("valid extension");
    let codes: Vec<u16> = merged.codes.iter().map(|entry| entry.code).collect();
    assert_eq!(codes, [200, 404, 460]);
}

#[test]
fn reports_every_problem_of_one_entry_together() {
    let source = "[[code]]\ncode = \"404\"\nname = \"NotFound\"\nphrase = 3\nstatus = \"official\"\nflavour = 1\nno_body = \"yes\"\nmust_headers = [\"Allow\", 7]\n";
    let found = errors(source);
    let expected = [
        "test.toml:1:1: this table has no `source`, `reference`, `description`; every [[code]] needs code, name, phrase, source, status, reference and description",
        "test.toml:2:8: `code` must be an integer, not a string",
        "test.toml:4:10: `phrase` must be a string, not an integer",
        "test.toml:5:10: unknown status `official`; expected one of `registered`, `deprecated`, `unused`, `unofficial`",
        "test.toml:6:1: unknown key `flavour`; expected one of `code`, `name`, `phrase`, `source`, `status`, `reference`, `description`, `no_body`, `must_headers`, `should_headers`, `may_headers`, `cacheable`, `retryable`, `redirect`, `permanent`, `keeps_method`, `interim`, `unsatisfied_range`, `allow_excludes_method`, `grpc`, `alias`",
        "test.toml:7:11: `no_body` must be true or false, not a string",
        "test.toml:8:26: `must_headers` must be a string, not an integer",
    ];
    assert_eq!(found, expected);
}

#[test]
fn checks_alias_and_warning_tables_by_their_own_keys() {
    let source = format!(
        "{}[[code.alias]]\nphrase = \"Other\"\n\n[[warning]]\ncode = 110\nname = \"Stale\"\n",
        entry("460", "Custom")
    );
    let found = errors(&source);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].ends_with("this table has no `name`; every [[code.alias]] needs name and phrase"),
        "{found:#?}"
    );
    assert!(
        found[1].ends_with("this table has no `phrase`, `reference`, `description`; every [[warning]] needs code, name, phrase, reference and description"),
        "{found:#?}"
    );
}

#[test]
fn rejects_codes_too_large_for_any_integer_and_non_table_entries() {
    let found = errors(&entry("99999999999999999999", "Huge"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`code` is too large a number"),
        "{found:#?}"
    );

    let found = errors("code = [1, 2]\n");
    assert_eq!(
        found,
        [
            "test.toml:1:9: each [[code]] entry must be a table, not an integer",
            "test.toml:1:12: each [[code]] entry must be a table, not an integer",
        ]
    );
}

/// `spec/README.md` documents each table's keys; they must be exactly the
/// keys the reader knows, in the same order, with the same type and
/// required-ness, so the documentation cannot drift from `model.rs`.
#[test]
fn the_documented_keys_are_the_keys_read() {
    use super::model::{RawAlias, RawCode, RawWarning};

    let readme_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/README.md");
    let readme = std::fs::read_to_string(readme_path).expect("spec/README.md is readable");
    for schema in [&RawCode::SCHEMA, &RawAlias::SCHEMA, &RawWarning::SCHEMA] {
        let heading = format!("## `{}`: fields", schema.kind);
        let section = readme
            .split_once(&heading)
            .unwrap_or_else(|| panic!("spec/README.md has no section {heading:?}"))
            .1;
        let documented: Vec<(String, String, bool)> = section
            .lines()
            .skip_while(|line| !line.starts_with("| key |"))
            .skip(2)
            .take_while(|line| line.starts_with('|'))
            .map(|row| {
                let cells: Vec<&str> = row.split('|').map(str::trim).collect();
                let key = cells[1].trim_matches('`').to_owned();
                let required = cells[3].starts_with("yes");
                (key, cells[2].to_owned(), required)
            })
            .collect();
        // Nested tables (`alias`) are documented in a section of their own.
        let read: Vec<(String, String, bool)> = schema
            .keys
            .iter()
            .filter(|key| key.kind != "aliases")
            .map(|key| {
                let doc_type = match key.kind {
                    "integer" => "integer",
                    "flag" => "bool",
                    "strings" => "array of strings",
                    _ => "string",
                };
                (key.name.to_owned(), doc_type.to_owned(), key.required)
            })
            .collect();
        assert_eq!(documented, read, "{heading} in spec/README.md");
    }
}

#[test]
fn reports_unknown_grpc_codes_and_interim_outside_1xx() {
    let found = errors(&(entry("299", "A") + "grpc = \"NotFound\"\n"));
    assert!(
        found[0].contains("`NotFound` is not a google.rpc.Code; use one of OK, CANCELLED"),
        "{found:#?}"
    );
    let found = errors(&(entry("299", "A") + "interim = true\n"));
    assert!(
        found[0].contains("code 299 is marked `interim`, but only a 1xx status is interim"),
        "{found:#?}"
    );
    assert!(errors(&(entry("199", "A") + "interim = true\ngrpc = \"OK\"\n")).is_empty());
}
