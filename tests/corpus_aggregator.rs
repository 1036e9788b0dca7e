//! Every file of `$PRESSMARK_CORPUS/aggregator`: news items as [`NewsItem`],
//! the other collections as [`Item`]. Prints counts per collection and fails
//! on any failure. Skipped (loudly) when `PRESSMARK_CORPUS` is not set.
//!
//! [`NewsItem`]: pressmark::frontmatter::NewsItem
//! [`Item`]: pressmark::frontmatter::Item
#![cfg(feature = "frontmatter")]

use std::collections::BTreeMap;
mod common;

use std::path::Path;

use pressmark::frontmatter;

/// `powerapps/_news/head`, `powerapps/_samples`, `everyday-cc-ai/_news`...:
/// the path up to the collection folder (and its sub-folder for `_news` and
/// `_learning`).
fn collection(relative: &Path) -> String {
    let parts: Vec<&str> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.iter())
        .filter_map(|s| s.to_str())
        .collect();
    parts.join("/")
}

/// Writes straight to stderr, past the test harness's capture, so that the
/// counts (or the notice that the test was skipped) show in every run.
macro_rules! say {
    ($($arg:tt)*) => {
        common::say(format_args!($($arg)*))
    };
}

#[derive(Default)]
struct Counts {
    files: usize,
    bytes: usize,
    unknown_keys: usize,
    warnings: usize,
    bodies: usize,
    failures: usize,
}

#[test]
fn every_aggregator_file_parses() {
    let Some(root) = common::corpus("corpus_aggregator", "aggregator") else {
        return;
    };
    let paths = common::files(&root, &["md", "html"]);
    assert!(!paths.is_empty(), "no files under {}", root.display());

    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut news = 0;
    for path in &paths {
        let relative = path.strip_prefix(&root).expect("under root");
        let name = collection(relative);
        let c = counts.entry(name.clone()).or_default();
        let input = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        c.files += 1;
        c.bytes += input.len();
        let result = if name.split('/').any(|part| part == "_news") {
            news += 1;
            frontmatter::news_item(&input).and_then(|d| {
                // Nothing lost: the item serializes back to the same values.
                let tree = frontmatter::parse(&input)?.into_value();
                let back = serde_json::to_value(d.value()).expect("serializes");
                if back != serde_json::to_value(&tree).expect("serializes") {
                    return Err(<pressmark::Error as serde::de::Error>::custom(
                        "the item does not serialize back to the values it was read from",
                    ));
                }
                Ok((
                    d.value().extra.len(),
                    d.warnings().len(),
                    !d.body().trim().is_empty(),
                ))
            })
        } else {
            frontmatter::item(&input).map(|d| {
                (
                    d.value().extra.len(),
                    d.warnings().len(),
                    !d.body().trim().is_empty(),
                )
            })
        };
        match result {
            Ok((unknown, warnings, body)) => {
                c.unknown_keys += unknown;
                c.warnings += warnings;
                c.bodies += usize::from(body);
            }
            Err(e) => {
                c.failures += 1;
                failures.push(format!("{}: {e}", relative.display()));
            }
        }
    }

    say!(
        "{:<32} {:>6} {:>10} {:>8} {:>8} {:>7} {:>8}",
        "collection",
        "files",
        "bytes",
        "unknown",
        "warnings",
        "bodies",
        "failures"
    );
    for (name, c) in &counts {
        say!(
            "{name:<32} {:>6} {:>10} {:>8} {:>8} {:>7} {:>8}",
            c.files,
            c.bytes,
            c.unknown_keys,
            c.warnings,
            c.bodies,
            c.failures
        );
    }
    say!(
        "corpus_aggregator: {} files ({news} news items), {} failures",
        paths.len(),
        failures.len()
    );
    for f in failures.iter().take(30) {
        say!("  FAILED {f}");
    }
    assert!(failures.is_empty(), "{} files failed", failures.len());
    // Every file of the corpus types strictly: a warning here is a model
    // that stopped reading a shape it read before.
    let warnings: usize = counts.values().map(|c| c.warnings).sum();
    assert_eq!(warnings, 0, "warnings over the corpus");
}
