//! HTML to text over every post in `$PRESSMARK_CORPUS/wordpress`: titles in
//! inline mode, excerpts with the excerpt options, contents with the
//! defaults, and the Yoast head where there is one. And over every file in
//! `$PRESSMARK_CORPUS/aggregator`: each string of the front matter in inline
//! mode (titles, excerpts with `&nbsp;`, `featuredContent` iframes, and the
//! URLs and names around them), each body with the defaults.
//!
//! For each: no panic, no tag remnants from real markup, no entity remnants
//! that html5ever would decode, no two blank lines in a row, no control
//! characters, no whitespace at either end, titles on one line; every
//! letter of the text outside dropped elements kept, in order, and none
//! added; every link found, each range holding its text
//! (`common/html_checks.rs`).
//!
//! The corpus is read from where `PRESSMARK_CORPUS` points, never copied
//! into the project; without the variable the test says it is skipped and
//! passes.
#![cfg(feature = "html")]

mod common;
#[path = "common/html_checks.rs"]
mod html_checks;

use std::fs;
use std::path::Path;
use std::time::Instant;

use html_checks::{check, check_letters, check_links};
use pressmark::html::{self, TextOptions};
use serde_json::Value;

#[test]
fn corpus_wordpress_posts_convert_cleanly() {
    let Some(dir) = common::corpus("corpus_html", "wordpress") else {
        return;
    };
    let files = common::files(&dir, &["json"]);
    assert!(!files.is_empty(), "no JSON files under {}", dir.display());

    let mut counts = Counts::default();
    let mut problems = Vec::new();
    let started = Instant::now();
    for file in &files {
        counts.files += 1;
        let Some(value) = read_json(file) else {
            counts.unreadable += 1;
            continue;
        };
        let mut objects = Vec::new();
        collect_objects(&value, &mut objects);
        for object in objects {
            counts.objects += 1;
            if !is_post(object) {
                counts.not_posts += 1;
                continue;
            }
            counts.posts += 1;
            let name = format!(
                "{} id {}",
                file.strip_prefix(&dir).unwrap_or(file).display(),
                object.get("id").unwrap_or(&Value::Null)
            );
            let fields = [
                ("title", TextOptions::inline(), &mut counts.titles),
                ("excerpt", TextOptions::excerpt(), &mut counts.excerpts),
                ("content", TextOptions::default(), &mut counts.contents),
            ];
            let mut converted = Vec::new();
            for (field, options, count) in fields {
                if let Some(html) = rendered(object, field) {
                    *count += 1;
                    converted.push((field, html, options));
                }
            }
            for (field, html, options) in converted {
                let text = html::to_text_with(html, &options);
                counts.note(html, &text);
                let what = format!("{name} {field}");
                counts.letters += check_letters(&what, html, &text, &options, &mut problems);
                let linked = html::to_text_and_links(html, &options);
                counts.links += check_links(&what, html, &linked, &options, &mut problems);
                check(&what, html, &text, options.inline, &mut problems);
            }
            if let Some(head) = object.get("yoast_head").and_then(Value::as_str) {
                counts.yoast_heads += 1;
                let head = html::yoast_head(head);
                counts.yoast_meta += head.meta.len();
                if let Some(title) = &head.title {
                    check(
                        &format!("{name} yoast title"),
                        "",
                        title,
                        true,
                        &mut problems,
                    );
                }
            }
        }
    }
    common::say(format!(
        "corpus_html: {} files ({} unreadable), {} objects, {} posts, {} not posts skipped",
        counts.files, counts.unreadable, counts.objects, counts.posts, counts.not_posts
    ));
    common::say(format!(
        "corpus_html: converted {} titles, {} excerpts, {} contents ({} borrowed whole); \
         {} KB of HTML to {} KB of text in {:.1} ms; {} Yoast heads with {} meta pairs",
        counts.titles,
        counts.excerpts,
        counts.contents,
        counts.borrowed,
        counts.html_bytes / 1024,
        counts.text_bytes / 1024,
        started.elapsed().as_secs_f64() * 1e3,
        counts.yoast_heads,
        counts.yoast_meta,
    ));
    common::say(format!(
        "corpus_html: {} letters in titles, excerpts and contents, all kept in order; \
         {} links with text, each with its text",
        counts.letters, counts.links
    ));
    common::say(format!(
        "corpus_html: the tree-builder oracle moved text into or out of a hidden element \
         after inserting it in {} strings, and moved or copied links in {} (links not compared there)",
        html_checks::MOVED_AFTER_INSERTION.load(std::sync::atomic::Ordering::Relaxed),
        html_checks::LINKS_NOT_COMPARED.load(std::sync::atomic::Ordering::Relaxed),
    ));
    common::say(format!("corpus_html: {} problems", problems.len()));
    assert!(counts.posts > 0, "no posts found under {}", dir.display());
    assert_no_problems(&problems);
}

