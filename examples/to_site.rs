//! WordPress to a static site: WordPress REST API JSON in, one Markdown file
//! per post and page out, with front matter that Hugo, Jekyll, Eleventy and
//! Astro read as it is.
//!
//! ```text
//! cargo run --release --example to_site -- [PATH...] --out DIR
//! ```
//!
//! See [`USAGE`] (`--help`) for the options and the front matter.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pressmark::html;
use pressmark::time::format_description::well_known::Rfc3339;
use pressmark::wordpress::{self, Object, Post, ReadOptions, Response, Status};

/// What `--help` prints.
const USAGE: &str = "\
usage: to_site [PATH...] --out DIR

Converts WordPress REST API JSON (posts and pages, single or collections,
with or without _embed) into one Markdown file per post and page in DIR:
posts as YYYY-MM-DD-slug.md, pages as slug.md (an id when there is no
slug). Each starts with YAML front matter: title, date (with its UTC
offset), lastmod, slug, draft (for any status but publish), categories and
tags (names from _embedded, ids when not embedded), author, image (the
featured image's URL), description (the excerpt as text) and aliases (the
path of the post's original link).

PATHs are files or directories (walked recursively, *.json); with none,
the bundled examples/data/. A bad file or item never stops the run: the
summary on stderr lists each failure with its file, item, field, line and
column, and the files that held no post; the exit status is 1 if anything
failed.

options:
  -o, --out DIR    the directory to write the Markdown files to (made if
                   missing; existing files of the same names are replaced)
  -h, --help       print this help and exit
";

struct Args {
    paths: Vec<PathBuf>,
    out: PathBuf,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut paths = Vec::new();
    let mut out = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some("-o" | "--out") => {
                out = Some(PathBuf::from(args.next().ok_or("--out needs a directory")?));
            }
            Some(s) if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if paths.is_empty() {
        paths.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data"));
    }
    Ok(Some(Args { paths, out }))
}

fn main() -> ExitCode {
    let Args { paths, out } = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("to_site: {message}");
            eprintln!("usage: to_site [PATH...] --out DIR (--help for more)");
            return ExitCode::from(2);
        }
    };
    if let Err(err) = std::fs::create_dir_all(&out) {
        eprintln!("to_site: cannot create {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    let mut files = Vec::new();
    for path in &paths {
        if let Err(err) = walk(path, &mut files) {
            eprintln!("to_site: cannot read {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let mut summary = Summary::default();
    let mut names = BTreeSet::new();
    for file in &files {
        convert_file(file, &out, &mut names, &mut summary);
    }
    // As labels with their counts, which read right for one as for many.
    eprintln!(
        "to_site: files read: {}; posts and pages written to {}: {}; failed: {}; \
         files without posts: {}",
        files.len(),
        out.display(),
        summary.written,
        summary.failures.len(),
        summary.without_posts.len()
    );
    for failure in &summary.failures {
        eprintln!("  failed: {failure}");
    }
    for file in &summary.without_posts {
        eprintln!("  no post or page: {file}");
    }
    if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[derive(Default)]
struct Summary {
    written: usize,
    failures: Vec<String>,
    without_posts: Vec<String>,
}

/// Every `*.json` file under `path` (or `path` itself), sorted.
fn walk(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        out.push(path.to_owned());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            walk(&entry, out)?;
        } else if entry.extension().is_some_and(|e| e == "json") {
            out.push(entry);
        }
    }
    Ok(())
}

fn convert_file(file: &Path, out: &Path, names: &mut BTreeSet<String>, summary: &mut Summary) {
    let shown = file.display();
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => {
            summary
                .failures
                .push(format!("{shown}: cannot read: {err}"));
            return;
        }
    };
    let parsed = match wordpress::from_slice_with::<Response>(&bytes, &ReadOptions::lenient()) {
        Ok(parsed) => parsed,
        Err(err) => {
            summary.failures.push(format!("{shown}: {err}"));
            return;
        }
    };
    for failed in parsed.failures() {
        summary
            .failures
            .push(format!("{shown}: item {}: {}", failed.index, failed.error));
    }
    let mut posts = 0;
    for object in parsed.objects() {
        let Object::Post(post) = object else {
            continue;
        };
        posts += 1;
        let name = unique(names, file_name(post));
        let path = out.join(&name);
        match std::fs::write(&path, page(post)) {
            Ok(()) => summary.written += 1,
            Err(err) => summary
                .failures
                .push(format!("{shown}: cannot write {}: {err}", path.display())),
        }
    }
    if posts == 0 && parsed.failures().is_empty() {
        summary.without_posts.push(shown.to_string());
    }
}

/// `YYYY-MM-DD-slug.md` for a post, `slug.md` for a page.
fn file_name(post: &Post<'_>) -> String {
    let slug = post
        .slug
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(clean_slug)
        .unwrap_or_else(|| format!("{}", post.id.unwrap_or_default()));
    let is_page = post
        .post_type
        .as_ref()
        .is_some_and(|t| t.to_string() == "page");
    match post.published() {
        Some(date) if !is_page => format!(
            "{:04}-{:02}-{:02}-{slug}.md",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
        _ => format!("{slug}.md"),
    }
}

/// A slug as a file name: percent-encoded non-ASCII slugs stay as sent,
/// anything that could leave the directory does not.
fn clean_slug(slug: &str) -> String {
    slug.chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .trim_start_matches('.')
        .to_owned()
}

/// `name`, or `name` with `-2`, `-3`... before `.md` if taken.
fn unique(names: &mut BTreeSet<String>, name: String) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while !names.insert(candidate.clone()) {
        candidate = format!("{}-{n}.md", name.trim_end_matches(".md"));
        n += 1;
    }
    candidate
}

/// The Markdown file of a post: front matter, then the body.
fn page(post: &Post<'_>) -> String {
    let mut fm = String::from("---\n");
    let rfc3339 = |t: pressmark::time::OffsetDateTime| t.format(&Rfc3339).ok();
    field(&mut fm, "title", post.title_text().as_deref());
    field(
        &mut fm,
        "date",
        post.published().and_then(rfc3339).as_deref(),
    );
    field(
        &mut fm,
        "lastmod",
        post.modified_at().and_then(rfc3339).as_deref(),
    );
    field(&mut fm, "slug", post.slug.as_deref());
    if post.status.as_ref().is_some_and(|s| *s != Status::Publish) {
        fm.push_str("draft: true\n");
    }
    let names = |terms: Vec<wordpress::PostTerm<'_>>| -> Vec<String> {
        terms
            .into_iter()
            .filter_map(|t| {
                t.name
                    .map(|n| n.to_string())
                    .or_else(|| t.id.map(|id| id.to_string()))
            })
            .collect()
    };
    list(&mut fm, "categories", &names(post.category_terms()));
    list(&mut fm, "tags", &names(post.tag_terms()));
    let author = post.author_profile().and_then(|a| a.name);
    field(&mut fm, "author", author.as_deref());
    let image = post.featured_image().and_then(|i| i.url);
    field(&mut fm, "image", image.as_deref());
    let description = post.excerpt_text().filter(|e| !e.is_empty());
    field(&mut fm, "description", description.as_deref());
    if let Some(path) = post.link.as_deref().and_then(link_path) {
        list(&mut fm, "aliases", &[path.to_owned()]);
    }
    fm.push_str("---\n");
    if let Some(body) = post.content_html() {
        let md = html::to_markdown(&body);
        if !md.is_empty() {
            fm.push('\n');
            fm.push_str(&md);
            fm.push('\n');
        }
    }
    fm
}

/// The path of a URL (`https://e.x/2024/03/tides/` gives `/2024/03/tides/`).
fn link_path(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    (path.len() > 1).then_some(path)
}

fn field(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{key}: {}", yaml_string(value));
    }
}

fn list(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    let _ = writeln!(out, "{key}:");
    for v in values {
        let _ = writeln!(out, "  - {}", yaml_string(v));
    }
}

/// A YAML double-quoted scalar: every string reads back as the same
/// string (no `yes`, `1e3` or `2024-03-01` typed as a boolean, number or
/// date), with `\` and `"` escaped and control characters as escapes.
fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
