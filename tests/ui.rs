//! Compile-fail and must-compile cases. Regenerate `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p status-tests --test ui` and review the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/spec/*.rs");
    cases.compile_fail("ui/codes/*.rs");
    cases.compile_fail("ui/derive/*.rs");
    cases.pass("ui/pass/*.rs");
}
