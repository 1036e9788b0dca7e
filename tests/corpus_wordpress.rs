//! Every object of `$PRESSMARK_CORPUS/wordpress`, read as what it is, and
//! written back equal (as a JSON value) to the input.
#![cfg(feature = "wordpress")]

mod common;

use std::collections::BTreeMap;

use pressmark::wordpress::{self, Object, PostType, Response};

/// The expected value, read independently of the crate.
fn expected_value(text: &str) -> serde_json::Value {
    serde_json::from_str(&common::strict_json(text)).unwrap()
}

#[test]
fn every_wordpress_object_reads_and_writes_back() {
    let Some(dir) = common::corpus("corpus_wordpress", "wordpress") else {
        return;
    };
    let files = common::files(&dir, &["json"]);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let parsed = match wordpress::from_str::<Response>(&text) {
            Ok(parsed) => parsed,
            // Frontity's own site settings (`name`, `mode`, `state`,
            // `packages`) sit among its WordPress mocks: not WordPress, and
            // said so.
            Err(err)
                if err.message().starts_with("not a WordPress response")
                    && path.to_string_lossy().contains("file-settings") =>
            {
                *counts
                    .entry("not wordpress (frontity settings)")
                    .or_default() += 1;
                continue;
            }
            Err(err) => {
                failures.push(format!("{}: {err}", path.display()));
                continue;
            }
        };
        if parsed.repairs().is_some() {
            *counts.entry("files repaired").or_default() += 1;
        }
        for object in parsed.objects() {
            let kind = match object {
                Object::Post(p) if p.post_type == Some(PostType::Page) => "pages".to_owned(),
                Object::Post(_) => "posts (and custom types)".to_owned(),
                other => format!("{}", other.kind()),
            };
            *kinds.entry(kind).or_default() += 1;
        }
        let written = serde_json::to_value(parsed.value()).unwrap();
        if written != expected_value(&text) {
            failures.push(format!(
                "{}: written back differs from the input",
                path.display()
            ));
        }
    }
    common::say(format_args!("corpus_wordpress: {} files", files.len()));
    for (kind, n) in &counts {
        common::say(format_args!("  {kind}: {n}"));
    }
    for (kind, n) in &kinds {
        common::say(format_args!("  {kind}: {n}"));
    }
    // Every object of the corpus is one WordPress core sends: none is left
    // unrecognised.
    assert!(!kinds.contains_key("other"), "{kinds:?}");
    common::say(format_args!("  failures: {}", failures.len()));
    assert!(
        files.len() > 100,
        "expected the whole corpus, found {} files",
        files.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
