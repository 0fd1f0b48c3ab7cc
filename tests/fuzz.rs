//! The fuzz targets on stable, under `cargo test`: each replays its corpus
//! in `fuzz/corpus/<target>/`, then mutates corpus entries for a bounded
//! time and runs the same checks as the cargo-fuzz target
//! (`fuzz/checks/<target>.rs`, shared by both).
//!
//! There is no coverage feedback here, as libFuzzer has on nightly: the
//! mutations are blind (bit flips, byte runs, splices of two entries, tokens
//! of `fuzz/spec_parse.dict`), from a seed printed at the start. An input that
//! fails a check is written to the corpus as `crash-<hash>`, so that every
//! later run replays it, and the test fails naming the file.
//!
//! `STATUS_FUZZ_SECONDS` sets the mutation time per target (default 3);
//! `STATUS_FUZZ_SEED` replays a run.

// The spec modules of the macro crate, compiled in as `benches/expand.rs`
// does; not every item is reached from here.
#![allow(dead_code, unreachable_pub, unused_imports)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../status-macros/src/spec/mod.rs"]
mod spec;

// The spec checks header names with the macro crate's own rules.
#[path = "../status-macros/src/header.rs"]
mod header;

#[path = "../fuzz/checks/problem_render.rs"]
mod problem_render;
#[path = "../fuzz/checks/spec_parse.rs"]
mod spec_parse;
#[path = "../fuzz/checks/status_parse.rs"]
mod status_parse;

/// xorshift64*: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound` (which is not 0).
    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(bound).unwrap_or(u64::MAX)).unwrap_or(0)
    }
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every file of `fuzz/corpus/<target>`, by name.
fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = fuzz_dir().join("corpus").join(target);
    let mut entries: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let bytes = std::fs::read(&path).expect("a readable corpus file");
            (path, bytes)
        })
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "{} is empty", dir.display());
    entries
}

/// The tokens of a libFuzzer dictionary: `name="value"` or `"value"` lines,
/// with `\\`, `\"` and `\xNN` escapes.
fn dictionary() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(fuzz_dir().join("spec_parse.dict")).unwrap_or_default();
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| {
            let start = line.find('"')?;
            let end = line.rfind('"')?;
            let quoted = line.get(start + 1..end)?;
            let mut token = Vec::new();
            let mut bytes = quoted.bytes();
            while let Some(byte) = bytes.next() {
                if byte != b'\\' {
                    token.push(byte);
                    continue;
                }
                match bytes.next() {
                    Some(b'x') => {
                        let hex: Vec<u8> = bytes.by_ref().take(2).collect();
                        let hex = std::str::from_utf8(&hex).ok()?;
                        token.push(u8::from_str_radix(hex, 16).ok()?);
                    }
                    Some(escaped) => token.push(escaped),
                    None => token.push(b'\\'),
                }
            }
            (!token.is_empty()).then_some(token)
        })
        .collect()
}

/// Bytes that tend to matter: delimiters of TOML, JSON and HTTP, control
/// characters, the edges of ASCII and UTF-8.
const INTERESTING: &[u8] = b"\0\t\n\r \"#',.0129:=[\\]{}\x7f\x80\xc3\xe2\xff";

/// `input` changed by one to four blind edits.
fn mutate(rng: &mut Rng, input: &[u8], corpus: &[(PathBuf, Vec<u8>)], dict: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let index = rng.below(out.len());
                out[index] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let index = rng.below(out.len());
                out[index] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 => {
                let run = vec![INTERESTING[rng.below(INTERESTING.len())]; 1 + rng.below(16)];
                out.splice(at..at, run);
            }
            3 if !out.is_empty() => {
                let end = (at + 1 + rng.below(32)).min(out.len());
                let start = at.min(end);
                out.drain(start..end);
            }
            4 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(64)).min(out.len());
                let chunk = out[start..end].to_vec();
                out.splice(at..at, chunk);
            }
            5 => {
                let other = &corpus[rng.below(corpus.len())].1;
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(256)).min(other.len());
                    out.splice(at..at, other[start..end].iter().copied());
                }
            }
            _ if !dict.is_empty() => {
                let token = &dict[rng.below(dict.len())];
                out.splice(at..at, token.iter().copied());
            }
            _ => out.push(INTERESTING[rng.below(INTERESTING.len())]),
        }
    }
    out.truncate(64 * 1024);
    out
}

