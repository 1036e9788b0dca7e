//! Helpers shared by the integration tests and benches (benches include
//! this file with `#[path]`): the corpus, its files, strict JSON.
#![allow(dead_code)] // each test uses some of them

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes a line straight to stderr, past the test harness's capture, so a
/// corpus test is seen running (or skipped) in a normal `cargo test`.
pub fn say(line: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// `$PRESSMARK_CORPUS/sub`, saying loudly that the test runs over it; or
/// `None`, saying loudly that it is skipped, when the variable is not set.
pub fn corpus(test: &str, sub: &str) -> Option<PathBuf> {
    let Some(root) = std::env::var_os("PRESSMARK_CORPUS") else {
        say(format_args!(
            "\n*** SKIPPED: {test}: PRESSMARK_CORPUS is not set ***\n"
        ));
        return None;
    };
    let dir = Path::new(&root).join(sub);
    assert!(
        dir.is_dir(),
        "PRESSMARK_CORPUS is set but {} is not a directory",
        dir.display()
    );
    say(format_args!(
        "\n*** RUNNING: {test} over {} ***",
        dir.display()
    ));
    Some(dir)
}

/// The files under `dir` whose extension is one of `extensions`, sorted.
pub fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|e| e.expect("directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, extensions, &mut out);
    out
}

/// `raw` as strict JSON, independently of the crate: a leading BOM dropped
/// and raw control characters inside strings escaped.
pub fn strict_json(raw: &str) -> String {
    let raw = raw.trim_start_matches('\u{feff}');
    let mut json = String::with_capacity(raw.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_string && (c as u32) < 0x20 {
            json.push_str(&format!("\\u{:04x}", c as u32));
            continue;
        }
        if c == '"' && !escaped {
            in_string = !in_string;
        }
        escaped = in_string && !escaped && c == '\\';
        json.push(c);
    }
    json
}

/// A seed file from `../shared/seeds`.
pub fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// An example's binary: `cargo test` builds the examples beside the tests;
/// a run of one test file alone builds the example here.
pub fn example_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    let binary = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if !binary.exists() {
        let status = std::process::Command::new(env!("CARGO"))
            .args(["build", "--example", name])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success(), "cargo build --example {name} failed");
    }
    binary
}
