//! HTML to Markdown, checked by an independent renderer: the Markdown is
//! rendered back to HTML by pulldown-cmark (CommonMark with GFM tables and
//! strikethrough), and the text of that HTML must be the text of the
//! source, word for word in the same order, with the same paragraph breaks
//! outside lists and tables; every link and image keeps its URL.
//!
//! Over the fixture pairs `tests/fixtures/html/markdown/NAME.html` /
//! `NAME.md` (one per construct), every corpus post (when
//! `PRESSMARK_CORPUS` is set) and generated text in every inline and
//! block context.
#![cfg(feature = "html")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use pressmark::html::{self, MarkdownOptions, TextOptions};
use proptest::prelude::*;
use pulldown_cmark::{Options, Parser};

/// The HTML pulldown-cmark renders `md` to.
fn render(md: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, Parser::new_ext(md, options));
    out
}

/// The words of `text`, list markers left out (a reversed or `value`-ed
/// list is numbered again by a Markdown renderer).
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut it = line.split_whitespace().peekable();
        if let Some(first) = it.peek()
            && (*first == "-"
                || (first.ends_with('.') && first[..first.len() - 1].parse::<i64>().is_ok()))
        {
            it.next();
        }
        out.extend(it);
    }
    out
}

/// What the round trip must keep of `html`: its words, and its links' and
/// images' URLs.
fn check_round_trip(name: &str, html: &str, options: &MarkdownOptions, problems: &mut Vec<String>) {
    let md = html::to_markdown_with(html, options);
    let rendered = render(&md);
    let text_options = TextOptions::default();
    let want = html::to_text_with(html, &text_options);
    let got = html::to_text_with(&rendered, &text_options);
    let (w, g) = (words(&want), words(&got));
    if w != g {
        let at = w.iter().zip(&g).take_while(|(a, b)| a == b).count();
        problems.push(format!(
            "{name}: words differ at {at}: source {:?}, Markdown {:?}\n  markdown near: {:?}",
            &w[at.saturating_sub(3)..(at + 4).min(w.len())],
            &g[at.saturating_sub(3)..(at + 4).min(g.len())],
            excerpt(
                &md,
                g.get(at.saturating_sub(1)).copied().unwrap_or_default()
            ),
        ));
        return;
    }
    let source_links = html::to_text_and_links(html, &text_options).links;
    let rendered_links = html::to_text_and_links(&rendered, &text_options).links;
    // The renderer percent-encodes spaces and other characters in URLs.
    let same = |a: &str, b: &str| percent_decoded(a) == percent_decoded(b);
    for link in &source_links {
        if !rendered_links.iter().any(|l| same(&l.href, &link.href)) {
            problems.push(format!("{name}: link {:?} lost", link.href.as_str()));
            return;
        }
    }
    let rendered_images = image_sources(&rendered);
    for src in image_sources(html) {
        if !rendered_images.iter().any(|r| same(r, &src)) {
            problems.push(format!("{name}: image {src:?} lost"));
            return;
        }
    }
}

/// `s` with `%XX` sequences decoded.
fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(hex, 16)
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn excerpt(md: &str, near: &str) -> String {
    let at = md.find(near).unwrap_or(0);
    let mut start = at.saturating_sub(60);
    while !md.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 60).min(md.len());
    while !md.is_char_boundary(end) {
        end += 1;
    }
    md[start..end].to_owned()
}

/// The `src` of every `<img>` in `html`, decoded (by the crate's own
/// text conversion of a one-attribute document, so both sides agree).
fn image_sources(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("<img") {
        let at = from + p;
        let end = lower[at..].find('>').map_or(lower.len(), |e| at + e);
        let tag = &html[at..end];
        if let Some(s) = tag.find(" src=\"").or_else(|| tag.find("\nsrc=\"")) {
            let v = &tag[s + 6..];
            let v = &v[..v.find('"').unwrap_or(v.len())];
            out.push(html::inline_text(v).into_owned().into_string());
        }
        from = end.max(at + 1);
    }
    out
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/markdown")
}

