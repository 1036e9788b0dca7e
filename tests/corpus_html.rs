//! HTML to text over every post in `$PRESSMARK_CORPUS/wordpress`: titles in
//! inline mode, excerpts with the excerpt options, contents with the
//! defaults, and the Yoast head where there is one.
//!
//! For each: no panic, no tag remnants from real markup, no entity remnants
//! that html5ever would decode, no two blank lines in a row, no control
//! characters, no whitespace at either end, titles on one line; every
//! letter of the text outside dropped elements kept, in order, and none
//! added (`common/letters.rs`).
//!
//! The corpus is read from where `PRESSMARK_CORPUS` points, never copied
//! into the project; without the variable the test says it is skipped and
//! passes.
#![cfg(feature = "html")]

mod common;
#[path = "common/letters.rs"]
mod letters;

use std::fs;
use std::path::Path;
use std::time::Instant;

use pressmark::html::{self, Options};
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
            if let Some(title) = rendered(object, "title") {
                counts.titles += 1;
                let text = html::inline_text(title);
                counts.note(title, &text);
                let what = format!("{name} title");
                check_letters(
                    &what,
                    title,
                    &text,
                    &Options::inline(),
                    &mut counts,
                    &mut problems,
                );
                check(&format!("{name} title"), title, &text, true, &mut problems);
            }
            if let Some(excerpt) = rendered(object, "excerpt") {
                counts.excerpts += 1;
                let text = html::to_text_with(excerpt, &Options::excerpt());
                counts.note(excerpt, &text);
                let what = format!("{name} excerpt");
                check_letters(
                    &what,
                    excerpt,
                    &text,
                    &Options::excerpt(),
                    &mut counts,
                    &mut problems,
                );
                check(
                    &format!("{name} excerpt"),
                    excerpt,
                    &text,
                    false,
                    &mut problems,
                );
            }
            if let Some(content) = rendered(object, "content") {
                counts.contents += 1;
                let text = html::to_text(content);
                counts.note(content, &text);
                let what = format!("{name} content");
                check_letters(
                    &what,
                    content,
                    &text,
                    &Options::default(),
                    &mut counts,
                    &mut problems,
                );
                check(
                    &format!("{name} content"),
                    content,
                    &text,
                    false,
                    &mut problems,
                );
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
        "corpus_html: {} letters in titles, excerpts and contents, all kept in order",
        counts.letters
    ));
    common::say(format!("corpus_html: {} problems", problems.len()));
    assert!(counts.posts > 0, "no posts found under {}", dir.display());
    assert!(
        problems.is_empty(),
        "{} problems, the first ones:\n{}",
        problems.len(),
        problems
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
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

fn rendered<'v>(object: &'v Value, field: &str) -> Option<&'v str> {
    object.get(field)?.get("rendered")?.as_str()
}

/// Checks that `text` has exactly the letters of the text in `html` outside
/// dropped elements, in order: nothing lost, repeated or invented.
fn check_letters(
    name: &str,
    html: &str,
    text: &str,
    options: &Options,
    counts: &mut Counts,
    problems: &mut Vec<String>,
) {
    let want = letters::kept_letters(html, options);
    let got = letters::letters(text);
    counts.letters += got.chars().count();
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .take_while(|(g, w)| g == w)
            .count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(20))
                .take(40)
                .collect::<String>()
        };
        problems.push(format!(
            "{name}: letters differ after {at}: text has {:?}, the HTML {:?}",
            around(&got),
            around(&want)
        ));
    }
}

/// Checks one conversion and records what is wrong with it.
fn check(name: &str, html: &str, text: &str, one_line: bool, problems: &mut Vec<String>) {
    let mut problem = |what: &str| {
        let excerpt: String = text.chars().take(160).collect();
        problems.push(format!("{name}: {what}: {excerpt:?}"));
    };
    if text.contains("\n\n\n") {
        problem("two blank lines in a row");
    }
    if one_line && text.contains('\n') {
        problem("a line break in inline mode");
    }
    if text.trim() != text {
        problem("whitespace at an end");
    }
    if text.chars().any(|c| c < ' ' && c != '\n' && c != '\t') {
        problem("a control character");
    }
    // `<` followed by a letter, `/`, `!` or `?` in the text can only come
    // from an escaped `<` in the input; a `<` in the input followed by one of
    // those is markup.
    let tags_out = count_tag_openers(text);
    if tags_out > 0 && !html.is_empty() {
        let escaped = count_escaped_lt(html);
        if tags_out > escaped {
            problem(&format!(
                "{tags_out} tag remnants, {escaped} escaped `<` in the input"
            ));
        }
    }
    for remnant in entity_remnants(text) {
        // Fine when the input escaped the ampersand: `&amp;nbsp;`.
        let escaped = ["&amp;", "&#038;", "&#38;", "&#x26;"]
            .iter()
            .any(|amp| html.contains(&format!("{amp}{}", &remnant[1..])));
        if !escaped {
            problem(&format!("entity remnant {remnant}"));
            break;
        }
    }
}

fn count_tag_openers(text: &str) -> usize {
    let b = text.as_bytes();
    b.windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))
        .count()
}

fn count_escaped_lt(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    ["&lt", "&#60", "&#x3c", "&#060", "&#x03c"]
        .iter()
        .map(|p| lower.matches(p).count())
        .sum()
}

/// `&name;`, `&#123;` and `&#x1F;` in the text that html5ever decodes.
fn entity_remnants(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('&') {
        let rest = &text[i + 1..];
        let len = rest
            .bytes()
            .take(40)
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))
            .unwrap_or(rest.len().min(40));
        if rest.as_bytes().get(len) != Some(&b';') || len == 0 {
            continue;
        }
        let body = &rest[..len];
        let decodable = if let Some(num) = body.strip_prefix('#') {
            match num.strip_prefix(['x', 'X']) {
                Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
                None => !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
            }
        } else {
            html5ever::data::NAMED_ENTITIES.contains_key(&rest[..=len])
        };
        if decodable {
            out.push(&text[i..=i + 1 + len]);
        }
    }
    out
}
