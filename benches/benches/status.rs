//! `status_core::StatusCode` against `http::StatusCode`: lookup by number,
//! reason phrase, `Display` and parsing, over every code both know.
//!
//! `cargo bench -p status-benches --bench status`
//!
//! Targets (ours / http, over [`MIX_LEN`] codes in random order): `from_u16`
//! and parse at most 0.9, `reason_phrase` at most 0.2, `Display` at most
//! 0.35. The work functions are `#[inline(never)]` so that their loops can be
//! read in the binary (`objdump -d -C target/release/deps/status-* | awk
//! '/<status::reason_ours>:/,/^$/'`); one call per 4096 codes costs nothing
//! measurable. What the loops compile to, and the limit for each:
//!
//! - `reason_phrase`: one shift and one 16-byte load from a 1024-entry table
//!   of `&'static str` per code, which is the limit (a table load; nothing is
//!   computed). `http`'s `canonical_reason` is a `match` on the number,
//!   compiled to a tree of compares that a random mix mispredicts.
//! - `Display`: the same load for the status line, then one `write_str`
//!   through `Formatter::pad`; the limit is `write_str` itself, and most of
//!   what remains is `fmt::write`'s dispatch, which both sides pay.
//! - `from_u16`: a range check and one 4-byte load from a 1024-entry table of
//!   finished `Result`s; `http` does a range check only, so ours cannot be
//!   much below it, and the ratio is mostly `http`'s `NonZeroU16` handling.
//! - parse: three digit checks and the same table load, indexed by the
//!   digits directly; `http` does the same checks branch-free and no load.
//!   The two loops are within a few instructions of each other, so the
//!   ratio sits near the target and moves with the machine's load.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::Criterion;
use status_core::StatusCode;

mod ratio;

/// How many codes one iteration looks at: enough that the mix, not one
/// code, decides the time, and few enough to stay in the L1 cache.
const MIX_LEN: usize = 4096;

/// [`MIX_LEN`] codes drawn at random (with a fixed generator: the same mix
/// every run) from every code `http` has a phrase for that the registry also
/// lists. Random order, so a branchy `match` cannot hide behind the branch
/// predictor as it could on a short sorted or repeating list.
fn mixed_codes() -> Vec<u16> {
    let known: Vec<u16> = (100..=999)
        .filter(|&code| {
            let theirs = http::StatusCode::from_u16(code).expect("100-999 is valid for http");
            theirs.canonical_reason().is_some() && StatusCode::from_u16(code).is_ok()
        })
        .collect();
    // A linear congruential generator (Knuth's MMIX constants), high bits only.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..MIX_LEN)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let pick = usize::try_from(state >> 33).expect("31 bits fit in usize") % known.len();
            known[pick]
        })
        .collect()
}

/// The inputs of every pair, built once.
struct Inputs {
    codes: Vec<u16>,
    ours: Vec<StatusCode>,
    theirs: Vec<http::StatusCode>,
    strings: Vec<String>,
}

impl Inputs {
    fn new() -> Self {
        let codes = mixed_codes();
        let ours = codes
            .iter()
            .map(|&code| StatusCode::from_u16(code).expect("filtered to known codes"))
            .collect();
        let theirs = codes
            .iter()
            .map(|&code| http::StatusCode::from_u16(code).expect("filtered to valid codes"))
            .collect();
        let strings = codes.iter().map(u16::to_string).collect();
        Inputs {
            codes,
            ours,
            theirs,
            strings,
        }
    }
}

#[inline(never)]
fn from_u16_ours(codes: &[u16]) {
    for &code in black_box(codes) {
        let _ = black_box(StatusCode::from_u16(black_box(code)));
    }
}

#[inline(never)]
fn from_u16_http(codes: &[u16]) {
    for &code in black_box(codes) {
        let _ = black_box(http::StatusCode::from_u16(black_box(code)));
    }
}

#[inline(never)]
fn reason_ours(codes: &[StatusCode]) {
    for &status in black_box(codes) {
        black_box(black_box(status).reason_phrase());
    }
}

#[inline(never)]
fn reason_http(codes: &[http::StatusCode]) {
    for &status in black_box(codes) {
        black_box(black_box(status).canonical_reason());
    }
}

