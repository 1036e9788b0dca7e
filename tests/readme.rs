//! The README's quickstart is `examples/quickstart.rs`, word for word, and
//! prints what the README says it prints, on our posts fixture.
#![cfg(all(feature = "wordpress", feature = "html"))]

mod common;

use std::process::Command;

/// The body of the first fenced block of `kind` after `heading`.
fn fenced<'r>(readme: &'r str, heading: &str, kind: &str) -> &'r str {
    let from = readme
        .find(heading)
        .unwrap_or_else(|| panic!("README has no `{heading}`"));
    let open = format!("```{kind}\n");
    let start = from
        + readme[from..]
            .find(&open)
            .unwrap_or_else(|| panic!("no ```{kind} block after `{heading}`"))
        + open.len();
    let end = start + readme[start..].find("```").expect("the block is closed");
    &readme[start..end]
}

#[test]
fn the_quickstart_is_the_example_and_prints_what_the_readme_shows() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let example = std::fs::read_to_string(format!("{root}/examples/quickstart.rs")).unwrap();
    assert_eq!(
        fenced(&readme, "## Quickstart", "rust"),
        example,
        "the README's quickstart and examples/quickstart.rs differ"
    );
    // Run where a doctest runs, so the fixture's relative path resolves.
    let output = Command::new(common::example_binary("quickstart"))
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(printed, fenced(&readme, "It prints", "text"));
}
