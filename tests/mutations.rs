//! Deterministic mutations of realistic files through every entry point.
//!
//! Our WordPress and news item fixtures (and the two seeds when
//! `PRESSMARK_SEEDS` is set, and a fixed sample of corpus files when
//! `PRESSMARK_CORPUS` is) are truncated at many points, have bytes flipped,
//! get `<`, `&`, quotes, NUL, invalid UTF-8 and deep nesting inserted, lose
//! or repeat a slice; each result goes through every entry point of the
//! crate. Every result must be `Ok` or an `Err` whose position lies inside
//! the input (on a character boundary when the input is a `str`), and
//! nothing may panic; HTML to text keeps every letter it should
//! (`common/html_checks.rs`).
//!
//! The mutations come from a small seeded generator written here, so a run
//! is the same on every machine; a failure names the file, the mutation and
//! the entry point, which is enough to replay it.
#![cfg(all(feature = "wordpress", feature = "frontmatter", feature = "html"))]

mod common;
#[path = "common/html_checks.rs"]
mod html_checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use pressmark::frontmatter::{self, Value, ValueKind};
use pressmark::html::{self, TextOptions};
use pressmark::wordpress::{self, Post, Response};
use pressmark::{Error, Text};
use serde::Deserialize;

/// Writes past the test harness's capture, so the notices show in every run.
macro_rules! say {
    ($($arg:tt)*) => {
        common::say(format_args!($($arg)*))
    };
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.below(items.len())]
    }
}

/// What gets inserted: markup and escapes, quotes, NUL, invalid UTF-8.
const INSERTS: &[&[u8]] = &[
    b"<",
    b"&",
    b"\"",
    b"'",
    b"\0",
    b"\\",
    b"\n",
    b"\r\n",
    b"---\n",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"&#",
    b"&#x110000;",
    b"<!--",
    b"<![CDATA[",
    b"<script>",
    b"</",
    b"\\u",
    b"\\ud800",
    b"*a",
    b"&a ",
    b": ",
    b"- ",
    b"{",
    b"]",
    "\u{a0}".as_bytes(),
    "é".as_bytes(),
];

/// One opening of each nesting kind, repeated deep into the input.
const NESTS: &[&str] = &[
    "[",
    "{\"a\":",
    "<div>",
    "<ul><li>",
    "<table><tr><td>",
    "- ",
    "{a: ",
];

/// The mutants of one file: `(description, bytes)`.
fn mutants(name: &str, data: &[u8], rng: &mut Rng, per_kind: usize) -> Vec<(String, Vec<u8>)> {
    let n = data.len();
    let mut out = Vec::new();
    // Truncations spread evenly over the file, plus random ones.
    for i in 0..per_kind {
        let at = if i % 2 == 0 {
            i * n / per_kind
        } else {
            rng.below(n + 1)
        };
        out.push((format!("{name}: truncated at {at}"), data[..at].to_vec()));
    }
    // Bit flips, one to four at once.
    for _ in 0..per_kind {
        let mut m = data.to_vec();
        let mut what = Vec::new();
        for _ in 0..=rng.below(4) {
            let at = rng.below(n.max(1));
            let bit = 1u8 << rng.below(8);
            if let Some(b) = m.get_mut(at) {
                *b ^= bit;
            }
            what.push(format!("{at}^{bit:#04x}"));
        }
        out.push((format!("{name}: flipped {}", what.join(",")), m));
    }
    // Insertions.
    for _ in 0..per_kind {
        let at = rng.below(n + 1);
        let ins = *rng.pick(INSERTS);
        let mut m = data.to_vec();
        m.splice(at..at, ins.iter().copied());
        out.push((
            format!(
                "{name}: inserted {:?} at {at}",
                ins.escape_ascii().to_string()
            ),
            m,
        ));
    }
    // Deep nesting: thousands of openings at one place, sometimes closed.
    for i in 0..per_kind / 4 + 1 {
        let at = rng.below(n + 1);
        let open = *rng.pick(NESTS);
        // JSON and YAML nest 20,000 deep; HTML stops at 2,000, which costs
        // html5ever in a debug build a tenth of a second already (the
        // million-tag case is `examples/html_stress.rs`).
        let depth = match (open.starts_with('<'), i % 3) {
            (_, 0) => 200,
            (true, _) => 2_000,
            (false, 1) => 2_000,
            (false, _) => 20_000,
        };
        let mut m = data[..at].to_vec();
        m.extend(open.repeat(depth).bytes());
        m.extend(&data[at..]);
        out.push((format!("{name}: nested {open:?} x{depth} at {at}"), m));
    }
    // Deleted and repeated slices.
    for _ in 0..per_kind / 2 {
        let a = rng.below(n + 1);
        let b = (a + rng.below(64)).min(n);
        let mut m = data.to_vec();
        m.drain(a..b);
        out.push((format!("{name}: deleted {a}..{b}"), m));
        let mut m = data.to_vec();
        m.splice(a..a, data[a..b].iter().copied());
        out.push((format!("{name}: repeated {a}..{b}"), m));
    }
    out
}

