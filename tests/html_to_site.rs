//! The `to_site` example: WordPress JSON in, one Markdown file per post
//! with front matter out, on our post fixture and (when `PRESSMARK_CORPUS`
//! is set) the whole WordPress corpus.
#![cfg(all(feature = "wordpress", feature = "frontmatter", feature = "html"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use pressmark::frontmatter;
use pressmark::wordpress::{self, Response};

/// Runs `to_site` on `input` into a fresh directory; its status, stderr
/// and the files written.
fn run(input: &Path, tag: &str) -> (bool, String, Vec<PathBuf>) {
    let out = std::env::temp_dir().join(format!("pressmark-to-site-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let run = Command::new(common::example_binary("to_site"))
        .arg(input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let files = common::files(&out, &["md"]);
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
        files,
    )
}

#[test]
fn to_site_writes_a_markdown_file_with_front_matter_per_post() {
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress/post.json");
    let (ok, stderr, files) = run(&input, "fixture");
    assert!(ok, "{stderr}");
    assert_eq!(files.len(), 1, "{stderr}");
    let name = files[0].file_name().unwrap().to_str().unwrap().to_owned();
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let doc = frontmatter::parse(&text).unwrap();
    let head = serde_json::to_value(doc.value()).unwrap();
    let post: serde_json::Value = serde_json::from_str(&common::strict_json(&common::fixture(
        "wordpress/post.json",
    )))
    .unwrap();
    let slug = post["slug"].as_str().unwrap();
    // YYYY-MM-DD from the post's local date.
    let date = &post["date"].as_str().unwrap()[..10];
    assert_eq!(name, format!("{date}-{slug}.md"));
    assert_eq!(head["slug"], slug);
    assert_eq!(head["title"], "Library’s late opening – a €40,000 trial");
    assert!(head["date"].as_str().unwrap().starts_with(date), "{head}");
    assert!(
        head["description"]
            .as_str()
            .unwrap()
            .starts_with("The town library")
    );
    assert!(head["aliases"][0].as_str().unwrap().starts_with('/'));
    assert!(head.get("draft").is_none());
    // The body is the content as Markdown.
    assert!(doc.body().contains("## What changes"), "{}", doc.body());
    assert!(
        doc.body()
            .contains("- Reading rooms and study desks open late")
    );
}

#[test]
fn to_site_writes_every_corpus_post_and_page() {
    let Some(root) = common::corpus("to_site", "wordpress") else {
        return;
    };
    let mut posts = 0;
    for path in common::files(&root, &["json"]) {
        let text = std::fs::read_to_string(&path).unwrap();
        posts += wordpress::from_str::<Response>(&text).map_or(0, |r| r.posts().count());
    }
    let (_, stderr, files) = run(&root, "corpus");
    common::say(format!(
        "to_site: {} Markdown files for {posts} posts and pages in the corpus",
        files.len()
    ));
    assert!(
        files.len() >= posts,
        "{} files for {posts} posts\n{stderr}",
        files.len()
    );
    let mut titled = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let doc = frontmatter::parse(&text)
            .unwrap_or_else(|e| panic!("{}: front matter does not read: {e}", file.display()));
        titled += usize::from(doc.value().get("title").is_some());
    }
    common::say(format!("to_site: {titled} with a title"));
    // Some corpus posts have an empty title.
    assert!(
        titled * 2 >= files.len(),
        "{titled} of {} with a title",
        files.len()
    );
}
