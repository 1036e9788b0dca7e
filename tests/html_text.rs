//! HTML to text: the fixture pairs under `tests/fixtures/html/`, our post
//! fixture and the seed post (when `PRESSMARK_SEEDS` is set), borrowing,
//! links, the writer entry points and the Yoast head.
#![cfg(feature = "html")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use pressmark::Text;
use pressmark::html::{self, TextOptions};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html")
}

/// The options a fixture runs with, from its name's first word.
fn options_for(name: &str) -> TextOptions {
    let mut options = match name.split('-').next() {
        Some("inline") => TextOptions::inline(),
        Some("excerpt") => TextOptions::excerpt(),
        _ => TextOptions::default(),
    };
    match name.split('-').next() {
        Some("alt") => options.image_alt = true,
        Some("keep") => options.keep_nbsp = true,
        _ => {}
    }
    options
}

/// Every `NAME.html` under `tests/fixtures/html/` gives exactly `NAME.txt`
/// (less the one line feed that ends the file). The options come from the
/// name: `inline-*` inline mode, `excerpt-*` excerpt options, `alt-*` image
/// alt text, `keep-nbsp-*` no-break spaces kept, anything else the defaults.
#[test]
fn fixtures_convert_to_their_text() {
    let mut names: Vec<String> = fs::read_dir(fixtures())
        .expect("tests/fixtures/html exists")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".html")?.to_owned())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 20, "only {} fixtures", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let html = fs::read_to_string(fixtures().join(format!("{name}.html"))).unwrap();
        let expected = fs::read_to_string(fixtures().join(format!("{name}.txt")))
            .unwrap_or_else(|_| panic!("{name}.html has no {name}.txt"));
        let expected = expected.strip_suffix('\n').unwrap_or(&expected);
        let options = options_for(name);
        let got = html::to_text_with(&html, &options);
        if got != expected {
            failures.push(format!(
                "--- {name}\nexpected: {expected:?}\n     got: {:?}",
                got.as_str()
            ));
        }
        // The other entry points give the same text.
        let mut pushed = String::from(">");
        html::push_text(&mut pushed, &html, &options);
        assert_eq!(&pushed[1..], expected, "push_text, {name}");
        let mut written = String::new();
        html::write_text(&mut written, &html, &options).unwrap();
        assert_eq!(written, expected, "write_text, {name}");
        assert_eq!(
            html::to_text_and_links(&html, &options).text,
            expected,
            "to_text_and_links, {name}"
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

/// A post's JSON, read independently of the crate.
fn read_post(raw: &str) -> serde_json::Value {
    serde_json::from_str(&common::strict_json(raw)).expect("the post parses")
}

/// Our post fixture.
fn read_fixture() -> serde_json::Value {
    read_post(&common::fixture("wordpress/post.json"))
}

#[test]
fn fixture_content_gives_its_blocks() {
    let post = read_fixture();
    let content = post["content"]["rendered"].as_str().unwrap();
    // Line feeds between the blocks are markup whitespace, not text.
    assert!(content.contains("</p>\n\n<h2"));
    let text = html::to_text(content);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "The town library will stay open until 22:00 on weekdays from 1 July, \
             a six-month trial the council has funded with €40,000.",
            "What changes",
            "- Reading rooms and study desks open late\n\
             - Loans and returns at the self-service desk",
            "“Students asked for it & so did shift workers,” said the head \
             librarian, Marta Kowalska.",
            "Council minutes",
        ]
    );
}

#[test]
fn fixture_title_excerpt_and_yoast_head() {
    let post = read_fixture();
    let title = post["title"]["rendered"].as_str().unwrap();
    assert_eq!(
        html::inline_text(title),
        "Library’s late opening – a €40,000 trial"
    );
    let excerpt = post["excerpt"]["rendered"].as_str().unwrap();
    let text = html::to_text_with(excerpt, &TextOptions::excerpt());
    assert!(text.starts_with("The town library will stay open"));
    assert!(text.ends_with("funded with €40,000. …"), "{text:?}");
    let head = html::yoast_head(post["yoast_head"].as_str().unwrap());
    let json = &post["yoast_head_json"];
    assert_eq!(head.title.as_deref(), json["title"].as_str());
    assert_eq!(
        head.title.as_deref(),
        Some("Library’s late opening – a €40,000 trial - Northfield Gazette")
    );
    assert_eq!(
        head.meta("og:image:type").map(Text::as_str),
        Some("image/jpeg")
    );
    assert_eq!(
        head.meta("twitter:data2").map(Text::as_str),
        Some("2 minutes")
    );
    assert_eq!(
        head.link("canonical").map(Text::as_str),
        json["canonical"].as_str()
    );
}