#[inline(never)]
fn display_ours(codes: &[StatusCode], out: &mut String) {
    for &status in black_box(codes) {
        out.clear();
        write!(out, "{}", black_box(status)).expect("writing to a String cannot fail");
        black_box(out.as_str());
    }
}

#[inline(never)]
fn display_http(codes: &[http::StatusCode], out: &mut String) {
    for &status in black_box(codes) {
        out.clear();
        write!(out, "{}", black_box(status)).expect("writing to a String cannot fail");
        black_box(out.as_str());
    }
}

#[inline(never)]
fn parse_ours(strings: &[String]) {
    for text in black_box(strings) {
        let _ = black_box(black_box(text.as_str()).parse::<StatusCode>());
    }
}

#[inline(never)]
fn parse_http(strings: &[String]) {
    for text in black_box(strings) {
        let _ = black_box(http::StatusCode::from_bytes(black_box(text.as_bytes())));
    }
}

/// Both sides must agree before either is timed.
fn check(inputs: &Inputs) {
    for (index, &code) in inputs.codes.iter().enumerate() {
        let ours = inputs.ours[index];
        let theirs = inputs.theirs[index];
        assert_eq!(ours.as_u16(), theirs.as_u16());
        assert_eq!(inputs.strings[index].parse::<StatusCode>(), Ok(ours));
        assert_eq!(
            http::StatusCode::from_bytes(inputs.strings[index].as_bytes()).ok(),
            Some(theirs)
        );
        assert!(ours.to_string().starts_with(&format!("{code} ")));
        assert!(theirs.to_string().starts_with(&format!("{code} ")));
    }
}

fn bench_groups(criterion: &mut Criterion, inputs: &Inputs) {
    let mut group = criterion.benchmark_group("from_u16");
    group.bench_function("ours", |b| b.iter(|| from_u16_ours(&inputs.codes)));
    group.bench_function("http", |b| b.iter(|| from_u16_http(&inputs.codes)));
    group.finish();

    let mut group = criterion.benchmark_group("reason_phrase");
    group.bench_function("ours", |b| b.iter(|| reason_ours(&inputs.ours)));
    group.bench_function("http", |b| b.iter(|| reason_http(&inputs.theirs)));
    group.finish();

    let mut group = criterion.benchmark_group("display");
    let mut out = String::with_capacity(64);
    group.bench_function("ours", |b| b.iter(|| display_ours(&inputs.ours, &mut out)));
    group.bench_function("http", |b| {
        b.iter(|| display_http(&inputs.theirs, &mut out));
    });
    group.finish();

    let mut group = criterion.benchmark_group("parse");
    group.bench_function("ours", |b| b.iter(|| parse_ours(&inputs.strings)));
    group.bench_function("http", |b| b.iter(|| parse_http(&inputs.strings)));
    group.finish();
}

fn ratios(inputs: &Inputs) -> Vec<ratio::Ratio> {
    let mut ours_out = String::with_capacity(64);
    let mut http_out = String::with_capacity(64);
    vec![
        ratio::measure(
            "from_u16",
            0.9,
            || from_u16_ours(&inputs.codes),
            || from_u16_http(&inputs.codes),
        ),
        ratio::measure(
            "reason_phrase",
            0.2,
            || reason_ours(&inputs.ours),
            || reason_http(&inputs.theirs),
        ),
        ratio::measure(
            "display",
            0.35,
            || display_ours(&inputs.ours, &mut ours_out),
            || display_http(&inputs.theirs, &mut http_out),
        ),
        ratio::measure(
            "parse",
            0.9,
            || parse_ours(&inputs.strings),
            || parse_http(&inputs.strings),
        ),
    ]
}

fn main() {
    let inputs = Inputs::new();
    check(&inputs);

    let mut criterion = ratio::criterion();
    bench_groups(&mut criterion, &inputs);
    criterion.final_summary();

    if ratio::benchmarking() {
        let title = format!(
            "status (one iteration = {} codes, peer = http 1.x)",
            inputs.codes.len()
        );
        ratio::print_table(&title, &ratios(&inputs));
    }
}
