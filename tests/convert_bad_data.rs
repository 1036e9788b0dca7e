//! `convert` over a tree holding one file for each kind of bad data users
//! sent us: every good item is converted, every problem is listed with its
//! file, item, field, line and column, and fields kept as sent, repairs and
//! transcoding are counted.
#![cfg(all(unix, feature = "wordpress", feature = "frontmatter", feature = "html"))]

mod common;
#[path = "common/convert_run.rs"]
mod convert_run;

use convert_run::{Tree, convert, run, stderr};

/// A WordPress post with `id`, marked as a post by `date_gmt`, and `rest`
/// (more fields, with a leading comma).
fn post(id: u32, rest: &str) -> String {
    format!(r#"{{"id":{id},"date_gmt":"2024-03-01T09:00:00"{rest}}}"#)
}

#[test]
fn every_good_item_of_the_bad_data_rows_is_converted_and_each_problem_placed() {
    let tree = Tree::new("convert-bad-data");
    let posts = tree.write(
        "wp/posts.json",
        [
            format!("[{}", post(1, r#","title":{"rendered":"One"}"#)),
            // A date that is not one: kept as sent, with a warning.
            post(2, r#","date":"soon""#),
            // A lone surrogate escape, repaired; an <svg> left open, which
            // a browser closes at the next <p>.
            format!(
                "{}]\n",
                post(
                    3,
                    r#","title":{"rendered":"caf\ud800e"},"content":{"rendered":"<p>Intro</p><svg><path d=\"M0\"/><p>The rest of the post.</p>"}"#
                )
            ),
        ]
        .join(",\n"),
    );
    let dump = format!("[{}]", post(7, r#","title":{"rendered":"Año nuevo"}"#));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(dump.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16 = tree.write("wp/utf16.json", utf16);
    // The same dump in Windows-1252: `ñ` is the byte 0xF1.
    let cp1252: Vec<u8> = dump
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    let cp1252 = tree.write("wp/cp1252.json", cp1252);
    let jekyll = tree.write(
        "fm/jekyll.md",
        "---\nlayout: post\ntitle: Old post\ncategory: 2013\ndate: 2013-05-01\n---\nBody.\n",
    );
    let learning = tree.write(
        "fm/learning.md",
        "---\ntitle: Admin\nexcerpt: Admin basics.\npublishedDateTime: 2024-03-01T09:00:00Z\n\
         category: learning\ntype: video\nlength: 53 mins\nprovider:\n  name: E\n  domain: e.x\n\
         webUrl: https://e.x/admin\n---\n<p>Body</p>\n",
    );
    let nul = tree.write("fm/nul.md", "---\nsummary: a\0b\ntitle: Kept?\n---\nbody\n");

    let output = run(convert(&[&tree.path("")]));
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");

    let mut titles = Vec::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        titles.push(article["title"].as_str().unwrap_or("").to_owned());
        match article["title"].as_str() {
            Some("caf\u{fffd}e") => {
                assert_eq!(article["body"], "Intro\n\nThe rest of the post.");
            }
            Some("Old post") => assert_eq!(article["categories"][0]["name"], "2013"),
            _ => {}
        }
    }
    titles.sort();
    assert_eq!(
        titles,
        ["", "Admin", "Año nuevo", "Old post", "One", "caf\u{fffd}e"],
        "{err}"
    );

    let listed = |path: &std::path::Path, what: &str| {
        let want = format!("{}: {what}", path.display());
        assert!(
            err.lines().any(|l| l.trim() == want),
            "{want:?} not in\n{err}"
        );
    };
    assert!(err.contains("warnings: 2 (fields kept as sent), in 2 items kept with them"));
    listed(
        &posts,
        "invalid date: expected `YYYY-MM-DDTHH:MM:SS`, found `soon` in `[1].date` at line 2 column 49",
    );
    listed(
        &learning,
        "invalid duration: expected ISO 8601 such as `PT13M57S`, found \"53 mins\" in `length` at line 7 column 9",
    );
    assert!(err.contains("transcoded to UTF-8: 1 file"), "{err}");
    listed(&utf16, "from UTF-16LE");
    listed(&posts, "1, the first at line 3 column 66");
    assert!(err.contains("failures: 2"), "{err}");
    // Everything before the `ñ` is ASCII: its column is its byte.
    let column = dump.find('ñ').unwrap() + 1;
    listed(
        &cp1252,
        &format!(
            "invalid UTF-8: byte 0xf1 cannot start or continue a character: \
             the input looks like windows-1252, not UTF-8 at line 1 column {column}"
        ),
    );
    listed(
        &nul,
        "invalid yaml: expected printable characters, found a raw NUL (U+0000) \
         (write it as an escape in double quotes, such as `\"\\0\"`) at line 2 column 11",
    );
    // The Jekyll post's number category is a category, not a problem.
    assert!(!err.contains(&*jekyll.to_string_lossy()), "{err}");
}
