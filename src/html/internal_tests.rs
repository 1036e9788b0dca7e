//! Unit tests that need the module's insides.

use std::io::Write as _;

use super::*;

/// Output bytes and how many of them were copied from located input slices.
fn borrow_stats(html: &str, options: &TextOptions) -> (usize, usize) {
    let mut out = String::new();
    let sink = lane::run(html, borrow::CHUNK, |locator| {
        let mut writer = Writer::new(
            Dest::String(&mut out),
            html,
            options.inline,
            options.keep_nbsp,
        );
        writer.locate_always = true;
        writer.image_alt = options.image_alt;
        TextSink::new(writer, locator, options, false)
    });
    let borrowed = sink.into_layout().borrowed;
    (out.len(), borrowed)
}

#[test]
fn most_text_of_a_realistic_post_is_borrowed() {
    let html = include_str!("../../tests/fixtures/html/realistic-post.html");
    let (total, borrowed) = borrow_stats(html, &TextOptions::default());
    let share = borrowed as f64 / total as f64;
    // Straight to stderr, past the test harness's capture.
    let _ = writeln!(
        std::io::stderr(),
        "realistic post: {borrowed} of {total} output bytes borrowed ({:.1}%)",
        share * 100.0
    );
    assert!(share > 0.95, "only {:.1}% borrowed", share * 100.0);
}

/// How a test converts: the fast lane with the tokenizer for the rest (as
/// the crate does), or the tokenizer alone.
#[derive(Clone, Copy, Debug)]
enum Path {
    Lane,
    TokenizerOnly,
}

/// Converts `html` along `path`, feeding the tokenizer `chunk` bytes at
/// most at a time; the text and the links.
fn text_in_chunks(
    html: &str,
    options: &TextOptions,
    chunk: usize,
    path: Path,
) -> (String, Vec<TextLink<'static>>) {
    let make = |locator| {
        let mut writer = Writer::new(Dest::text(html), html, options.inline, options.keep_nbsp);
        writer.image_alt = options.image_alt;
        TextSink::new(writer, locator, options, true)
    };
    let sink = match path {
        Path::Lane => lane::run(html, chunk, make),
        Path::TokenizerOnly => borrow::tokenize_in_chunks(html, chunk, make),
    };
    let (dest, links) = sink.into_layout().finish();
    let links = links
        .into_iter()
        .map(|l| TextLink {
            range: l.range,
            href: l.href.into_owned(),
        })
        .collect();
    (dest.into_text().into_string(), links)
}

