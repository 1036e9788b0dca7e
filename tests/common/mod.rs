//! Helpers shared by the integration tests and benches (benches include
//! this file with `#[path]`): the corpus, its files, the seeds, our
//! fixtures, strict JSON.
#![allow(dead_code)] // each test uses some of them

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes a line straight to stderr, past the test harness's capture, so a
/// corpus or seed test is seen running (or skipped) in a normal
/// `cargo test`. One write, so the harness's own lines (on stdout, from
/// other threads) do not land inside it.
pub fn say(line: impl std::fmt::Display) {
    let _ = std::io::stderr().write_all(format!("{line}\n").as_bytes());
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

/// The byte offsets of the raw control characters inside the strings of
/// the JSON text `raw` (which strict JSON forbids), found independently of
/// the crate.
pub fn raw_controls(raw: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (at, c) in raw.char_indices() {
        if in_string && (c as u32) < 0x20 {
            found.push(at);
            continue;
        }
        if c == '"' && !escaped {
            in_string = !in_string;
        }
        escaped = in_string && !escaped && c == '\\';
    }
    found
}

/// The 1-based line and column (in characters) of byte `at` of `text`,
/// counted independently of the crate.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// `raw` as strict JSON, independently of the crate: a leading BOM dropped
/// and raw control characters inside strings escaped.
pub fn strict_json(raw: &str) -> String {
    let raw = raw.trim_start_matches('\u{feff}');
    let mut json = String::with_capacity(raw.len());
    let mut copied = 0;
    for at in raw_controls(raw) {
        json.push_str(&raw[copied..at]);
        json.push_str(&format!("\\u{:04x}", raw.as_bytes()[at]));
        copied = at + 1;
    }
    json.push_str(&raw[copied..]);
    json
}

/// The text of the file at `path`.
fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The text of `tests/fixtures/{name}`, a fixture we wrote.
pub fn fixture(name: &str) -> String {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
}

/// `$PRESSMARK_SEEDS/name`, or `None` when the variable is not set. The
/// seeds live outside the repository (CI sets the variable to
/// `../shared/seeds`); what they exercise, our fixtures exercise too.
/// Panics when the variable is set but the file is not there.
fn seed_file(name: &str) -> Option<PathBuf> {
    let path = Path::new(&std::env::var_os("PRESSMARK_SEEDS")?).join(name);
    assert!(
        path.is_file(),
        "PRESSMARK_SEEDS is set but {} is not a file",
        path.display()
    );
    Some(path)
}

/// `$PRESSMARK_SEEDS/name`, saying loudly that `test` runs on it; or
/// `None`, saying loudly that it is skipped, when the variable is not set.
/// Panics when the variable is set but the file is not there.
pub fn seed_path(test: &str, name: &str) -> Option<PathBuf> {
    let Some(path) = seed_file(name) else {
        say(format_args!(
            "\n*** SKIPPED: {test}: PRESSMARK_SEEDS is not set ***\n"
        ));
        return None;
    };
    say(format_args!(
        "\n*** RUNNING: {test} on {} ***",
        path.display()
    ));
    Some(path)
}

/// The text of the seed `name` (see [`seed_path`]).
pub fn seed(test: &str, name: &str) -> Option<String> {
    seed_path(test, name).map(|path| read(&path))
}

/// What a bench runs on: the seed `name` when `PRESSMARK_SEEDS` is set (a
/// missing file is an error), else our fixture
/// `tests/fixtures/{fixture_name}`, with `"seed"` or `"fixture"` to name
/// the input by; says which on stderr.
pub fn seed_or_fixture(bench: &str, name: &str, fixture_name: &str) -> (&'static str, String) {
    match seed_file(name) {
        Some(path) => {
            say(format_args!("{bench}: input: the seed {}", path.display()));
            ("seed", read(&path))
        }
        None => {
            say(format_args!(
                "{bench}: input: the fixture tests/fixtures/{fixture_name} \
                 (PRESSMARK_SEEDS is not set)"
            ));
            ("fixture", fixture(fixture_name))
        }
    }
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
