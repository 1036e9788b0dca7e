//! Front-matter errors, table-driven: the exact message, kind, and line and
//! column in the whole file.
#![cfg(feature = "frontmatter")]

mod common;

use pressmark::ErrorKind;
use pressmark::frontmatter;

/// A valid news item; rows replace one line of it.
const ITEM: &str = "---
category: news
title: \"Clearview AI fined\"
excerpt: \"Clearview AI received yet another fine\"
publishedDateTime: 2022-10-24T21:10:00Z
type: article
quality: 67
heat: -1
provider:
  name: TechSpot
  domain: techspot.com
topics:
  - AI
secured: \"abc==;def==\"
---
";

/// ITEM with `from` replaced by `to` (which must be there).
fn item_with(from: &str, to: &str) -> String {
    assert!(ITEM.contains(from), "{from:?} not in ITEM");
    ITEM.replacen(from, to, 1)
}

fn billion_laughs() -> String {
    let mut s = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in [
        ("b", "a"),
        ("c", "b"),
        ("d", "c"),
        ("e", "d"),
        ("f", "e"),
        ("g", "f"),
        ("h", "g"),
        ("i", "h"),
    ] {
        let refs = vec![format!("*{prev}"); 9].join(",");
        s.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    s.push_str("---\n");
    s
}

struct Row {
    name: &'static str,
    input: String,
    kind: ErrorKind,
    message: &'static str,
    line: usize,
    column: usize,
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            name: "unclosed front matter",
            input: ITEM.trim_end().trim_end_matches("---").to_owned(),
            kind: ErrorKind::Unclosed,
            message: "front matter not closed: expected a closing `---` or `...` line after the opening `---`, found the end of input",
            line: 1,
            column: 1,
        },
        Row {
            name: "bad yaml indentation",
            input: item_with("  domain: techspot.com", " domain: techspot.com"),
            kind: ErrorKind::Syntax,
            message: "invalid yaml: while parsing a block mapping, did not find expected key",
            line: 11,
            column: 8,
        },
        Row {
            name: "a string where an integer is expected",
            input: item_with("quality: 67", "quality: high"),
            kind: ErrorKind::InvalidType,
            message: "invalid type: string \"high\", expected an integer",
            line: 7,
            column: 10,
        },
        Row {
            name: "duplicate key",
            input: item_with("heat: -1\n", "heat: -1\nquality: 3\n"),
            kind: ErrorKind::DuplicateKey,
            message: "duplicate key `quality`: expected each key once in a mapping",
            line: 9,
            column: 1,
        },
        Row {
            name: "invalid date",
            input: item_with("2022-10-24T21:10:00Z", "2022-13-24T21:10:00Z"),
            kind: ErrorKind::InvalidValue,
            message: "invalid date-time: expected RFC 3339 such as `2022-10-24T21:10:00Z`, found \"2022-13-24T21:10:00Z\" (month was not in range)",
            line: 5,
            column: 20,
        },
        Row {
            name: "alias bomb",
            input: billion_laughs(),
            kind: ErrorKind::LimitExceeded,
            message: "alias expands to too many values: expected at most 100000 values in the front matter, this alias brings them to 141170",
            line: 7,
            column: 8,
        },
        Row {
            name: "missing required field",
            input: item_with("secured: \"abc==;def==\"\n", ""),
            kind: ErrorKind::MissingField,
            message: "missing field `secured`",
            line: 2,
            column: 1,
        },
        Row {
            name: "nested type error",
            input: item_with("  name: TechSpot", "  name: [TechSpot]"),
            kind: ErrorKind::InvalidType,
            message: "invalid type: sequence, expected a string",
            line: 10,
            column: 9,
        },
        Row {
            name: "type error after multi-byte characters",
            input: item_with(
                "excerpt: \"Clearview AI received yet another fine\"",
                "excerpt: \"€€ «Clearview»\"\nimages: [{url: a, title: \"€€«\", width: wide}]",
            ),
            kind: ErrorKind::InvalidType,
            message: "invalid type: string \"wide\", expected a non-negative integer",
            line: 5,
            column: 40,
        },
    ]
}

#[test]
fn error_rows() {
    for row in rows() {
        // Strict: a field read leniently gives its warning as the error.
        let err = frontmatter::news_item(&row.input)
            .and_then(frontmatter::Document::deny_warnings)
            .expect_err(row.name);
        let pos = err
            .position()
            .unwrap_or_else(|| panic!("{}: no position in {err}", row.name));
        assert_eq!(
            (err.kind(), err.message(), pos.line(), pos.column()),
            (row.kind, row.message, row.line, row.column),
            "{}: {err}",
            row.name
        );
        // The position is inside the input and on a character boundary.
        assert!(row.input.is_char_boundary(pos.byte()), "{}", row.name);
        assert_eq!(
            pressmark::Position::locate(&row.input, pos.byte()),
            pos,
            "{}",
            row.name
        );
    }
}

#[test]
fn display_joins_message_path_and_position() {
    let input = item_with("quality: 67", "quality: high");
    let doc = frontmatter::news_item(&input).unwrap();
    let err = &doc.warnings()[0];
    assert_eq!(err.path(), Some("quality"));
    assert_eq!(
        err.to_string(),
        "invalid type: string \"high\", expected an integer in `quality` at line 7 column 10"
    );
    let err =
        frontmatter::news_item(&item_with("  name: TechSpot", "  name: [TechSpot]")).unwrap_err();
    assert_eq!(err.path(), Some("provider.name"));
}

