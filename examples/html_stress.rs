//! HTML to text on hostile sizes: a million nested tags in 50 MB.
//!
//! Builds inputs of 5 MB and 50 MB (100,000 and 1,000,000 nested levels,
//! about 50 bytes a level) of four shapes — nested `<div>`s, nested lists,
//! nested tables, nested inline tags — and converts each, reporting the
//! time, the throughput and the memory the conversion needs beyond its
//! input and its output: the peak of live heap bytes (a counting global
//! allocator) and the process's peak resident set (`VmHWM`, reset before
//! each case). The text goes to a writer that only counts, so the working
//! memory is not hidden by the output's own size; one last case builds the
//! whole output as a `Text` for comparison.
//!
//! Run it in release mode, it is a measurement:
//!
//! ```text
//! cargo run --release --example html_stress            # 5 MB and 50 MB
//! cargo run --release --example html_stress -- 5 50 200 # other sizes, in MB
//! ```
//!
//! Linear time shows as the same throughput at 5 MB and 50 MB; bounded
//! memory as a working heap that does not grow with the depth.

use std::fmt;
use std::time::Instant;

use pressmark::html::{self, TextOptions};

#[path = "../tests/common/peak_alloc.rs"]
mod peak_alloc;

/// A writer that keeps nothing: counts bytes and lines.
#[derive(Default)]
struct Sink {
    bytes: usize,
}

impl fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.bytes += s.len();
        Ok(())
    }
}

/// `VmHWM` (peak resident set) in KiB, if the platform tells.
fn vm_hwm_kib() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets `VmHWM` to the current resident set (Linux: `5` to `clear_refs`).
fn reset_vm_hwm() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// `levels` nested levels of `shape`, each with a few words of text, then
/// every end tag.
fn build(shape: &str, levels: usize) -> String {
    let (open, close) = match shape {
        "div" => ("<div class=\"c\">", "</div>"),
        "list" => ("<ul><li>", "</li></ul>"),
        "table" => ("<table><tr><td>", "</td></tr></table>"),
        "inline" => ("<b>", "</b>"),
        _ => unreachable!("unknown shape {shape}"),
    };
    let words = "Clearview AI fined &euro;5.2m by the CNIL";
    let mut s = String::with_capacity(levels * (open.len() + close.len() + words.len() + 16));
    for i in 0..levels {
        s.push_str(open);
        // Enough text to make about 50 bytes a level with the end tag.
        s.push_str(&words[..(i % 7) * 3 + 20]);
        s.push(' ');
    }
    for _ in 0..levels {
        s.push_str(close);
    }
    s
}

struct Measure {
    seconds: f64,
    heap_extra: usize,
    rss_extra_kib: Option<usize>,
    out_bytes: usize,
}

fn measure(f: impl FnOnce() -> usize) -> Measure {
    let reset = reset_vm_hwm();
    let rss_before = vm_hwm_kib();
    let live_before = peak_alloc::live();
    peak_alloc::reset_peak();
    let started = Instant::now();
    let out_bytes = f();
    let seconds = started.elapsed().as_secs_f64();
    let heap_extra = peak_alloc::peak() - live_before;
    let rss_extra_kib = match (reset, rss_before, vm_hwm_kib()) {
        (true, Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    Measure {
        seconds,
        heap_extra,
        rss_extra_kib,
        out_bytes,
    }
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .map(|a| a.parse().expect("sizes in MB"))
            .collect();
        if args.is_empty() { vec![5, 50] } else { args }
    };
    if cfg!(debug_assertions) {
        eprintln!("note: a debug build; run with --release for figures worth quoting");
    }
    println!(
        "{:<8} {:>9} {:>10} {:>9} {:>10} {:>12} {:>14} {:>12}",
        "shape", "input MB", "levels", "seconds", "MB/s", "output MB", "working heap", "peak RSS +"
    );
    let options = TextOptions::default();
    for &mb in &sizes {
        let levels = mb * 20_000; // about 50 bytes a level
        for shape in ["div", "list", "table", "inline"] {
            let input = build(shape, levels);
            let m = measure(|| {
                let mut sink = Sink::default();
                html::write_text(&mut sink, &input, &options).expect("the sink never fails");
                sink.bytes
            });
            report(shape, &input, levels, &m);
        }
        // The whole output as a `Text`: what `to_text` costs, output included.
        let input = build("div", levels);
        let m = measure(|| html::to_text(&input).len());
        report("to_text", &input, levels, &m);
    }
}

fn report(shape: &str, input: &str, levels: usize, m: &Measure) {
    println!(
        "{:<8} {:>9.1} {:>10} {:>9.3} {:>10.1} {:>12.1} {:>11.2} MB {:>9}",
        shape,
        mib(input.len()),
        levels,
        m.seconds,
        mib(input.len()) / m.seconds,
        mib(m.out_bytes),
        mib(m.heap_extra),
        m.rss_extra_kib
            .map_or("n/a".to_owned(), |k| format!("{:.1} MB", k as f64 / 1024.0)),
    );
}