/// FNV-1a, for the name of a crash file.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn seconds() -> Duration {
    let seconds = std::env::var("STATUS_FUZZ_SECONDS")
        .ok()
        .and_then(|text| text.parse::<f64>().ok())
        .unwrap_or(3.0);
    Duration::try_from_secs_f64(seconds).unwrap_or(Duration::from_secs(3))
}

fn seed(target: &str) -> u64 {
    let seed = std::env::var("STATUS_FUZZ_SEED")
        .ok()
        .and_then(|text| text.parse::<u64>().ok())
        .unwrap_or_else(|| {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            u64::try_from(now.as_nanos() % u128::from(u64::MAX)).unwrap_or(1)
        });
    // Each target its own stream from one seed; xorshift needs a non-zero state.
    (seed ^ hash(target.as_bytes())) | 1
}

/// Replays `target`'s corpus through `check`, then mutates it for
/// [`seconds`]; a failing input is saved to the corpus and fails the test.
fn fuzz(target: &str, check: fn(&[u8])) {
    let corpus = corpus(target);
    for (path, bytes) in &corpus {
        assert!(
            catch_unwind(AssertUnwindSafe(|| check(bytes))).is_ok(),
            "{target}: corpus entry {} fails its checks",
            path.display()
        );
    }
    let dict = if target == "spec_parse" {
        dictionary()
    } else {
        Vec::new()
    };
    let seed = seed(target);
    let mut rng = Rng(seed);
    let deadline = Instant::now() + seconds();
    let mut runs = 0_u64;
    while Instant::now() < deadline {
        let base = &corpus[rng.below(corpus.len())].1;
        let input = mutate(&mut rng, base, &corpus, &dict);
        runs += 1;
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            let path = fuzz_dir()
                .join("corpus")
                .join(target)
                .join(format!("crash-{:016x}", hash(&input)));
            let saved = std::fs::write(&path, &input);
            panic!(
                "{target}: a mutated input fails its checks (STATUS_FUZZ_SEED={seed}, run {runs}); \
                 saved as {} ({saved:?}): commit it with the fix",
                path.display()
            );
        }
    }
    eprintln!(
        "{target}: {} corpus entries replayed, {runs} mutations in {:?} (STATUS_FUZZ_SEED={seed})",
        corpus.len(),
        seconds()
    );
}

#[test]
fn status_parse_replays_its_corpus_and_survives_mutations() {
    fuzz("status_parse", status_parse::run);
}

#[test]
fn problem_render_replays_its_corpus_and_survives_mutations() {
    // A bounded run: the few strings each input leaks stay small.
    fuzz("problem_render", |data| {
        problem_render::run(data, &mut |text| Box::leak(text.into_boxed_str()));
    });
}

#[test]
fn spec_parse_replays_its_corpus_and_survives_mutations() {
    fuzz("spec_parse", spec_parse::run);
}

/// The harness itself can fail: a check that panics on some input is caught,
/// and the mutator reaches inputs that differ from the corpus.
#[test]
fn the_mutator_changes_inputs_and_a_failing_check_is_caught() {
    let corpus = vec![(PathBuf::from("seed"), b"status = 404".to_vec())];
    let mut rng = Rng(42);
    let changed = (0..100)
        .filter(|_| mutate(&mut rng, &corpus[0].1, &corpus, &[]) != corpus[0].1)
        .count();
    assert!(changed > 90, "{changed} of 100 mutations changed the input");
    let caught = catch_unwind(|| status_parse_fails_on_digits(b"404"));
    assert!(caught.is_err());
}

fn status_parse_fails_on_digits(data: &[u8]) {
    assert!(!data.iter().all(u8::is_ascii_digit), "digits");
}
