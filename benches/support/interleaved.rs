//! A ratio that a machine changing speed does not skew: the subject and
//! its baseline timed back to back, iteration by iteration.
//!
//! Criterion times one function, then the next, several seconds each; on a
//! shared machine whose speed drifts between those windows, the ratio of
//! two separate results moves by 20% or more from run to run. Here each
//! iteration runs both, alternating which goes first, and the time
//! Criterion records is the subject's total divided by the baseline's, as
//! microseconds per iteration: **1.00 µs is as fast as the baseline, 1.11 µs
//! is 90% of its throughput** (the baseline's time over the subject's is
//! the share of its throughput).

use std::time::{Duration, Instant};

use criterion::BenchmarkGroup;
use criterion::measurement::WallTime;

/// Adds `name` to `group`: `subject`'s time in units of `baseline`'s, both
/// called with the iteration's index. The index counts on across samples
/// (Criterion starts each sample's count at zero, and its samples range
/// from a few iterations to hundreds), so that a subject cycling through
/// inputs by it gives each input the same weight.
pub fn ratio(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    mut subject: impl FnMut(u64),
    mut baseline: impl FnMut(u64),
) {
    let mut next = 0u64;
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let (mut s, mut r) = (Duration::ZERO, Duration::ZERO);
            for i in next..next + iters {
                if i % 2 == 0 {
                    s += time(|| subject(i));
                    r += time(|| baseline(i));
                } else {
                    r += time(|| baseline(i));
                    s += time(|| subject(i));
                }
            }
            next += iters;
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
