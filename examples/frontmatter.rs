//! Reads front-matter files and prints a summary of each, or writes each
//! back in another format.
//!
//! ```text
//! cargo run --example frontmatter [FILE...]
//! cargo run --example frontmatter -- --to yaml|toml|json [--out DIR] FILE...
//! ```
//!
//! With no files, reads the bundled `examples/data/news-item.md`. A file
//! with `category: news` is read as an aggregator news item, one with the
//! aggregator's keys as another aggregator item, any other as a static
//! site's page (Hugo, Jekyll, Eleventy, Astro), in YAML, TOML or JSON.
//!
//! With `--to`, each file's front matter and body are written in that
//! format instead: YAML between `---` lines, TOML between `+++` lines as
//! Hugo writes it, JSON as an object at the top of the file; to stdout, or
//! with `--out DIR` to a file of the same name in `DIR`. Keys keep their
//! order (TOML puts tables after the other keys, as it must); a value the
//! format cannot hold (a null in TOML) fails that file with its field.
//!
//! Warnings (values kept as written that a model could not type) are
//! printed with their field and position. Exits with status 1, after the
//! other files, when a file fails, printing its message and position.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pressmark::frontmatter::{self, Format};

struct Args {
    to: Option<Format>,
    out: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut args = Args {
        to: None,
        out: None,
        paths: Vec::new(),
    };
    let mut it = std::env::args_os().skip(1);
    while let Some(arg) = it.next() {
        match arg.to_str() {
            Some("--to") => {
                let value = it.next().and_then(|v| v.into_string().ok());
                args.to = Some(match value.as_deref() {
                    Some("yaml") => Format::Yaml,
                    Some("toml") => Format::Toml,
                    Some("json") => Format::Json,
                    other => {
                        return Err(format!(
                            "--to: expected yaml, toml or json, found {}",
                            other.unwrap_or("nothing")
                        ));
                    }
                });
            }
            Some("--out") => {
                let dir = it
                    .next()
                    .ok_or("--out: expected a directory, found nothing")?;
                args.out = Some(PathBuf::from(dir));
            }
            Some("--help" | "-h") => {
                return Err(
                    "usage: frontmatter [--to yaml|toml|json [--out DIR]] [FILE...]".into(),
                );
            }
            _ => args.paths.push(PathBuf::from(arg)),
        }
    }
    if args.out.is_some() && args.to.is_none() {
        return Err("--out: only with --to".into());
    }
    if args.paths.is_empty() {
        args.paths
            .push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/news-item.md"));
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.out
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("{}: cannot create: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut failed = 0;
    for path in &args.paths {
        let input = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{}: cannot read: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        let result = match args.to {
            Some(format) => convert(path, &input, format, args.out.as_deref()),
            None => summarize(path, &input),
        };
        if let Err(e) = result {
            eprintln!("{}: {e}", path.display());
            failed += 1;
        }
    }
    if failed > 0 {
        eprintln!("files failed: {failed} of {}", args.paths.len());
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the file's front matter in `format`, then its body.
fn convert(path: &Path, input: &str, format: Format, out: Option<&Path>) -> pressmark::Result<()> {
    let text = frontmatter::parse(input)?.to_string_as(format)?;
    match out {
        Some(dir) => {
            let name = path.file_name().unwrap_or(path.as_os_str());
            std::fs::write(dir.join(name), text)?;
        }
        None => print!("{text}"),
    }
    Ok(())
}

fn warnings(path: &Path, warnings: &[pressmark::Error]) {
    for w in warnings {
        eprintln!("{}: warning: {w}", path.display());
    }
}

fn summarize(path: &Path, input: &str) -> pressmark::Result<()> {
    // The same recognition as `pressmark::from_slice`, by hand: news items
    // have `category: news`, other aggregator items its keys.
    let doc = frontmatter::parse(input)?;
    let value = doc.value();
    let is_news = value.get("category").and_then(|c| c.as_str()) == Some("news");
    let is_item = ["publishedDateTime", "webUrl", "provider"]
        .iter()
        .any(|k| value.get(k).is_some());
    println!("format:    {}", doc.format().name());
    if is_news {
        let doc = frontmatter::news_item(input)?;
        warnings(path, doc.warnings());
        let item = doc.value();
        println!("title:     {}", item.title);
        println!("type:      {}", item.kind);
        println!("published: {}", rfc3339(item.published_date_time));
        println!(
            "provider:  {} ({})",
            item.provider.name,
            item.provider.domain.as_deref().unwrap_or("no domain")
        );
        println!(
            "counts:    {} images, {} topics, {} related, {} unknown keys",
            item.images.len(),
            item.topics.len(),
            item.related.len(),
            item.extra.len()
        );
    } else if is_item {
        let doc = frontmatter::item(input)?;
        warnings(path, doc.warnings());
        let item = doc.value();
        println!("title:     {}", item.display_title().unwrap_or("(none)"));
        println!(
            "type:      {}",
            item.kind.as_ref().map_or("(none)", |k| k.as_str())
        );
        match item.published_date_time {
            Some(p) => println!("published: {}", rfc3339(p)),
            None => println!("published: (none)"),
        }
        println!(
            "counts:    {} images, {} topics, {} unknown keys, body {} bytes",
            item.images.len(),
            item.topics.len(),
            item.extra.len(),
            doc.body().len()
        );
    } else {
        let doc = frontmatter::page(input)?;
        warnings(path, doc.warnings());
        let page = doc.value();
        println!("title:     {}", page.title.as_deref().unwrap_or("(none)"));
        match page.published_at() {
            Some(d) => println!("published: {}", rfc3339(d.to_offset_date_time())),
            None => println!("published: (none)"),
        }
        println!("draft:     {}", page.is_draft());
        println!(
            "tags:      {}",
            page.tags.names().collect::<Vec<_>>().join(", ")
        );
        println!(
            "counts:    {} categories, {} unknown keys, body {} bytes",
            page.category_names().count(),
            page.extra.len(),
            doc.body().len()
        );
    }
    println!();
    Ok(())
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}
