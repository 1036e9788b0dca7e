//! Hostile nesting: JSON and YAML nested 100,000 levels deep give an error,
//! not a stack overflow, through every entry point that reads them. The
//! tests run on the test harness's threads (2 MiB stacks), so a recursion
//! that follows the input's depth would overflow here first.
//!
//! Flow and block YAML nested deep through `frontmatter::parse` are in
//! `frontmatter_errors.rs` (`deep_nesting_is_an_error_not_a_stack_overflow`),
//! the alias bomb in `frontmatter_errors.rs` too; the 50 MB HTML case is
//! `examples/html_stress.rs`.
#![cfg(all(feature = "wordpress", feature = "frontmatter", feature = "html"))]

use pressmark::Error;
use pressmark::frontmatter;
use pressmark::html;
use pressmark::wordpress::{self, Post, ReadOptions, Response};
use serde::Deserialize;

const DEPTH: usize = 100_000;

/// `open` repeated `DEPTH` times, then `close` as many times.
fn nested(open: &str, close: &str) -> String {
    nested_to(DEPTH, open, close)
}

fn nested_to(depth: usize, open: &str, close: &str) -> String {
    let mut s = String::with_capacity((open.len() + close.len()) * depth);
    for _ in 0..depth {
        s.push_str(open);
    }
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

/// Any error will do (the depth may be found wrong for the model before it
/// is too deep to read), as long as it has a position inside the input.
fn assert_error_inside(what: &str, input: &str, err: &Error) {
    let at = err
        .position()
        .unwrap_or_else(|| panic!("{what}: no position: {err}"));
    assert!(
        at.byte() <= input.len() && input.is_char_boundary(at.byte()),
        "{what}: {err}"
    );
}

/// `Ok`, or an error whose position lies inside `input`; says which.
fn outcome<T>(what: &str, input: &str, result: Result<T, Error>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(err) => {
            assert_error_inside(what, input, &err);
            "error"
        }
    }
}

#[test]
fn wordpress_json_nested_100_000_deep_is_an_error() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let inner = nested(open, close);
        for input in [
            inner.clone(),
            format!("{{\"id\":1,\"meta\":{inner}}}"),
            format!("[{{\"id\":1,\"title\":{{\"rendered\":{inner}}}}}]"),
            format!("{{\"body\":{inner},\"status\":200}}"),
            format!("/**/cb({inner});"),
            // A raw newline: the repairing path reads it again.
            format!("{{\"id\":1,\"title\":\"a\nb\",\"categories\":{inner}}}"),
        ] {
            let short = &input[..40];
            let strict = ReadOptions::strict();
            let results = [
                outcome(
                    "from_str::<Response>",
                    &input,
                    wordpress::from_str::<Response>(&input),
                ),
                outcome(
                    "from_str::<Post>",
                    &input,
                    wordpress::from_str::<Post>(&input),
                ),
                outcome(
                    "from_str_with(strict)",
                    &input,
                    wordpress::from_str_with::<Response>(&input, &strict),
                ),
                outcome(
                    "from_slice::<Vec<Post>>",
                    &input,
                    wordpress::from_slice::<Vec<Post>>(input.as_bytes()),
                ),
            ];
            assert_eq!(results, ["error"; 4], "{short}");
            if let Ok(items) = wordpress::items::<Post>(&input) {
                for item in items {
                    assert_eq!(outcome("items (item)", &input, item), "error", "{short}");
                }
            }
        }
    }
}

/// serde_json reads a `RawValue` without recursion: a key the model does
/// not know, nested 100,000 deep, is kept as it is.
#[test]
fn wordpress_unknown_key_nested_100_000_deep_is_kept_raw() {
    let inner = nested("[", "]");
    let input = format!("{{\"id\":1,\"unknown\":{inner}}}");
    let post = wordpress::from_str::<Post>(&input)
        .expect("an unknown key is kept raw")
        .into_value();
    let raw = post.extra.get("unknown").expect("kept in extra");
    assert_eq!(raw.get().len(), inner.len());
    assert_eq!(serde_json::to_string(&post).unwrap(), input);
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Any {
    a: Option<serde_json::Value>,
}

#[test]
fn front_matter_nested_100_000_deep_is_an_error() {
    let inputs = [
        // JSON front matter, as an object and as `;;;` members.
        format!("{{\n\"a\": {}\n}}\n", nested("[", "]")),
        format!(";;;\n\"a\": {}\n;;;\n", nested("{\"b\":", "}")),
        // YAML flow mappings, and block sequences opened on one line
        // (`- - - ...`), which nest without growing the indentation.
        format!("---\na: {}\n---\n", nested("{b: ", "}")),
        format!("---\n{}x\n---\n", "- ".repeat(DEPTH)),
        format!("---\n{}x\n---\n", "? ".repeat(DEPTH)),
        format!("---\na: {}\n---\n", nested("[{b: ", "}]")),
    ];
    for input in &inputs {
        let err = frontmatter::parse(input).unwrap_err();
        assert_error_inside("parse", input, &err);
        let err = frontmatter::from_str::<Any>(input).unwrap_err();
        assert_error_inside("from_str", input, &err);
        let err = frontmatter::news_item(input).unwrap_err();
        assert_error_inside("news_item", input, &err);
        let err = frontmatter::item(input).unwrap_err();
        assert_error_inside("item", input, &err);
    }
}

/// HTML has no depth limit to reach: the writer keeps a frame per open
/// list and table only (bounded, see `examples/html_stress.rs` for a
/// million nested tags in 50 MB). 20,000 levels keep this test quick in a
/// debug build.
#[test]
fn html_nested_20_000_deep_converts() {
    const HTML_DEPTH: usize = 20_000;
    for (open, close, text) in [
        ("<div>", "</div>", ""),
        ("<ul><li>", "</li></ul>", "- "),
        ("<table><tr><td>", "</td></tr></table>", ""),
        ("<b>", "</b>", ""),
    ] {
        let mut input = nested_to(HTML_DEPTH, open, close);
        input.insert_str(HTML_DEPTH * open.len(), "deep");
        let out = html::to_text(&input);
        assert!(
            out.ends_with("deep"),
            "{open}: {:?}",
            &out[out.len().saturating_sub(80)..]
        );
        assert!(out.trim_start().starts_with(text), "{open}");
    }
}