/// `html` converted by the fast lane, fed `chunk` bytes at most at a
/// time, and by the tokenizer alone, fed at once: the two must be equal.
fn both_ways(
    html: &str,
    options: &TextOptions,
    chunk: usize,
) -> [(String, Vec<TextLink<'static>>); 2] {
    [
        text_in_chunks(html, options, chunk, Path::Lane),
        text_in_chunks(html, options, usize::MAX, Path::TokenizerOnly),
    ]
}

/// The HTML fixtures, and a few inputs that cut across everything.
fn fixtures() -> Vec<String> {
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
    inputs.push(
        "\u{feff}<P>Up</P ><BR/><br />x<Xmp><p>raw</p></xmp><svg><b>no</b><title>t</title></svg>y"
            .to_owned(),
    );
    inputs.push(
        "<p>a<script>if (a</p>b) {}</script>c<textarea><b>d</b></textarea><plaintext><p>e</p>"
            .to_owned(),
    );
    // Character references that are not, ending like tags.
    inputs.push("x&am>y &p>".to_owned());
    assert!(inputs.len() > 20);
    inputs
}

/// The options the tests convert with: each mode and each switch.
fn all_options() -> [TextOptions; 4] {
    let alt = TextOptions {
        image_alt: true,
        keep_nbsp: true,
        ..TextOptions::default()
    };
    [
        TextOptions::default(),
        TextOptions::inline(),
        TextOptions::excerpt(),
        alt,
    ]
}

/// The fast lane gives exactly what the tokenizer alone gives, text and
/// links, in every mode and fed in chunks of any size.
#[test]
fn the_fast_lane_gives_what_the_tokenizer_gives() {
    for options in all_options() {
        for html in &fixtures() {
            let want = text_in_chunks(html, &options, usize::MAX, Path::TokenizerOnly);
            for chunk in [1, 2, 3, 5, 7, 16, 100, usize::MAX] {
                assert_eq!(
                    text_in_chunks(html, &options, chunk, Path::Lane),
                    want,
                    "lane, chunks of {chunk} in {html:?} with {options:?}"
                );
            }
        }
    }
}

/// Feeding the input in chunks (as big inputs are) gives the same text and
/// links whatever the chunk size: tags, character references, CRLF pairs
/// and multi-byte characters cut across chunks are put back together.
#[test]
fn chunked_feeding_gives_the_same_text() {
    for options in all_options() {
        for html in &fixtures() {
            let whole = text_in_chunks(html, &options, usize::MAX, Path::TokenizerOnly);
            for chunk in [1, 2, 3, 5, 7, 16, 100] {
                assert_eq!(
                    text_in_chunks(html, &options, chunk, Path::TokenizerOnly),
                    whole,
                    "chunks of {chunk} in {html:?}"
                );
            }
        }
    }
}

/// A byte order mark is dropped at the start of the input only: html5ever
/// drops one at the start of every feed, which lost a U+FEFF that began a
/// chunk.
#[test]
fn a_byte_order_mark_is_text_past_the_start() {
    for path in [Path::Lane, Path::TokenizerOnly] {
        for chunk in [1, 2, 3, usize::MAX] {
            let (text, _) =
                text_in_chunks("\u{feff}ab\u{feff}c&amp;\u{feff}", &DEFAULT, chunk, path);
            assert_eq!(text, "ab\u{feff}c&\u{feff}", "{path:?}, chunks of {chunk}");
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
                "\u{feff}",
            ]),
            0..40,
        ),
        chunk in 1usize..24,
        inline in proptest::bool::ANY,
    ) {
        let html = pieces.concat();
        let options = if inline { TextOptions::inline() } else { TextOptions::default() };
        proptest::prop_assert_eq!(
            text_in_chunks(&html, &options, chunk, Path::TokenizerOnly),
            text_in_chunks(&html, &options, usize::MAX, Path::TokenizerOnly)
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]

    /// As [`the_fast_lane_gives_what_the_tokenizer_gives`], for generated
    /// HTML: tags the lane reads and tags it leaves to the tokenizer, side
    /// by side, cut into chunks anywhere.
    #[test]
    fn the_fast_lane_gives_what_the_tokenizer_gives_for_any_input(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "<p>", "</p>", "<P>", "</P >", "<p\n>", "<p/>", "</p/>", "<br>", "<br/>",
                "<br />", "</br>", "<b>", "</b>", "<h2 class=x>", "</h2>", "<div>", "</div>",
                "<pre>", "</pre>", "<ul>", "<ol>", "<ol reversed>", "</ol>", "<li>", "</li>",
                "<table>", "<tr>", "<td>", "</td>", "</table>", "<a href=\"/x&amp;y\">",
                "<a>", "</a>", "<a class=more-link href=/m>", "<span class=screen-reader-text>",
                "<span>", "</span>", "<img alt=pic>", "<img>", "<svg>", "</svg>", "<head>",
                "<body>", "<select>", "</select>", "<script>", "</script>", "<style>",
                "</style>", "<xmp>", "</xmp>", "<title>", "</title>", "<textarea>",
                "<plaintext>", "<x-y>", "<h1 >", "<!--", "-->", "<!DOCTYPE html>", "<?x>",
                "\r", "\n", "\r\n", "\0", "\u{feff}", "&amp;", "&am", "&#8217;", "&nbsp;",
                "é", "😀", "word", "Long enough words", " ", "  ", "\t", "<", "</", ">", "/",
                "\u{a0}", "\u{ad}", "\u{1}", "\u{7f}", "\u{fffe}", "\u{c}",
                // Attributes, which the lane reads as the tokenizer does.
                "<a href='/s'>", "<a href=/u?a=1&amp;b=2>", "<a HREF=\"/x\" href=\"/dup\">",
                "<p hidden>", "<span style=\"display:none\">", "<span style='color:red'>",
                "<img alt=\"x&amp;y\" src=z>", "<ol start=3 reversed>", "<li value=7>",
                "<a href=\"&copy=1&copy;&#x41&#150;\">", "<p\tclass=\"x\"\r\nid=y>",
                "<div data-x=\"<p>\">", "<a href=\"\0\r\n\">", "<font color=red>", "<math>",
                "<annotation-xml encoding=\"text/html\">", "<mi>", "<foreignObject>",
                "<script src=x>", "<style media=all>", "<title lang=en>", "<plaintext x=1>",
                "<xmp a>", "<textarea name=t>", "<p a=1 a=2 b>", "</p class=x>", "</a href=y/>",
                "<a href=\"x\"/>", "<a =x>", "<a \"q\"=1>", "<img alt=a/>", "<p class",
                "<a href=\"", "<select a>", "<button b>", "<object c>",
                "<input type=Hidden>", "<input TYPE='x' type=hidden>",
            ]),
            0..40,
        ),
        chunk in 1usize..24,
        option in 0usize..4,
    ) {
        let [lane, tokenizer] = both_ways(&pieces.concat(), &all_options()[option], chunk);
        proptest::prop_assert_eq!(lane, tokenizer);
    }

    /// The same, a character at a time from an alphabet of markup
    /// characters and the letters of a few element names: the edges of tag
    /// syntax (`<p/ >`, `</ p>`, `<p\r>`, `&p>`...) without a list of them.
    #[test]
    fn the_fast_lane_gives_what_the_tokenizer_gives_for_any_markup(
        html in "[<>/&;#=\"' \n\r\t\u{c}\0!?pbrPBdivsclxmte1-hfayHAopn]{0,60}",
        chunk in 1usize..24,
        option in 0usize..4,
    ) {
        let [lane, tokenizer] = both_ways(&html, &all_options()[option], chunk);
        proptest::prop_assert_eq!(lane, tokenizer);
    }
}

