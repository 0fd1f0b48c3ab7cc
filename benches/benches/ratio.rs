//! What both bench binaries share: the criterion configuration and an
//! in-process ratio measurement, since criterion does not hand its results
//! back to the program.
//!
//! The ratio method: for each pair, find a batch size that takes about
//! [`BATCH`], then time one batch of ours and one batch of the peer
//! alternately (swapping which goes first every round) for [`ROUNDS`] rounds,
//! and compare the medians of the per-iteration times.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;

/// How long one timed batch should take.
const BATCH: Duration = Duration::from_millis(10);
/// Timed rounds per pair; each round times one batch of each side.
const ROUNDS: usize = 31;

/// The criterion settings both binaries use: short enough that a whole
/// `cargo bench -p status-benches` stays well under two minutes on two cores.
pub(crate) fn criterion() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(800))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
        .nresamples(20_000)
        .configure_from_args()
}

/// Whether the binary runs as a benchmark (`cargo bench`), as opposed to the
/// quick smoke run of `cargo test --benches`: the ratio table is only worth
/// its seconds in the former.
pub(crate) fn benchmarking() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

/// One line of the ratio table.
pub(crate) struct Ratio {
    name: &'static str,
    ours_ns: f64,
    peer_ns: f64,
    target: f64,
}

impl Ratio {
    fn ratio(&self) -> f64 {
        self.ours_ns / self.peer_ns
    }
}

/// Times `ours` against `peer`, each a closure doing one iteration's work.
/// `target` is the ratio (ours / peer) the pair should stay at or below.
pub(crate) fn measure<O: FnMut(), P: FnMut()>(
    name: &'static str,
    target: f64,
    mut ours: O,
    mut peer: P,
) -> Ratio {
    // Warm both up, then size the batch on the slower of the two.
    let iterations = batch_size(&mut ours).min(batch_size(&mut peer));
    let mut ours_ns = Vec::with_capacity(ROUNDS);
    let mut peer_ns = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        if round % 2 == 0 {
            ours_ns.push(time_batch(&mut ours, iterations));
            peer_ns.push(time_batch(&mut peer, iterations));
        } else {
            peer_ns.push(time_batch(&mut peer, iterations));
            ours_ns.push(time_batch(&mut ours, iterations));
        }
    }
    Ratio {
        name,
        ours_ns: median(&mut ours_ns),
        peer_ns: median(&mut peer_ns),
        target,
    }
}

/// Iterations that take about [`BATCH`].
fn batch_size<F: FnMut()>(work: &mut F) -> u32 {
    let mut iterations = 1_u32;
    loop {
        let start = Instant::now();
        for _ in 0..iterations {
            work();
        }
        let elapsed = start.elapsed();
        if elapsed >= BATCH / 4 || iterations >= 1 << 30 {
            let scale = BATCH.as_secs_f64() / elapsed.as_secs_f64().max(1e-9);
            // Clamped to 1..=u32::MAX first, so the cast is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let sized = (f64::from(iterations) * scale).clamp(1.0, f64::from(u32::MAX)) as u32;
            return sized;
        }
        iterations *= 2;
    }
}

/// Nanoseconds per iteration over one batch.
fn time_batch<F: FnMut()>(work: &mut F, iterations: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..iterations {
        work();
    }
    let elapsed = black_box(start.elapsed());
    elapsed.as_secs_f64() * 1e9 / f64::from(iterations)
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Prints the table. A miss is information, not a failure.
pub(crate) fn print_table(title: &str, ratios: &[Ratio]) {
    println!();
    println!(
        "{title}: ratio = ours / peer, medians of {ROUNDS} alternating batches of ~{} ms each",
        BATCH.as_millis()
    );
    println!(
        "{:<16} {:>12} {:>12} {:>8} {:>8}  result",
        "pair", "ours_ns", "peer_ns", "ratio", "target"
    );
    for ratio in ratios {
        let value = ratio.ratio();
        let verdict = if value <= ratio.target {
            "PASS"
        } else {
            "MISS"
        };
        println!(
            "{:<16} {:>12.1} {:>12.1} {:>8.3} {:>8}  {verdict}",
            ratio.name,
            ratio.ours_ns,
            ratio.peer_ns,
            value,
            format!("<= {}", ratio.target),
        );
    }
}