/// The seed post, read independently of the crate, when `PRESSMARK_SEEDS`
/// is set.
fn read_seed(test: &str) -> Option<serde_json::Value> {
    common::seed(test, "wordpress-post.json").map(|raw| read_post(&raw))
}

#[test]
fn seed_content_gives_three_paragraphs_and_source() {
    let Some(seed) = read_seed("seed_content_gives_three_paragraphs_and_source") else {
        return;
    };
    let content = seed["content"]["rendered"].as_str().unwrap();
    let text = html::to_text(content);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{text:?}");
    assert!(paragraphs[0].starts_with("The French data protection authority (CNIL) has fined"));
    assert!(paragraphs[0].ends_with("without a legal basis."));
    assert!(paragraphs[1].starts_with("Despite a two-month deadline"));
    assert!(paragraphs[1].ends_with("due to the company’s non-compliance."));
    assert!(paragraphs[2].starts_with("The incident is part of a wider trend"));
    assert!(paragraphs[2].ends_with("and data analytics."));
    assert_eq!(paragraphs[3], "Source");
    assert!(!text.contains('<') && !text.contains("\n\n\n"));
    for p in &paragraphs {
        assert!(!p.contains('\n'), "a line break inside {p:?}");
        assert_eq!(p.trim(), *p);
    }
}

#[test]
fn seed_title_excerpt_and_yoast_head() {
    let Some(seed) = read_seed("seed_title_excerpt_and_yoast_head") else {
        return;
    };
    let title = seed["title"]["rendered"].as_str().unwrap();
    assert_eq!(
        html::inline_text(title),
        "Clearview AI fined €5.2m by CNIL for non-compliance with regulations"
    );
    let excerpt = seed["excerpt"]["rendered"].as_str().unwrap();
    let text = html::to_text_with(excerpt, &TextOptions::excerpt());
    assert!(text.starts_with("The French data protection authority"));
    assert!(text.ends_with("Despite a two-month deadline…"), "{text:?}");
    let head = html::yoast_head(seed["yoast_head"].as_str().unwrap());
    assert_eq!(
        head.title.as_deref(),
        Some("Clearview AI fined €5.2m by CNIL for non-compliance with regulations - AllSafe")
    );
    assert_eq!(
        head.meta("og:image:type").map(Text::as_str),
        Some("image/png")
    );
    assert_eq!(
        head.meta("twitter:data2").map(Text::as_str),
        Some("1 minute")
    );
    assert!(
        head.link("canonical")
            .is_some_and(|h| h.starts_with("https://"))
    );
}

// ---- borrowing ----

#[test]
fn plain_input_comes_back_borrowed() {
    for input in [
        "",
        "Clearview AI fined €5.2m by CNIL",
        "One sentence. Another – with ’quotes’ and a > sign.",
        "tab-free, newline-free, single spaces only",
    ] {
        let text = html::to_text(input);
        assert_eq!(text.as_borrowed(), Some(input), "{input:?}");
        let inline = html::inline_text(input);
        assert_eq!(inline.as_borrowed(), Some(input), "{input:?}");
    }
}

#[test]
fn a_single_run_of_text_comes_back_borrowed() {
    let input = "<p class=\"lead\">The penalty follows an order from October.</p>\n";
    let text = html::to_text(input);
    assert_eq!(text, "The penalty follows an order from October.");
    assert!(text.is_borrowed());
    // Runs around inline markup are contiguous only with the markup, so
    // they are copied; runs separated by a collapsed single space are not.
    let text = html::to_text("<div>\n<p>Longer first sentence here. Second one.</p></div>");
    assert!(text.is_borrowed(), "{text:?}");
    // Short runs too, and trimmed ones.
    for (input, want) in [
        (" leading", "leading"),
        ("<b>Hi</b>", "Hi"),
        ("\n<p>a b</p>\n", "a b"),
    ] {
        let text = html::to_text(input);
        assert_eq!(text.as_borrowed(), Some(want), "{input:?}");
    }
}

#[test]
fn decoded_or_collapsed_text_is_owned() {
    for input in [
        "a &amp; b",
        "two  spaces",
        " two  spaces",
        "<p>a</p><p>b</p>",
        "line\nbreak",
    ] {
        assert!(!html::to_text(input).is_borrowed(), "{input:?}");
    }
}

#[test]
fn keep_nbsp_keeps_no_break_spaces_on_the_fast_path() {
    let mut options = TextOptions::default();
    options.keep_nbsp = true;
    let input = "100\u{a0}km";
    assert!(html::to_text_with(input, &options).is_borrowed());
    assert_eq!(html::to_text(input), "100 km");
}

