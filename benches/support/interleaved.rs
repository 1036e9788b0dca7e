//! A ratio that a machine changing speed does not skew: the subject and
//! its baseline timed back to back, input by input.
//!
//! Criterion times one function, then the next, several seconds each; on a
//! shared machine whose speed drifts between those windows, the ratio of
//! two separate results moves by 20% or more from run to run. Here each
//! iteration runs both on every input, alternating which goes first, and
//! the time Criterion records is the subject's total divided by the
//! baseline's, as microseconds per iteration: **1.00 µs is as fast as the
//! baseline, 1.11 µs is 90% of its throughput** (the baseline's time over
//! the subject's is the share of its throughput).

use std::time::{Duration, Instant};

use criterion::BenchmarkGroup;
use criterion::measurement::WallTime;

/// Adds `name` to `group`: `subject`'s time in units of `baseline`'s, over
/// inputs `0..count` (each closure is called with the input's index).
///
/// An iteration is one pass over all the inputs, so the ratio is of total
/// times: the ratio of throughputs over the whole set, where each input
/// counts for its size. One input per iteration would let Criterion's
/// samples, each a different stretch of the inputs, weigh them unevenly.
pub fn ratio(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    count: usize,
    mut subject: impl FnMut(usize),
    mut baseline: impl FnMut(usize),
) {
    let mut pass = 0usize;
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let (mut s, mut r) = (Duration::ZERO, Duration::ZERO);
            for _ in 0..iters {
                // Each input's order flips from one pass to the next, and
                // from one input to the next.
                for k in 0..count {
                    if (k + pass).is_multiple_of(2) {
                        s += time(|| subject(k));
                        r += time(|| baseline(k));
                    } else {
                        r += time(|| baseline(k));
                        s += time(|| subject(k));
                    }
                }
                pass += 1;
            }
            let ratio = s.as_secs_f64() / r.as_secs_f64().max(f64::MIN_POSITIVE);
            Duration::from_secs_f64(ratio * iters as f64 * 1e-6)
        })
    });
}

fn time(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}