#[test]
fn yaml_syntax_errors_chain_to_yaml_rust2() {
    let err = frontmatter::news_item(&item_with(
        "  domain: techspot.com",
        " domain: techspot.com",
    ))
    .unwrap_err();
    let source = std::error::Error::source(&err).expect("source");
    assert!(source.to_string().contains("did not find expected key"));
}

#[test]
fn bom_and_crlf_file_succeeds_with_its_body_byte_for_byte() {
    let body = "\r\n# Heading\r\n\r\nText with trailing spaces  \r\nlast line without break";
    let input = format!("\u{feff}{}{body}", ITEM.replace('\n', "\r\n"));
    let doc = frontmatter::news_item(&input).expect("BOM + CRLF parses");
    assert_eq!(doc.body(), body);
    assert_eq!(&input[doc.body_offset()..], body);
    let item = doc.value();
    assert_eq!(item.title, "Clearview AI fined");
    assert!(item.title.is_borrowed());
    assert_eq!(item.provider.domain.as_deref(), Some("techspot.com"));
    assert_eq!(item.heat, Some(-1));
    // Positions still count lines in the whole file.
    let input = input.replace("quality: 67", "quality: high");
    let doc = frontmatter::news_item(&input).unwrap();
    let pos = doc.warnings()[0].position().unwrap();
    assert_eq!((pos.line(), pos.column()), (7, 10));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 100_000] {
        let input = format!("---\na: {}{}\n---\n", "[".repeat(depth), "]".repeat(depth));
        let err = frontmatter::parse(&input).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::LimitExceeded | ErrorKind::Syntax),
            "{depth}: {err}"
        );
        let block: String = (0..depth.min(5_000))
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        let err = frontmatter::parse(&format!("---\n{block}---\n")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::LimitExceeded, "{depth}: {err}");
    }
}

#[test]
fn oversized_front_matter_is_rejected() {
    let mut limits = frontmatter::Limits::default();
    limits.max_bytes = 64;
    let err = frontmatter::parse_with(ITEM, &limits).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::LimitExceeded);
    assert_eq!(
        err.message(),
        "front matter too large: expected at most 64 bytes, found 256"
    );
}

#[test]
fn small_aliases_are_expanded() {
    let doc = frontmatter::parse("---\nbase: &b {w: 1}\ncopy: *b\n---\n").unwrap();
    assert_eq!(
        doc.value()
            .get("copy")
            .and_then(|c| c.get("w"))
            .and_then(|w| w.as_i64()),
        Some(1)
    );
}

/// Every truncation of `text`, and of `text` with bytes inserted, gives
/// `Ok` or an error whose position lies inside the input: nothing panics.
fn truncated_and_mangled_never_panic(text: &str) {
    let mut inputs: Vec<String> = Vec::new();
    for (i, _) in text.char_indices().step_by(7) {
        inputs.push(text[..i].to_owned());
    }
    for (i, _) in text.char_indices().step_by(97) {
        for insert in [
            "\"", "'", ":", "- ", "\n", "\t", "&a ", "*a", "{", "[", "\u{0}", "\r", "é",
        ] {
            let mut s = text.to_owned();
            s.insert_str(i, insert);
            inputs.push(s);
        }
    }
    for input in &inputs {
        for result in [
            frontmatter::news_item(input).map(|_| ()),
            frontmatter::item(input).map(|_| ()),
            frontmatter::parse(input).map(|_| ()),
        ] {
            if let Err(e) = result
                && let Some(p) = e.position()
            {
                assert!(p.byte() <= input.len(), "{e}");
                assert!(input.is_char_boundary(p.byte()), "{e}");
            }
        }
    }
}

#[test]
fn truncated_and_mangled_fixtures_never_panic() {
    truncated_and_mangled_never_panic(include_str!("fixtures/frontmatter/news-item.md"));
}

#[test]
fn truncated_and_mangled_seeds_never_panic() {
    let test = "truncated_and_mangled_seeds_never_panic";
    if let Some(seed) = common::seed(test, "aggregator-item.md") {
        truncated_and_mangled_never_panic(&seed);
    }
}

/// Past 64 keys the duplicate check runs once at the end of the mapping.
#[test]
fn duplicate_key_in_a_large_mapping() {
    let mut input = String::from("---\n");
    for i in 0..100 {
        input.push_str(&format!("key{i}: {i}\n"));
    }
    input.push_str("key7: again\n---\n");
    let err = frontmatter::parse(&input).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::DuplicateKey);
    assert_eq!(
        err.message(),
        "duplicate key `key7`: expected each key once in a mapping"
    );
    let p = err.position().unwrap();
    assert_eq!((p.line(), p.column()), (102, 1));
}

/// Keys that collide in the small mappings' hash bits are still told apart.
#[test]
fn many_small_mappings_without_duplicates_parse() {
    let mut input = String::from("---\nitems:\n");
    for i in 0..200 {
        input.push_str(&format!(
            "  - {{a{i}: 1, b{i}: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}}\n"
        ));
    }
    input.push_str("---\n");
    let doc = frontmatter::parse(&input).unwrap();
    assert_eq!(
        doc.value()
            .get("items")
            .unwrap()
            .as_sequence()
            .unwrap()
            .len(),
        200
    );
}
