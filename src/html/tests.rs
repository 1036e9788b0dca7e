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

/// Converts `html` feeding the tokenizer `chunk` bytes at a time.
fn text_in_chunks(html: &str, options: &Options, chunk: usize) -> (String, Vec<Link<'static>>) {
    let sink = borrow::tokenize_in_chunks(html, chunk, |locator| {
        let writer = Writer::new(Dest::text(html), html, options.inline, options.keep_nbsp);
        TextSink::new(writer, locator, options, true)
    });
    let (dest, links) = sink.into_writer().finish();
    let links = links
        .into_iter()
        .map(|l| Link {
            range: l.range,
            href: l.href.into_owned(),
        })
        .collect();
    (dest.into_text().into_string(), links)
}

/// Feeding the input in chunks (as big inputs are) gives the same text and
/// links whatever the chunk size: tags, character references, CRLF pairs
/// and multi-byte characters cut across chunks are put back together.
#[test]
fn chunked_feeding_gives_the_same_text() {
    let mut inputs: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html"))
            .expect("fixtures")
            .filter_map(|e| {
                let path = e.ok()?.path();
                (path.extension()? == "html")
                    .then(|| std::fs::read_to_string(path).expect("fixture"))
            })
            .collect();
    inputs.sort();
    inputs.push("a&amp;b &ampx &#8217;&#x1F600;\r\n\r\nc<pre>\r\nd</pre>é€😀&nbsp;".to_owned());
    inputs.push("<p>one <a href=\"/x?a=1&amp;b=2\">two</a>\u{a0}<!-- c --> three</p>".to_owned());
    assert!(inputs.len() > 20);
    for options in [Options::default(), Options::inline(), Options::excerpt()] {
        for html in &inputs {
            let whole = text_in_chunks(html, &options, usize::MAX);
            for chunk in [1, 2, 3, 5, 7, 16, 100] {
                assert_eq!(
                    text_in_chunks(html, &options, chunk),
                    whole,
                    "chunks of {chunk} in {html:?}"
                );
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// As above, for generated HTML cut at any place.
    #[test]
    fn chunked_feeding_gives_the_same_text_for_any_input(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "<p>", "</p>", "<pre>", "\r", "\n", "\r\n", "&amp;", "&am", "&#8217;", "&#x",
                "&nbsp;", "<a href=\"/x&amp;y\">", "</a>", "<!--", "-->", "<script>", "</script>",
                "<li>", "<ol reversed>", "</ol>", "é", "€", "😀", "word", " ", "<", ">", "\u{a0}",
            ]),
            0..40,
        ),
        chunk in 1usize..24,
        inline in proptest::bool::ANY,
    ) {
        let html = pieces.concat();
        let options = if inline { Options::inline() } else { Options::default() };
        proptest::prop_assert_eq!(
            text_in_chunks(&html, &options, chunk),
            text_in_chunks(&html, &options, usize::MAX)
        );
    }
}

/// The fast path returns its input only where the tokenizer would: every
/// string of up to four pieces from an alphabet of the characters it tests
/// for (and their look-alikes), in every mode, converts to itself whenever
/// [`fast::is_plain`] says it does.
#[test]
fn fast_path_agrees_with_the_tokenizer() {
    const PIECES: [&str; 16] = [
        "a", "é", " ", "\n", "<b>", "&amp;", "\u{feff}", "\u{a0}", "\u{ad}", "\u{200b}", "’", "€",
        "\u{1}", "\u{7f}", "\r", "\u{a9}",
    ];
    let mut plain = 0;
    let mut inputs = vec![String::new()];
    for _ in 0..4 {
        let mut longer = Vec::new();
        for s in &inputs {
            for p in PIECES {
                longer.push(format!("{s}{p}"));
            }
        }
        for s in &longer {
            for keep_nbsp in [false, true] {
                if !fast::is_plain(s, keep_nbsp) {
                    continue;
                }
                plain += 1;
                for mut options in [Options::default(), Options::inline()] {
                    options.keep_nbsp = keep_nbsp;
                    let text = convert(s, &options, Dest::text(s), false).0.into_text();
                    assert_eq!(&*text, s.as_str(), "{s:?} keep_nbsp {keep_nbsp}");
                }
            }
        }
        inputs = longer;
    }
    // Not vacuous: plenty of the alphabet's strings take the fast path.
    assert!(plain > 5_000, "{plain} (string, keep_nbsp) pairs");
}
