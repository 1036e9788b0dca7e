//! The `convert` example over the whole corpus: one JSON line per post-like
//! object and per front-matter file, and no failure.
#![cfg(all(feature = "wordpress", feature = "frontmatter", feature = "html"))]

mod common;

use std::process::Command;

use pressmark::wordpress::{self, Response};

#[test]
fn convert_writes_one_line_per_post_and_front_matter_file() {
    let Some(root) = common::corpus("convert", "") else {
        return;
    };
    // Expected, counted without the article code: posts in the JSON files,
    // and files that open with front matter.
    let all = common::files(&root, &["json", "md", "html"]);
    let (mut posts, mut front_matter) = (0, 0);
    for path in &all {
        let text = std::fs::read_to_string(path).unwrap();
        match path.extension().and_then(|e| e.to_str()) {
            // Not every JSON file is a WordPress response (the frontity
            // folder holds its settings mocks): those hold no post.
            Some("json") => {
                posts += wordpress::from_str::<Response>(&text).map_or(0, |r| r.posts().count())
            }
            Some("md" | "html") if pressmark::frontmatter::split(&text).unwrap().is_some() => {
                front_matter += 1;
            }
            _ => {}
        }
    }

    let binary = common::example_binary("convert");
    assert!(binary.exists(), "{} not built", binary.display());
    let out = std::env::temp_dir().join(format!("pressmark-convert-{}.jsonl", std::process::id()));
    let run = Command::new(&binary)
        .arg(&root)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    common::say(&stderr);
    assert!(run.status.success(), "convert failed");
    assert!(stderr.contains("failures: 0"));
    let lines = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let mut count = 0;
    for line in lines.lines() {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(article["source"].is_string());
        count += 1;
    }
    common::say(format_args!(
        "convert: {count} lines; expected {posts} posts + {front_matter} front-matter files"
    ));
    assert_eq!(count, posts + front_matter);
}
