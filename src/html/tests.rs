//! Unit tests that need the module's insides.

use std::io::Write as _;

use super::*;

/// Output bytes and how many of them were copied from located input slices.
fn borrow_stats(html: &str, options: &Options) -> (usize, usize) {
    let mut out = String::new();
    let sink = borrow::tokenize(html, |locator| {
        let mut writer = Writer::new(
            Dest::String(&mut out),
            html,
            options.inline,
            options.keep_nbsp,
        );
        writer.locate_always = true;
        TextSink::new(writer, locator, options, false)
    });
    let borrowed = sink.into_writer().borrowed;
    (out.len(), borrowed)
}

#[test]
fn most_text_of_a_realistic_post_is_borrowed() {
    let html = include_str!("../../tests/fixtures/html/realistic-post.html");
    let (total, borrowed) = borrow_stats(html, &Options::default());
    let share = borrowed as f64 / total as f64;
    // Straight to stderr, past the test harness's capture.
    let _ = writeln!(
        std::io::stderr(),
        "realistic post: {borrowed} of {total} output bytes borrowed ({:.1}%)",
        share * 100.0
    );
    assert!(share > 0.85, "only {:.1}% borrowed", share * 100.0);
}