#[derive(Default)]
struct Counts {
    files: usize,
    unreadable: usize,
    objects: usize,
    posts: usize,
    not_posts: usize,
    titles: usize,
    excerpts: usize,
    contents: usize,
    borrowed: usize,
    html_bytes: usize,
    text_bytes: usize,
    yoast_heads: usize,
    yoast_meta: usize,
    letters: usize,
    links: usize,
}

impl Counts {
    fn note(&mut self, html: &str, text: &pressmark::Text<'_>) {
        self.html_bytes += html.len();
        self.text_bytes += text.len();
        self.borrowed += usize::from(text.is_borrowed());
    }
}

/// Parses a corpus file: a UTF-8 BOM is dropped, a JSONP wrapper is
/// unwrapped, and raw control characters inside strings are escaped.
fn read_json(path: &Path) -> Option<Value> {
    let raw = fs::read_to_string(path).ok()?;
    let mut s = raw.strip_prefix('\u{feff}').unwrap_or(&raw).trim();
    if !s.starts_with(['{', '[']) {
        // JSONP: `/**/callback(...)`.
        let open = s.find('(')?;
        let close = s.rfind(')')?;
        s = s.get(open + 1..close)?;
    }
    serde_json::from_str(s)
        .ok()
        .or_else(|| serde_json::from_str(&common::strict_json(s)).ok())
}

/// Objects that may be posts: the top level, array items, an envelope's
/// body.
fn collect_objects<'v>(value: &'v Value, out: &mut Vec<&'v Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_objects(v, out)),
        Value::Object(map) => match map.get("body") {
            Some(body) if map.contains_key("status") => collect_objects(body, out),
            _ => out.push(value),
        },
        _ => {}
    }
}

/// A post or page (or custom post type): `title.rendered` and
/// `content.rendered` or `excerpt.rendered`. Terms, users, media, types and
/// error objects are not.
fn is_post(object: &Value) -> bool {
    rendered(object, "title").is_some()
        && (rendered(object, "content").is_some() || rendered(object, "excerpt").is_some())
}

/// Fails with the count of `problems` and the first twenty of them.
fn assert_no_problems(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} problems, the first ones:\n{}",
        problems.len(),
        problems[..problems.len().min(20)].join("\n")
    );
}

fn rendered<'v>(object: &'v Value, field: &str) -> Option<&'v str> {
    object.get(field)?.get("rendered")?.as_str()
}

/// Every string of every aggregator file's front matter in inline mode, and
/// every body with the defaults: the same checks as for WordPress posts.
#[cfg(feature = "frontmatter")]
#[test]
fn corpus_aggregator_html_converts_cleanly() {
    use pressmark::frontmatter::{self, ValueKind};

    let Some(dir) = common::corpus("corpus_html (aggregator)", "aggregator") else {
        return;
    };
    let files = common::files(&dir, &["md", "html"]);
    assert!(!files.is_empty(), "no files under {}", dir.display());

    let (mut strings, mut bodies, mut letters, mut unreadable) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    let mut convert =
        |what: &str, html: &str, options: &TextOptions, problems: &mut Vec<String>| {
            let text = html::to_text_with(html, options);
            letters += check_letters(what, html, &text, options, problems);
            check(what, html, &text, options.inline, problems);
        };
    for file in &files {
        let name = file
            .strip_prefix(&dir)
            .unwrap_or(file)
            .display()
            .to_string();
        let Ok(input) = fs::read_to_string(file) else {
            unreadable += 1;
            continue;
        };
        let Ok(doc) = frontmatter::parse(&input) else {
            unreadable += 1;
            continue;
        };
        let mut values = vec![doc.value()];
        while let Some(value) = values.pop() {
            match &value.kind {
                ValueKind::String(s) => {
                    strings += 1;
                    convert(&name, s, &TextOptions::inline(), &mut problems);
                }
                ValueKind::Sequence(items) => values.extend(items),
                ValueKind::Mapping(map) => values.extend(map.entries().iter().map(|e| &e.value)),
                _ => {}
            }
        }
        if !doc.body().trim().is_empty() {
            bodies += 1;
            convert(
                &format!("{name} body"),
                doc.body(),
                &TextOptions::default(),
                &mut problems,
            );
        }
    }
    common::say(format!(
        "corpus_html (aggregator): {} files ({unreadable} that cannot be read or do not parse), \
         {strings} strings and {bodies} bodies converted; {letters} letters, all kept in order",
        files.len()
    ));
    common::say(format!(
        "corpus_html (aggregator): {} problems",
        problems.len()
    ));
    assert!(
        strings > 0,
        "no front matter strings under {}",
        dir.display()
    );
    assert_no_problems(&problems);
}
