//! Every object of `$PRESSMARK_CORPUS/wordpress`, read as what it is, and
//! written back equal (as a JSON value) to the input.
#![cfg(feature = "wordpress")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pressmark::wordpress::{self, Object, PostType, Response};

fn corpus(sub: &str) -> Option<PathBuf> {
    let Some(root) = std::env::var_os("PRESSMARK_CORPUS") else {
        eprintln!("\n*** SKIPPED: corpus test `{sub}`: PRESSMARK_CORPUS is not set ***\n");
        return None;
    };
    let dir = Path::new(&root).join(sub);
    assert!(
        dir.is_dir(),
        "PRESSMARK_CORPUS is set but {} is not a directory",
        dir.display()
    );
    eprintln!("\n*** RUNNING: corpus test over {} ***", dir.display());
    Some(dir)
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// The expected value, read independently of the crate: strip a BOM and
/// escape raw control characters inside strings, then let serde_json read it.
fn expected_value(text: &str) -> serde_json::Value {
    let text = text.trim_start_matches('\u{feff}');
    let mut strict = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string && !escaped && (c as u32) < 0x20 {
            strict.push_str(&format!("\\u{:04x}", c as u32));
            continue;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
        strict.push(c);
    }
    serde_json::from_str(&strict).unwrap()
}

#[test]
fn every_wordpress_object_reads_and_writes_back() {
    let Some(dir) = corpus("wordpress") else {
        return;
    };
    let mut files = Vec::new();
    json_files(&dir, &mut files);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let parsed = match wordpress::from_str::<Response>(&text) {
            Ok(parsed) => parsed,
            Err(err) => {
                failures.push(format!("{}: {err}", path.display()));
                continue;
            }
        };
        if parsed.repairs.is_some() {
            *counts.entry("files repaired").or_default() += 1;
        }
        for object in parsed.objects() {
            let kind = match object {
                Object::Post(p) if p.post_type == Some(PostType::Page) => "pages",
                Object::Post(_) => "posts (and custom types)",
                Object::Media(_) => "media",
                Object::Term(_) => "terms",
                Object::User(_) => "users",
                Object::Comment(_) => "comments",
                Object::Error(_) => "api errors",
                _ => "other objects",
            };
            *counts.entry(kind).or_default() += 1;
        }
        let written = serde_json::to_value(&parsed.value).unwrap();
        if written != expected_value(&text) {
            failures.push(format!(
                "{}: written back differs from the input",
                path.display()
            ));
        }
    }
    eprintln!("wordpress corpus: {} files", files.len());
    for (kind, n) in &counts {
        eprintln!("  {kind}: {n}");
    }
    eprintln!("  failures: {}", failures.len());
    assert!(
        files.len() > 100,
        "expected the whole corpus, found {} files",
        files.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
