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
//! A file that fails prints its error, with line and column, and the exit
//! status is non-zero.

use std::path::PathBuf;
use std::process::ExitCode;

use pressmark::wordpress::{self, Object, Post, Response};
use time::format_description::well_known::Rfc3339;

fn main() -> ExitCode {
    let mut files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        files.push(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/wordpress-post.json"),
        );
    }
    let mut failed = false;
    for path in &files {
        let text = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                eprintln!("{}: cannot read: {err}", path.display());
                failed = true;
                continue;
            }
        };
        match wordpress::from_slice::<Response>(&text) {
            Ok(parsed) => {
                println!("{}", path.display());
                if let Some(repairs) = parsed.repairs() {
                    println!(
                        "  repaired {} raw control character(s), the first at {}",
                        repairs.count(),
                        repairs.first()
                    );
                }
                for object in parsed.objects() {
                    match object {
                        Object::Post(post) => print_post(post),
                        // "wordpress api error `rest_no_route` (status 404): No route..."
                        Object::Error(err) => println!("  - an error object: {err}"),
                        Object::Other(_) => println!("  - an object of another kind"),
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
    if failed {
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
        post.links.as_ref().map_or(0, |l| l.len())
    );
    let embedded = post.embedded.as_ref().map_or(0, |e| {
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