// ---- links ----

#[test]
fn links_give_output_ranges_and_hrefs() {
    let html = "<p>See <a href=\"https://example.org/report?a=1&amp;b=2\">the   report</a> and \
                <a href=\"https://example.org/long/path/to/the/decision\">the <b>decision</b></a>.</p>\
                <p><a href=\"/empty\"><img src=\"x.png\"></a><a name=\"anchor\">no href</a></p>\
                <ul><li><a href=\"/item\">Item</a></li></ul>";
    let out = html::to_text_and_links(html, &TextOptions::default());
    assert_eq!(
        out.text,
        "See the report and the decision.\n\nno href\n\n- Item"
    );
    let got: Vec<(&str, &str)> = out
        .links
        .iter()
        .map(|l| (&out.text[l.range.clone()], l.href.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("the report", "https://example.org/report?a=1&b=2"),
            (
                "the decision",
                "https://example.org/long/path/to/the/decision"
            ),
            ("Item", "/item"),
        ]
    );
    // An href the input holds as it is borrows from it.
    assert!(out.links[1].href.is_borrowed());
    assert!(!out.links[0].href.is_borrowed());
    let owned = out.into_owned();
    assert_eq!(owned.links.len(), 3);
}

#[test]
fn links_in_a_reversed_list_keep_their_ranges() {
    let html = "<ol reversed><li><a href=\"/a\">alpha</a></li><li>b</li>\
                <li>c</li><li>d</li><li>e</li><li>f</li><li>g</li><li>h</li><li>i</li>\
                <li><a href=\"/j\">jay</a></li></ol>";
    let out = html::to_text_and_links(html, &TextOptions::default());
    assert!(out.text.starts_with("10. alpha\n9. b\n"), "{:?}", out.text);
    assert!(out.text.ends_with("\n1. jay"));
    for link in &out.links {
        let text = &out.text[link.range.clone()];
        assert!(text == "alpha" || text == "jay", "{text:?}");
    }
}

// ---- writers ----

#[test]
fn write_text_stops_at_the_first_error() {
    struct Failing(usize);
    impl std::fmt::Write for Failing {
        fn write_str(&mut self, _: &str) -> std::fmt::Result {
            self.0 += 1;
            Err(std::fmt::Error)
        }
    }
    let mut out = Failing(0);
    let result = html::write_text(
        &mut out,
        "<p>a</p><p>b</p><p>c</p>",
        &TextOptions::default(),
    );
    assert!(result.is_err());
    assert_eq!(out.0, 1);
}

#[test]
fn push_text_appends() {
    let mut out = String::from("a");
    html::push_text(&mut out, "b", &TextOptions::default());
    html::push_text(&mut out, "<i>c</i>", &TextOptions::default());
    assert_eq!(out, "abc");
}

// ---- Yoast head ----

#[test]
fn yoast_head_reads_title_meta_and_links() {
    let head = html::yoast_head(
        "<!-- This site is optimized with the Yoast SEO plugin -->\n\
         <title>Fined &#8211; AllSafe</title>\n\
         <meta name=\"description\" content=\"The CNIL fined &quot;Clearview&quot;\" />\n\
         <meta property=\"og:locale\" content=\"en_US\" />\n\
         <meta charset=\"utf-8\">\n\
         <link rel=\"canonical\" href=\"https://example.org/fined/\" />\n\
         <link rel=\"next\" href=\"https://example.org/fined/2/\" />\n\
         <script type=\"application/ld+json\" class=\"yoast-schema-graph\">\
         {\"name\":\"<meta name='x' content='y'>\"}</script>\n\
         <!-- / Yoast SEO plugin. -->",
    );
    assert_eq!(head.title.as_deref(), Some("Fined – AllSafe"));
    let meta: Vec<(&str, &str)> = head
        .meta
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        meta,
        [
            ("description", "The CNIL fined \"Clearview\""),
            ("og:locale", "en_US")
        ]
    );
    assert_eq!(
        head.link("CANONICAL").map(Text::as_str),
        Some("https://example.org/fined/")
    );
    assert_eq!(
        head.link("next").map(Text::as_str),
        Some("https://example.org/fined/2/")
    );
    assert!(head.link("canonical").unwrap().is_borrowed());
    assert!(!head.meta("description").unwrap().is_borrowed());
    let owned = head.clone().into_owned();
    assert_eq!(owned, head);
}

#[test]
fn yoast_head_of_nothing_is_empty() {
    let head = html::yoast_head("");
    assert_eq!(head.title, None);
    assert!(head.meta.is_empty() && head.links.is_empty());
}
