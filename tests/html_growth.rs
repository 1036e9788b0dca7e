//! HTML to text takes time linear in the input, whatever its shape: each
//! shape is converted at size `n` and `4n`, and the time must grow about
//! four times, not sixteen (as pulldown-cmark's fuzzer checks for
//! superlinear time). A ratio measured in the same run, which a slow or busy
//! machine changes far less than it changes a time; the two sizes run seven
//! times each, alternately, and the fastest run of each counts, so one
//! pause cannot fail the test.
//!
//! The first shape is the first regression: a tag with 80,000 attributes
//! took 5 s, a million minutes, because html5ever's tokenizer checks each
//! attribute against all the earlier ones (15.7 times as long at 4n before
//! the fast lane read attributes itself, 4.2 after; the 80,000-attribute
//! tag took 786 times as long as text of the same size, 0.3 after).
#![cfg(feature = "html")]

use std::time::Instant;

use pressmark::html::{self, TextOptions};

/// The most the time may grow from `n` to `4n`: 4 when linear, 16 when
/// quadratic.
const LIMIT: f64 = 8.0;

/// A shape: its name, `n`, and the input of size `n`.
type Shape = (&'static str, usize, fn(usize) -> String);

/// Shapes of input, each a function of its size in units, and the size
/// `n` to compare with `4n` (large enough that a conversion takes
/// milliseconds in a debug build, and for the attribute shapes that a
/// quadratic cost shows: at 4,000 attributes html5ever's took only 5.9
/// times as long at 4n, at 10,000 over 8).
const SHAPES: &[Shape] = &[
    ("a tag with many attributes", 10_000, |n| {
        let mut s = String::from("<p");
        for i in 0..n {
            s.push_str(&format!(" data-a{i}=\"v\""));
        }
        s.push_str(">text</p>");
        s
    }),
    ("a tag with one attribute many times", 10_000, |n| {
        format!("<a{}>text</a>", " href=\"/x\"".repeat(n))
    }),
    (
        "an `<svg>` with many attributes, then a paragraph",
        10_000,
        |n| format!("<svg{}><path/><p>after</p>", " d=\"M0\"".repeat(n)),
    ),
    ("nested divs", 4_000, |n| {
        format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n))
    }),
    ("nested bold, closed by paragraphs", 4_000, |n| {
        format!("{}{}", "<b>".repeat(n), "<p>word</p>".repeat(n))
    }),
    ("links in paragraphs left open", 4_000, |n| {
        "<p><a href=\"/l\">link</p>text ".repeat(n)
    }),
    ("hidden spans", 4_000, |n| {
        "<span style=\"display:none\">no</span><span hidden>no</span>yes ".repeat(n)
    }),
    ("svg left open, then paragraphs", 4_000, |n| {
        "<svg><g><path d=\"M0\"><p>text</p>".repeat(n)
    }),
    ("tables nested in cells", 4_000, |n| {
        format!(
            "{}x{}",
            "<table><tr><td>".repeat(n),
            "</td></tr></table>".repeat(n)
        )
    }),
    ("list items in deep lists", 4_000, |n| {
        format!("{}{}", "<ul><li>a".repeat(n), "<li>b".repeat(n))
    }),
    ("formatting elements misnested across blocks", 4_000, |n| {
        "<b>1<p>2</b>3</p><i>4<div>5</i>6</div>".repeat(n)
    }),
    ("selects left open in cells", 4_000, |n| {
        "<table><tr><td><select><option>a</td><td>b</td></tr></table>".repeat(n)
    }),
];

/// One conversion of `input`, in seconds.
fn time(input: &str) -> f64 {
    let started = Instant::now();
    let text = html::to_text_and_links(input, &TextOptions::default());
    std::hint::black_box(text);
    started.elapsed().as_secs_f64()
}

/// The fastest of seven conversions of `a` and of `b`, timed alternately
/// so that the machine's load weighs on both alike.
fn fastest_of_each(a: &str, b: &str) -> (f64, f64) {
    let (mut ta, mut tb) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..7 {
        ta = ta.min(time(a));
        tb = tb.min(time(b));
    }
    (ta, tb)
}

/// One test, so that no other test of this file runs beside it.
#[test]
fn every_shape_takes_time_linear_in_its_size() {
    let mut failures = Vec::new();
    for &(name, n, make) in SHAPES {
        let (small, large) = (make(n), make(4 * n));
        // Load from other processes only ever makes a ratio look worse:
        // a shape over the limit is measured again, up to three rounds,
        // and its best round counts (a quadratic shape stays near 16).
        let mut ratio = f64::INFINITY;
        for _ in 0..3 {
            let (ts, tl) = fastest_of_each(&small, &large);
            ratio = ratio.min(tl / ts.max(1e-9));
            if ratio <= LIMIT {
                break;
            }
        }
        eprintln!("{name}: {ratio:.1} times as long at 4n (limit {LIMIT})");
        if ratio > LIMIT {
            failures.push(format!("{name}: {ratio:.1} times as long at 4n"));
        }
    }
    // The regression itself: 80,000 attributes, read in about the time of
    // the same bytes of text.
    let attributes = SHAPES[0].2(80_000);
    let text = format!("<p>{}</p>", "x".repeat(attributes.len()));
    let (tags, plain) = fastest_of_each(&attributes, &text);
    let ratio = tags / plain.max(1e-9);
    eprintln!("80,000 attributes: {ratio:.1} times as long as text of the same size");
    if ratio > 50.0 {
        failures.push(format!(
            "80,000 attributes: {ratio:.1} times as long as text of the same size"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
