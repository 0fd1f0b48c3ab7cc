//! cargo-fuzz target: the checks of `checks/status_parse.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../checks/status_parse.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::run(data));
