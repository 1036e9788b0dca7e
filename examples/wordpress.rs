//! Summarise WordPress REST API responses.
//!
//! ```text
//! cargo run --example wordpress [FILE...]
//! ```
//!
//! With no arguments it reads the bundled `examples/data/wordpress-post.json`.
//! For each post it prints the id, type, title, link, publication instant,
//! and how many link relations, embedded relations and unknown fields it has;
//! for an error response, its code, status and message.
//!
//! Files are read leniently: a field that cannot be typed is kept as sent
//! and printed as a warning; a collection's item that cannot be read is
//! printed as a problem, with its index, field, line and column, and the
//! other items are read. A file that fails, or holds such an item, prints
//! its error, with line and column, and the exit status is non-zero.

use std::path::PathBuf;
use std::process::ExitCode;

use pressmark::wordpress::{self, Object, Post, ReadOptions, Response};
use time::format_description::well_known::Rfc3339;

fn main() -> ExitCode {
    let mut files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        files.push(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/wordpress-post.json"),
        );
    }
    let mut failed = false;
    let mut failed_items = false;
    for path in &files {
        let text = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                eprintln!("{}: cannot read: {err}", path.display());
                failed = true;
                continue;
            }
        };
        match wordpress::from_slice_with::<Response>(&text, &ReadOptions::lenient()) {
            Ok(parsed) => {
                println!("{}", path.display());
                if let Some(encoding) = parsed.transcoded_from() {
                    println!("  transcoded from {encoding}");
                }
                for warning in parsed.warnings() {
                    println!("  warning: {warning} (kept as sent)");
                }
                for failed in parsed.failures() {
                    eprintln!(
                        "{}: item {}: {}",
                        path.display(),
                        failed.index,
                        failed.error
                    );
                    failed_items = true;
                }
                if let Some(repairs) = parsed.repairs() {
                    println!(
                        "  repaired {} raw control character(s) and {} lone surrogate escape(s), \
                         the first at {}",
                        repairs.control_characters(),
                        repairs.lone_surrogates(),
                        repairs.first()
                    );
                }
                for object in parsed.objects() {
                    match object {
                        Object::Post(post) => print_post(post),
                        // "wordpress api error `rest_no_route` (status 404): No route..."
                        Object::Error(err) => println!("  - an error object: {err}"),
                        Object::Other(kind, _) => println!("  - a {kind} object (kept as JSON)"),
                        other => println!("  - a {} object", other.kind()),
                    }
                }
            }
            Err(err) => {
                eprintln!("{}: {err}", path.display());
                failed = true;
            }
        }
    }
    if failed || failed_items {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_post(post: &Post<'_>) {
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "-".to_owned());
    println!(
        "  - id:          {}",
        or_dash(post.id.map(|id| id.to_string()))
    );
    println!(
        "    type:        {}",
        or_dash(post.post_type.as_ref().map(ToString::to_string))
    );
    println!(
        "    title:       {}",
        or_dash(post.title_text().map(String::from))
    );
    println!(
        "    link:        {}",
        or_dash(post.link.as_ref().map(ToString::to_string))
    );
    let rfc3339 = |t: time::OffsetDateTime| t.format(&Rfc3339).unwrap_or_default();
    println!(
        "    published:   {}",
        or_dash(post.published().map(rfc3339))
    );
    println!(
        "    links:       {}",
        post.links
            .as_ref()
            .and_then(|l| l.read().ok())
            .map_or(0, |l| l.len())
    );
    let embedded = post
        .embedded
        .as_ref()
        .and_then(|e| e.read().ok())
        .map_or(0, |e| {
            [
                e.author.is_some(),
                e.featured_media.is_some(),
                e.terms.is_some(),
                e.replies.is_some(),
                e.up.is_some(),
            ]
            .into_iter()
            .filter(|&present| present)
            .count()
                + e.extra.len()
        });
    println!("    embedded:    {embedded}");
    println!("    unknown:     {}", post.extra.len());
}
