//! What the `convert` example writes and tells: lines in input order
//! whatever the threads (many small files in batches, a big collection
//! spread over the workers), a collection's bad items listed with their
//! file, item, field, line and column while its good items are written,
//! the summary's counts, `--help`.
#![cfg(all(unix, feature = "wordpress", feature = "frontmatter", feature = "html"))]

mod common;
#[path = "common/convert_run.rs"]
mod convert_run;

use convert_run::{Tree, collection, convert, ids, news_item, post, run, stderr};

#[test]
fn help_lists_every_option_and_exits_zero() {
    let output = run(&mut convert(&[&"--help"]));
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for option in [
        "--out",
        "--format",
        "--threads",
        "--max-file-size",
        "--quiet",
        "--help",
    ] {
        assert!(help.contains(option), "{option} missing from --help");
    }
    let output = run(&mut convert(&[&"--frobnicate"]));
    assert_eq!(output.status.code(), Some(2));
    let output = run(&mut convert(&[&"--threads", &"0"]));
    assert_eq!(output.status.code(), Some(2));
    let output = run(&mut convert(&[&"--format", &"html"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--format expects `text` or `markdown`, found `html`"));
}

/// `--format markdown` adds `body_markdown` to every line: a post's HTML
/// converted (in a small file and in a big collection, which is streamed),
/// a front-matter body as written, or converted when it is HTML. Without
/// it, or with `--format text`, there is no such field.
#[test]
fn format_markdown_adds_the_body_as_markdown_to_each_line() {
    let tree = Tree::new("convert-markdown");
    tree.write(
        "a/post.json",
        r#"{"id":1,"content":{"rendered":"<h2>Tides<\/h2><p>High <em>water<\/em> at <a href=\"https:\/\/e.x\/t\">noon<\/a>.<\/p><ul><li>one<\/li><\/ul>"}}"#,
    );
    // Markdown as written: kept, even what a converter would escape.
    tree.write(
        "b/page.md",
        "---
title: Tides
---

## Tides

High *water* at 1. noon_time
",
    );
    tree.write(
        "c/newsletter.md",
        format!(
            "{}<p>High <strong>water</strong>.</p>
",
            news_item("storm")
        ),
    );
    // Over the size from which a collection is streamed (4 MiB).
    tree.write("d/posts.json", collection(1000..25_000));
    let want: Vec<String> = [
        "## Tides\n\nHigh *water* at [noon](https://e.x/t).\n\n- one",
        "## Tides\n\nHigh *water* at 1. noon_time",
        "High **water**.",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain((1000..25_000).map(|id| format!("Body of post {id}.")))
    .collect();

    let output = run(&mut convert(&[&tree.root, &"--format", &"markdown"]));
    assert!(output.status.success());
    let lines = String::from_utf8(output.stdout).unwrap();
    let got: Vec<String> = lines
        .lines()
        .map(|line| {
            let article: serde_json::Value = serde_json::from_str(line).unwrap();
            article["body_markdown"]
                .as_str()
                .unwrap_or("(none)")
                .to_owned()
        })
        .collect();
    assert_eq!(got.len(), want.len());
    for (got, want) in got.iter().zip(&want) {
        assert_eq!(got, want);
    }

    for format in [&[][..], &["--format", "text"][..]] {
        let mut command = convert(&[&tree.root]);
        command.args(format);
        let output = run(&mut command);
        assert!(output.status.success());
        let lines = String::from_utf8(output.stdout).unwrap();
        assert_eq!(lines.lines().count(), want.len());
        assert!(!lines.contains("body_markdown"), "{format:?}");
    }
}

/// Many small files and a collection big enough to be cut into slices
/// come out in input order, with one thread and with several.
#[test]
fn lines_come_in_input_order_whatever_the_threads() {
    let tree = Tree::new("convert-order");
    for i in 0..600 {
        tree.write(&format!("a/{i:04}.json"), post(i));
    }
    // Over the size from which a collection is streamed (4 MiB).
    let big = collection(1000..25_000);
    assert!(big.len() > 4 << 20, "{} bytes", big.len());
    tree.write("b/posts.json", big);
    tree.write("c/last.json", post(99_999));
    let want: Vec<usize> = (0..600).chain(1000..25_000).chain([99_999]).collect();
    for threads in ["1", "2", "5"] {
        let output = run(&mut convert(&[
            &tree.root,
            &"--threads",
            &threads,
            &"--quiet",
        ]));
        assert!(output.status.success(), "{threads} threads");
        let got = ids(&String::from_utf8_lossy(&output.stdout));
        assert!(got == want, "{threads} threads: out of order");
        let err = stderr(&output);
        assert!(
            err.starts_with(&format!(
                "convert: 602 files, {} articles, 0 warnings, 0 failures, ",
                want.len()
            )),
            "{err}"
        );
    }
}

/// A collection with bad items: the good ones are written, each bad one is
/// listed with its file, item, field, line and column, and so is each
/// field kept as sent (with a warning) in an item that is written; the
/// exit status says something failed. Small and big collections alike.
#[test]
fn bad_items_and_warnings_are_listed_and_the_good_items_kept() {
    let tree = Tree::new("convert-bad-items");
    let items = [
        post(1),
        // Marked as posts (`date_gmt`): an object with only `id` and
        // `date` is any API's object, not WordPress's (see
        // wordpress_lookalikes.rs), when it is read alone as here (the
        // collection does not parse whole).
        r#"{"id":2,"date_gmt":"2024-03-01T09:00:00","id":3}"#.to_owned(),
        r#"{"id":4 "x":1}"#.to_owned(),
        "7".to_owned(),
        post(5),
        r#"{"id":6,"date_gmt":"2024-03-01T09:00:00","date":"soon"}"#.to_owned(),
    ];
    let small = tree.write("small.json", format!("[{}]", items.join(",\n")));
    // The same items after enough good ones to be streamed.
    let padding: Vec<String> = (100..20_100).map(post).collect();
    let big = tree.write(
        "big.json",
        format!("[{},\n{}]", padding.join(",\n"), items.join(",\n")),
    );
    for (path, line, index) in [(&small, 1, 0), (&big, 20_001, 20_000)] {
        let output = run(&mut convert(&[path]));
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{err}");
        let got = ids(&String::from_utf8_lossy(&output.stdout));
        assert_eq!(&got[got.len() - 3..], [1, 5, 6]);
        assert!(err.contains("failures: 3"), "{err}");
        assert!(
            err.contains("warnings: 1 (fields kept as sent), in 1 item kept with them"),
            "{err}"
        );
        let listed = |what: &str, item: usize, field: &str, column: usize| {
            let want = format!(
                "{}: {what} in `[{}]{field}` at line {} column {column}",
                path.display(),
                index + item,
                line + item
            );
            assert!(
                err.lines().any(|l| l.trim() == want),
                "{want:?} not in\n{err}"
            );
        };
        listed("duplicate field `id`", 1, "", 42);
        listed("expected `,` or `}`", 2, ".id", 9);
        listed("expected an object in the collection, found `7`", 3, "", 1);
        listed(
            "invalid date: expected `YYYY-MM-DDTHH:MM:SS`, found `soon`",
            5,
            ".date",
            49,
        );
    }
}

/// A collection of objects that are not WordPress's (a plugin's
/// settings, another API's export) is skipped and listed once, whether it
/// is read whole (small) or streamed (big), not failed item by item.
#[test]
fn collections_of_other_objects_are_skipped_small_or_big() {
    let tree = Tree::new("convert-not-wordpress");
    let setting = |i: usize| format!(r#"{{"name":"setting {i}","mode":"on","packages":[]}}"#);
    let small = tree.write(
        "small.json",
        format!("[{}]", (0..3).map(setting).collect::<Vec<_>>().join(",")),
    );
    let many: Vec<String> = (0..100_000).map(setting).collect();
    let big = tree.write("big.json", format!("[{}]", many.join(",\n")));
    assert!(std::fs::metadata(&big).unwrap().len() > 4 << 20);
    tree.write("post.json", post(1));
    let output = run(&mut convert(&[&tree.root]));
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.starts_with("convert: 3 files, 1 article, 0 warnings, 0 failures, "),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l == "  skipped, not WordPress or front matter: 2"),
        "{err}"
    );
    for (path, index) in [(&big, 0), (&small, 0)] {
        let listed = format!("    {}: not a WordPress response: ", path.display());
        let line = err.lines().find(|l| l.starts_with(&listed));
        assert!(
            line.is_some_and(|l| l.contains(&format!("in `[{index}]` at line 1 column 2"))),
            "{err}"
        );
    }
    let big_line = format!("    {}: ", big.display());
    let big_line = err.lines().find(|l| l.starts_with(&big_line)).unwrap();
    assert!(
        big_line.ends_with("; so are its 99999 other items"),
        "{big_line}"
    );
}

#[test]
fn the_summary_counts_what_was_read_and_skipped() {
    let tree = Tree::new("convert-summary");
    tree.write("a.json", post(1));
    tree.write("b.md", news_item("b"));
    tree.write("notes.md", "# Just Markdown\n");
    tree.write("page.html", "<p>No front matter.</p>");
    tree.write(
        "terms.json",
        r#"[{"id":1,"name":"News","taxonomy":"category"}]"#,
    );
    tree.write("readme.txt", "other");
    let broken = tree.write("broken.json", "{\"id\":");
    let output = run(&mut convert(&[&tree.root]));
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("convert: 6 files, 2 articles, 0 warnings, 1 failure, "),
        "{err}"
    );
    for line in [
        "  skipped, no front matter: 2",
        "  skipped, other file types: 1",
        "  read, but no article in them: 1",
        "  failures: 1",
    ] {
        assert!(err.lines().any(|l| l == line), "{line:?} not in\n{err}");
    }
    assert!(err.contains(&format!(
        "{}: wordpress collection",
        tree.path("terms.json").display()
    )));
    assert!(err.contains(&format!("{}: ", broken.display())));
    for part in [" articles/s, ", "/s) on ", " threads"] {
        assert!(err.lines().next().unwrap().contains(part), "{part}: {err}");
    }
    // Quiet: the first line and the failures.
    let output = run(&mut convert(&[&tree.root, &"--quiet"]));
    let quiet = stderr(&output);
    assert_eq!(quiet.lines().count(), 3, "{quiet}");
    assert!(quiet.lines().nth(1).unwrap() == "  failures: 1", "{quiet}");
}

#[test]
fn repairs_are_counted_per_file() {
    let tree = Tree::new("convert-repairs");
    let dump = tree.write(
        "dump.json",
        "[{\"id\":1,\"title\":{\"rendered\":\"a\nb\"}}]",
    );
    let output = run(&mut convert(&[&tree.root]));
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("1 article, 0 warnings, 0 failures"), "{err}");
    assert!(
        err.contains("repaired: 1 raw control character or lone surrogate escape, in 1 file"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}: 1, the first at line 1 column 32",
            dump.display()
        )),
        "{err}"
    );
}