/// The fast path returns its input only where the tokenizer would: every
/// string of up to four pieces from an alphabet of the characters it tests
/// for (and their look-alikes), in every mode, converts to itself whenever
/// [`plain_check::is_plain`] says it does.
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
                if !plain_check::is_plain(s, keep_nbsp) {
                    continue;
                }
                plain += 1;
                for mut options in [TextOptions::default(), TextOptions::inline()] {
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

#[path = "../../tests/common/mod.rs"]
mod common;

/// Every string with markup in the WordPress corpus (titles, excerpts,
/// contents, Yoast heads, plugin fields) in each mode, and every
/// aggregator file whole: the fast lane gives exactly what the tokenizer
/// alone gives.
#[test]
fn the_fast_lane_gives_what_the_tokenizer_gives_over_the_corpus() {
    fn strings<'v>(value: &'v serde_json::Value, out: &mut Vec<&'v str>) {
        match value {
            serde_json::Value::String(s) if s.contains(['<', '&']) => out.push(s),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let test = "fast lane against the tokenizer";
    let (Some(wordpress), Some(aggregator)) = (
        common::corpus(test, "wordpress"),
        common::corpus(test, "aggregator"),
    ) else {
        return;
    };
    let (mut compared, mut bytes, mut unparsed) = (0, 0, 0);
    let mut compare = |html: &str, options: &TextOptions| {
        let [lane, tokenizer] = both_ways(html, options, borrow::CHUNK);
        assert!(
            lane == tokenizer,
            "the lane differs on {html:?} with {options:?}"
        );
        compared += 1;
        bytes += html.len();
    };
    for file in common::files(&wordpress, &["json"]) {
        let raw = std::fs::read_to_string(&file).unwrap_or_default();
        let Ok(value) = serde_json::from_str(&common::strict_json(&raw)) else {
            unparsed += 1;
            continue;
        };
        let mut found = Vec::new();
        strings(&value, &mut found);
        for html in found {
            for options in all_options() {
                compare(html, &options);
            }
        }
    }
    for file in common::files(&aggregator, &["md", "markdown"]) {
        let raw = std::fs::read(&file).expect("aggregator file");
        compare(&String::from_utf8_lossy(&raw), &TextOptions::default());
    }
    common::say(format_args!(
        "{test}: {compared} conversions of {bytes} bytes the same both ways \
         ({unparsed} WordPress files not strict JSON, not compared)"
    ));
    assert!(compared > 5_000, "only {compared} conversions");
}

/// The attributes html5ever's tokenizer gives the first tag of `html`.
fn tokenizer_attrs(html: &str) -> Vec<(String, String)> {
    use html5ever::tokenizer::{BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer};
    struct First(std::cell::RefCell<Option<Vec<(String, String)>>>);
    impl TokenSink for First {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::TagToken(tag) = token {
                let mut first = self.0.borrow_mut();
                if first.is_none() {
                    *first = Some(
                        tag.attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect(),
                    );
                }
            }
            TokenSinkResult::Continue
        }
    }
    let queue = BufferQueue::default();
    queue.push_back(html5ever::tendril::StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(First(Default::default()), Default::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.0.into_inner().unwrap_or_default()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

    /// The lane's tag reader keeps each kept attribute exactly as the
    /// tokenizer gives it: character references (named, legacy, numeric,
    /// in every attribute form), carriage returns, NUL, duplicates, case,
    /// quotes and the states between attributes.
    #[test]
    fn tag_reader_keeps_attributes_as_the_tokenizer_gives_them(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "\t", "\r\n", "\r", "/", "=", "\"", "'", "HREF", "href", "alt", "class",
                "style", "x", "&", "&amp", "&amp;", "&copy", "&copy;", "&not", "&notin;", "&#",
                "&#x", "&#65", "&#x41;", "&#150;", "&#0;", "&#1114112;", "&bogus;", ";", "a", "1",
                "é", "\0", "<", "`", "hidden", "value", "start",
            ]),
            0..24,
        ),
    ) {
        let html = format!("<a {}>", pieces.concat());
        let want = tokenizer_attrs(&html);
        let mut tag = tag_reader::ReadTag::new(&html);
        if tag_reader::read_tag(&html, 0, &mut tag) == tag_reader::TagRead::Tag {
            for name in tag_reader::KEPT {
                let theirs = want.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
                proptest::prop_assert_eq!(tag.attr(name), theirs, "{} in {:?}", name, html);
            }
            proptest::prop_assert_eq!(tag.any_attrs, !want.is_empty(), "{:?}", html);
        } else {
            // The tag never ends: the tokenizer gives no tag either.
            proptest::prop_assert!(want.is_empty(), "{:?}", html);
        }
    }
}

