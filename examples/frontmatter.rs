//! Reads aggregator news items and prints a summary of each.
//!
//! ```text
//! cargo run --example frontmatter [FILE...]
//! ```
//!
//! With no arguments, reads the bundled `examples/data/news-item.md`. A file
//! under a `_news` folder, or with `category: news`, is read as a news item;
//! any other as a generic aggregator item. Exits with status 1, after the
//! other files, when a file fails, printing its message and position.

use std::path::PathBuf;
use std::process::ExitCode;

use pressmark::frontmatter;

fn main() -> ExitCode {
    let mut paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        paths.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data/news-item.md"));
    }
    let mut failed = 0;
    for path in &paths {
        let input = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{}: cannot read: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        if let Err(e) = summarize(&input) {
            eprintln!("{}: {e}", path.display());
            failed += 1;
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} files failed", paths.len());
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn summarize(input: &str) -> pressmark::Result<()> {
    // News items have `category: news`; the typed model then applies.
    let doc = frontmatter::parse(input)?;
    let is_news = doc.value().get("category").and_then(|c| c.as_str()) == Some("news");
    if is_news {
        let doc = frontmatter::news_item(input)?;
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
    } else {
        let doc = frontmatter::item(input)?;
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
        match &item.provider {
            Some(p) => println!(
                "provider:  {} ({})",
                p.name,
                p.domain.as_deref().unwrap_or("no domain")
            ),
            None => println!("provider:  (none)"),
        }
        println!(
            "counts:    {} images, {} topics, {} unknown keys, body {} bytes",
            item.images.len(),
            item.topics.len(),
            item.extra.len(),
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