/// Any front matter into a user's serde type.
#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct Page<'a> {
    title: &'a str,
    category: Option<String>,
    quality: Option<u8>,
    heat: Option<i32>,
    published: Option<bool>,
    topics: Option<Vec<String>>,
    provider: Option<std::collections::BTreeMap<String, serde_json::Value>>,
}

/// The error's position lies inside `len` bytes, on a boundary of `text`.
fn check_error(what: &str, err: &Error, len: usize, text: Option<&str>) -> Result<(), String> {
    let _ = err.to_string();
    match err.position() {
        Some(at) if at.byte() > len => Err(format!("{what}: error past the end ({len}): {err}")),
        Some(at) if text.is_some_and(|t| !t.is_char_boundary(at.byte())) => {
            Err(format!("{what}: error inside a character: {err}"))
        }
        _ => Ok(()),
    }
}

fn check<T>(what: &str, result: Result<T, Error>, text: &str) -> Result<(), String> {
    match result {
        Ok(_) => Ok(()),
        Err(err) => check_error(what, &err, text.len(), Some(text)),
    }
}

/// Value and key positions lie inside the input, on character boundaries.
fn check_positions(input: &str, value: &Value<'_>) -> Result<(), String> {
    let ok = |p: Option<pressmark::Position>| {
        p.is_none_or(|p| p.byte() <= input.len() && input.is_char_boundary(p.byte()))
    };
    if !ok(value.position()) {
        return Err(format!(
            "parse: value position {:?} outside",
            value.position()
        ));
    }
    match &value.kind {
        ValueKind::Sequence(items) => items.iter().try_for_each(|v| check_positions(input, v)),
        ValueKind::Mapping(map) => map.entries().iter().try_for_each(|e| {
            if ok(e.key_position()) {
                check_positions(input, &e.value)
            } else {
                Err(format!(
                    "parse: key position {:?} outside",
                    e.key_position()
                ))
            }
        }),
        _ => Ok(()),
    }
}

/// A borrowed text is a slice of `input`.
fn check_borrowed(what: &str, input: &str, text: &Text<'_>) -> Result<(), String> {
    let Some(s) = text.as_borrowed().filter(|s| !s.is_empty()) else {
        return Ok(());
    };
    let start = (s.as_ptr() as usize).wrapping_sub(input.as_ptr() as usize);
    if input.get(start..start.wrapping_add(s.len())) == Some(s) {
        Ok(())
    } else {
        Err(format!("{what}: borrowed text is not a slice of the input"))
    }
}

/// Runs every entry point on `data`.
fn run_all(data: &[u8]) -> Result<(), String> {
    if let Err(err) = wordpress::from_slice::<Response>(data) {
        check_error("wordpress::from_slice", &err, data.len(), None)?;
    }
    let lossy = String::from_utf8_lossy(data);
    let text: &str = &lossy;

    check(
        "wordpress::from_str",
        wordpress::from_str::<Response>(text),
        text,
    )?;
    check(
        "wordpress::from_str::<Post>",
        wordpress::from_str::<Post>(text),
        text,
    )?;
    let strict = wordpress::ReadOptions::strict();
    check(
        "wordpress::from_str_with(strict)",
        wordpress::from_str_with::<Response>(text, &strict),
        text,
    )?;
    match wordpress::items::<Post>(text) {
        Ok(items) => {
            for item in items {
                check("wordpress::items (item)", item, text)?;
            }
        }
        Err(err) => check_error("wordpress::items", &err, text.len(), Some(text))?,
    }

    match frontmatter::split(text) {
        Ok(Some(split)) => {
            let end = split.front_matter_offset() + split.front_matter().len();
            let rejoined = [
                &text[..split.front_matter_offset()],
                split.front_matter(),
                &text[end..split.body_offset()],
                split.body(),
            ]
            .concat();
            if rejoined != text {
                return Err("frontmatter::split: parts do not rejoin to the input".into());
            }
        }
        Ok(None) => {}
        Err(err) => check_error("frontmatter::split", &err, text.len(), Some(text))?,
    }
    match frontmatter::parse(text) {
        Ok(doc) => check_positions(text, doc.value())?,
        Err(err) => check_error("frontmatter::parse", &err, text.len(), Some(text))?,
    }
    check("frontmatter::news_item", frontmatter::news_item(text), text)?;
    check("frontmatter::item", frontmatter::item(text), text)?;
    check(
        "frontmatter::from_str",
        frontmatter::from_str::<Page<'_>>(text),
        text,
    )?;

    let out = html::to_text(text);
    check_borrowed("html::to_text", text, &out)?;
    if out.contains("\n\n\n") {
        return Err("html::to_text: two blank lines in a row".into());
    }
    let mut problems = Vec::new();
    html_checks::check_letters(
        "html::to_text",
        text,
        &out,
        &TextOptions::default(),
        &mut problems,
    );
    let title = html::inline_text(text);
    check_borrowed("html::inline_text", text, &title)?;
    if title.contains('\n') {
        return Err("html::inline_text: more than one line".into());
    }
    let linked = html::to_text_and_links(text, &TextOptions::excerpt());
    let name = "html::to_text_and_links";
    html_checks::check_letters(
        name,
        text,
        &linked.text,
        &TextOptions::excerpt(),
        &mut problems,
    );
    html_checks::check_links(name, text, &linked, &TextOptions::excerpt(), &mut problems);
    if let Some(problem) = problems.first() {
        return Err(problem.clone());
    }
    for link in &linked.links {
        if linked.text.get(link.range.clone()).is_none() {
            return Err(format!(
                "html::to_text_and_links: bad range {:?}",
                link.range
            ));
        }
        check_borrowed("html::to_text_and_links (href)", text, &link.href)?;
    }
    let head = html::yoast_head(text);
    for (k, v) in head.meta.iter().chain(&head.links) {
        check_borrowed("html::yoast_head", text, k)?;
        check_borrowed("html::yoast_head", text, v)?;
    }
    Ok(())
}