/// The link styles and spacing switches Markdown is written with.
fn markdown_options() -> [MarkdownOptions; 3] {
    let references = MarkdownOptions {
        reference_links: true,
        ..MarkdownOptions::default()
    };
    let nbsp = MarkdownOptions {
        keep_nbsp: true,
        ..MarkdownOptions::default()
    };
    [MarkdownOptions::default(), references, nbsp]
}

/// Plain text written in one piece gives what writing it word by word
/// gives: `html` converted both ways, with each of [`markdown_options`].
fn assert_plain_words_as_word_by_word(html: &str) {
    for options in markdown_options() {
        let [one_piece, word_by_word] = markdown::to_markdown_both_ways(html, &options);
        assert_eq!(one_piece, word_by_word, "{html:?} with {options:?}");
    }
}

/// Every HTML and Markdown fixture, and texts at each place that decides
/// an escape or a held word (a line's start, a span's edge, a link, a
/// cell, a heading), across tags that write nothing.
#[test]
fn plain_text_in_one_piece_is_what_word_by_word_writes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html/markdown");
    let mut inputs = fixtures();
    for entry in std::fs::read_dir(dir).expect("Markdown fixtures") {
        let path = entry.expect("fixture").path();
        if path.extension().is_some_and(|e| e == "html") {
            inputs.push(std::fs::read_to_string(path).expect("fixture"));
        }
    }
    assert!(inputs.len() > 40, "{} inputs", inputs.len());
    for html in &inputs {
        assert_plain_words_as_word_by_word(html);
    }
    for html in [
        "<p>1</p>",
        "<p>1<span></span>. x</p>",
        "<p>Plain words then<span> more</span> words.</p>",
        "<ol><li>2<li>- item<li>a b</ol>",
        "<h2>Title # with #</h2>",
        "<p>a <em>b</em>c <strong>d </strong> e<a href=/x>f</a>g</p>",
        "<table><tr><td>a b<td>c | d</table>",
        "<blockquote>quoted<br>line</blockquote>",
        "<p>end of line \n next\tline  two</p>",
        "<p>\u{a0}</p><p>\u{a0} lead, trail \u{a0}</p><p>x \u{a0}\n y</p>",
        "<p>a\u{a0}b c\u{a0}d\u{a0}e\u{a0}f\u{a0}g\u{a0}h\u{a0}i\u{a0}j\u{a0}k\u{a0}l</p>",
        "<p>1\u{a0}2</p><p>x<span>\u{a0}</span>y</p><p>soft\u{ad}hyphen zero\u{200b}width</p>",
        // Each in a text of its own: one that goes word by word takes
        // the whole text with it.
        "<p>snake_case a_b_c 1_2</p><p>a _lead</p><p>a trail_</p><p>é_x</p><p>x_é</p>",
        "<p>__x</p><p>_x</p><p>x<em>y</em>_z</p><p><a href=/u>l</a>_m</p>",
        "<p>HP _ LA-1 _x y_ z</p><p>a__b a_ _b</p><p>é_ x</p><p>x _é</p><p>é_é x</p>",
        "<p>a\u{a0}_\u{a0}b</p><p>a _\u{ad}b</p><p>a\u{ad}_ b</p><p>a _</p><p>_ a</p>",
        "<h2>a _ b</h2><table><tr><td>a _ b<td>x_ y</table><p><a href=/u>a _ b</a></p>",
        "<p>a _\tb c\n_\u{a0}d e\u{a0}_ f</p><p><em>a _ b</em> c _ d</p><p>a\u{2003}_\u{2003}b</p>",
        "<p>_ _ _</p><p>a<br>_ _ _</p><ul><li>_ x</ul><p>x</p>_ _ _",
        "<table><tr><td>a_b<td>_c</table>",
        "<h2>2024 in review</h2><h3>1. First</h3><h2>Plain heading</h2>",
        "<h2>é</a>#</h2><h2><em>a</em>#</h2><h2>a #</h2><h2>a<span></span>#</h2>",
        "<p>2024 was</p><p>1.5 m</p><p>3) z</p><p>12</p><p>7x</p><p>8\u{a0}y</p>",
        "<p>a [b] c</p><p>x[1]</p><p><a href=/u>[x] y</a></p><p><em>[e]</em></p>",
    ] {
        assert_plain_words_as_word_by_word(html);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]

    /// As above, for generated HTML: words that need no escape beside
    /// those that do, at every place a line, a span, a link or a cell
    /// starts or ends.
    #[test]
    fn plain_text_in_one_piece_is_what_word_by_word_writes_for_any_input(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "word", "two words", "a", "1", "12", ". x", ") y", "#", "# h", "-", "+", "*",
                "2024 y", "1.5 m", "7x", "[x", "a[b] c",
                "x_y", " _a", "a_ ", "_1", "é_", "a _ b", " _ ", "x__y",
                "=", "> q", "_", "[", "]", "(u)", "|", "~", "`", "\\", "&amp;", "&lt;",
                "é", "’", "\u{a0}", "&nbsp;", "\u{ad}", "\u{200b}", " ", "  ", "\n", "\t",
                "<p>", "</p>", "<br>", "<h2>", "</h2>", "<li>", "<ol>", "</ol>", "<ul>",
                "</ul>", "<blockquote>", "</blockquote>", "<em>", "</em>", "<strong>",
                "</strong>", "<del>", "</del>", "<code>", "</code>", "<span>", "</span>",
                "<a href=\"/x\">", "<a href=\"https://e.x/\">", "</a>", "<table>", "<tr>",
                "<td>", "</td>", "</table>", "<pre>", "</pre>", "<img src=i alt=a>", "<hr>",
            ]),
            0..30,
        ),
    ) {
        let html = pieces.concat();
        for options in markdown_options() {
            let [one_piece, word_by_word] = markdown::to_markdown_both_ways(&html, &options);
            proptest::prop_assert_eq!(one_piece, word_by_word, "{:?} with {:?}", html, options);
        }
    }
}