/// Every `NAME.html` gives exactly `NAME.md` (less the file's last line
/// feed), by each entry point, and round-trips. `reference-*` fixtures use
/// reference links.
#[test]
fn fixtures_convert_to_their_markdown() {
    let mut names: Vec<String> = fs::read_dir(fixtures())
        .expect("tests/fixtures/html/markdown exists")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            Some(name.strip_suffix(".html")?.to_owned())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 15, "only {} fixtures", names.len());
    let mut failures = Vec::new();
    let mut problems = Vec::new();
    for name in &names {
        let html = fs::read_to_string(fixtures().join(format!("{name}.html"))).unwrap();
        let want = fs::read_to_string(fixtures().join(format!("{name}.md")))
            .unwrap_or_else(|_| panic!("{name}.html has no {name}.md"));
        let want = want.strip_suffix('\n').unwrap_or(&want);
        let mut options = MarkdownOptions::default();
        options.reference_links = name.starts_with("reference");
        let got = html::to_markdown_with(&html, &options);
        if got != want {
            failures.push(format!("--- {name}\nwant:\n{want}\n---- got:\n{got}\n"));
        }
        let mut pushed = String::from(">");
        html::push_markdown(&mut pushed, &html, &options);
        assert_eq!(&pushed[1..], got.as_str(), "push_markdown, {name}");
        check_round_trip(name, &html, &options, &mut problems);
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every corpus post's content round-trips.
#[test]
fn corpus_posts_round_trip_through_a_commonmark_renderer() {
    let Some(dir) = common::corpus("html_markdown", "wordpress") else {
        return;
    };
    let mut problems = Vec::new();
    let mut posts = 0;
    for file in common::files(&dir, &["json"]) {
        let raw = fs::read_to_string(&file).unwrap();
        let raw = raw.trim_start_matches('\u{feff}');
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&common::strict_json(raw)) else {
            continue;
        };
        let items = match &value {
            serde_json::Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        for item in items {
            let Some(content) = item["content"]["rendered"].as_str() else {
                continue;
            };
            posts += 1;
            let name = format!(
                "{} id {}",
                file.strip_prefix(&dir).unwrap_or(&file).display(),
                item["id"]
            );
            check_round_trip(&name, content, &MarkdownOptions::default(), &mut problems);
        }
    }
    common::say(format!(
        "html_markdown: {posts} corpus posts to Markdown and back through pulldown-cmark, {} problems",
        problems.len()
    ));
    assert!(posts > 0);
    assert!(
        problems.is_empty(),
        "{} problems, the first ones:\n{}",
        problems.len(),
        problems[..problems.len().min(10)].join("\n")
    );
}

/// Text made of Markdown's metacharacters, Unicode and entities, cut by
/// tags that write nothing.
fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(vec![
                "*", "**", "_", "__", "`", "``", "~", "~~", "[", "]", "(", ")", "#", "##", ">",
                "-", "+", "=", "1.", "2)", "!", "|", "\\", "&amp;", "&lt;", "&copy;", "&#42;",
                "&#x5F;", "<", "&", ":", "'", "\"", "word", "Wort", "é", "日本", "😀", "a_b",
                "x*y", "www.e.x", "https://e.x/", "&nbsp;", ".", "...",
                // Tags that write nothing: the text goes on across them.
                "<span></span>", "<span>", "</span>", "<!---->", "1",
            ]).prop_map(str::to_owned),
            1 => "[a-z]{1,6}",
        ],
        1..12,
    )
    .prop_flat_map(|pieces| {
        let n = pieces.len();
        (
            Just(pieces),
            prop::collection::vec(prop::sample::select(vec!["", " ", "  "]), n),
        )
    })
    .prop_map(|(pieces, gaps)| {
        pieces
            .iter()
            .zip(gaps)
            .map(|(p, g)| format!("{p}{g}"))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    })]

    /// Any text inside `<p>`, `<li>`, `<td>`, `<a>`, `<code>`, emphasis
    /// and headings comes back with the same words after HTML → Markdown →
    /// HTML → text.
    #[test]
    fn any_text_round_trips_in_every_context(
        text in tricky_text(),
        before in tricky_text(),
        context in 0usize..9,
    ) {
        let html = match context {
            0 => format!("<p>{text}</p>"),
            1 => format!("<ul><li>{text}</li><li>{before}</li></ul>"),
            2 => format!("<table><tr><td>{text}</td><td>{before}</td></tr></table>"),
            3 => format!("<p>{before} <a href=\"https://e.x/a_(b)\">{text}</a> {before}</p>"),
            4 => format!("<p>{before}<code>{text}</code>{before}</p>"),
            5 => format!("<p>{before}<b>{text}</b>{before}<em>{text}</em></p>"),
            6 => format!("<h2>{text}</h2><blockquote>{before}</blockquote>"),
            7 => format!("<ol start=\"3\"><li>{text}<ul><li>{before}</li></ul></li></ol>"),
            _ => format!("{text}<br>{before}<pre>{text}</pre>"),
        };
        let mut problems = Vec::new();
        check_round_trip("generated", &html, &MarkdownOptions::default(), &mut problems);
        prop_assert!(problems.is_empty(), "{:?}\nhtml {:?}\nmarkdown {:?}", problems, html, html::to_markdown(&html));
    }
}