/// One of our fixtures, by its name under `tests/fixtures/`.
fn fixture(name: &str) -> (String, Vec<u8>) {
    (name.to_owned(), common::fixture(name).into_bytes())
}

/// Every `step`-th file (sorted) under `dir` with one of `exts`, up to
/// `max_bytes` each, at most `max` files: a fixed sample.
fn sample(dir: &Path, exts: &[&str], step: usize, max: usize, max_bytes: u64) -> Vec<PathBuf> {
    let all = common::files(dir, exts);
    all.into_iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() <= max_bytes))
        .step_by(step)
        .take(max)
        .collect()
}

fn run(files: &[(String, Vec<u8>)], per_kind: usize, rng_seed: u64) -> (usize, Vec<String>) {
    let mut rng = Rng(rng_seed);
    let mut runs = 0;
    let mut failures = Vec::new();
    for (name, data) in files {
        for (what, input) in mutants(name, data, &mut rng, per_kind) {
            runs += 1;
            match catch_unwind(AssertUnwindSafe(|| run_all(&input))) {
                Ok(Ok(())) => {}
                Ok(Err(msg)) => failures.push(format!("{what}: {msg}")),
                Err(panic) => {
                    let msg = panic
                        .downcast_ref::<String>()
                        .map(String::as_str)
                        .or_else(|| panic.downcast_ref::<&str>().copied())
                        .unwrap_or("?");
                    failures.push(format!("{what}: panicked: {msg}"));
                }
            }
        }
    }
    (runs, failures)
}

fn report(label: &str, runs: usize, failures: &[String], started: std::time::Instant) {
    say!(
        "mutations ({label}): {runs} mutants through every entry point in {:.1?}, {} failed",
        started.elapsed(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {runs} mutants failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn fixture_mutants_read_or_fail_inside_the_input() {
    let started = std::time::Instant::now();
    let files = [
        fixture("wordpress/post.json"),
        fixture("wordpress/posts.json"),
        fixture("frontmatter/news-item.md"),
    ];
    let (runs, failures) = run(&files, 40, 0x5EED);
    report("fixtures", runs, &failures, started);
    assert!(runs > 300, "too few mutants: {runs}");
}

#[test]
fn seed_mutants_read_or_fail_inside_the_input() {
    let test = "seed_mutants_read_or_fail_inside_the_input";
    let Some(post) = common::seed(test, "wordpress-post.json") else {
        return;
    };
    let item = common::seed(test, "aggregator-item.md").expect("PRESSMARK_SEEDS is set");
    let started = std::time::Instant::now();
    let files = [
        ("wordpress-post.json".to_owned(), post.into_bytes()),
        ("aggregator-item.md".to_owned(), item.into_bytes()),
    ];
    let (runs, failures) = run(&files, 40, 0x5EED);
    report("seeds", runs, &failures, started);
    assert!(runs > 300, "too few mutants: {runs}");
}

#[test]
fn corpus_mutants_read_or_fail_inside_the_input() {
    let Some(root) = std::env::var_os("PRESSMARK_CORPUS") else {
        say!("\n*** SKIPPED: corpus mutations: PRESSMARK_CORPUS is not set ***\n");
        return;
    };
    let root = PathBuf::from(root);
    let started = std::time::Instant::now();
    let mut paths = sample(&root.join("wordpress"), &["json"], 9, 8, 64 * 1024);
    paths.extend(sample(
        &root.join("aggregator"),
        &["md", "html"],
        409,
        14,
        64 * 1024,
    ));
    assert!(
        paths.len() >= 16,
        "PRESSMARK_CORPUS is set but only {} sample files were found under {}",
        paths.len(),
        root.display()
    );
    say!(
        "\n*** RUNNING: corpus mutations over {} files of {} ***",
        paths.len(),
        root.display()
    );
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let name = p.strip_prefix(&root).unwrap_or(p).display().to_string();
            (name, std::fs::read(p).expect("corpus file"))
        })
        .collect();
    let (runs, failures) = run(&files, 8, 0xC0_2905);
    report("corpus sample", runs, &failures, started);
}
