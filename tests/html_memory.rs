//! HTML to text works in memory that does not grow with the input: the
//! tokenizer is fed a chunk at a time, and the writer keeps frames for a
//! bounded number of open lists and tables. Measured with a counting global
//! allocator (the peak of live heap bytes during one conversion), the text
//! going to a writer that keeps nothing.
//!
//! Before both fixes, 50,000 nested `<ul><li>` took a copy of the input and
//! 40 bytes a level (over 3 MB here); `examples/html_stress.rs` gives the
//! figures for 50 MB.
#![cfg(feature = "html")]

use std::fmt;

use pressmark::html::{self, TextOptions};

#[path = "common/peak_alloc.rs"]
mod peak_alloc;

struct Discard;

impl fmt::Write for Discard {
    fn write_str(&mut self, _: &str) -> fmt::Result {
        Ok(())
    }
}

/// The peak of live heap bytes while converting `html`, above what was live
/// before.
fn working_heap(html: &str) -> usize {
    let before = peak_alloc::live();
    peak_alloc::reset_peak();
    html::write_text(&mut Discard, html, &TextOptions::default()).unwrap();
    peak_alloc::peak() - before
}

// One test function, so that no other test allocates while this one counts.
#[test]
fn working_memory_does_not_grow_with_depth_or_size() {
    let mut report = Vec::new();
    for open in ["<ul><li>a ", "<table><tr><td>a ", "<div>a "] {
        let small = open.repeat(25_000);
        let large = open.repeat(50_000);
        let (s, l) = (working_heap(&small), working_heap(&large));
        report.push(format!(
            "{open:?}: {} KiB for {} KiB, {} KiB for {} KiB",
            s / 1024,
            small.len() / 1024,
            l / 1024,
            large.len() / 1024
        ));
        assert!(l < 512 * 1024, "{}", report.join("\n"));
        assert!(
            l <= s + 16 * 1024,
            "grows with the input: {}",
            report.join("\n")
        );
    }
    eprintln!("working heap of HTML to text:\n{}", report.join("\n"));
}
