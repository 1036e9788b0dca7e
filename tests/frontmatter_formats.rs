//! Front matter in every format and opener static-site generators write:
//! YAML (`---`, `---yaml`), TOML (`+++`, `---toml`), JSON (`{`, `;;;`,
//! `---json`). The same entry points, `Document` and errors whatever the
//! format; a user's `Deserialize` struct from any of them.
#![cfg(feature = "frontmatter")]

mod common;

use pressmark::ErrorKind;
use pressmark::frontmatter::{self, Format};
use serde::Deserialize;

/// Our fixtures, one per generator, with the format each is written in.
const FIXTURES: &[(&str, Format)] = &[
    ("frontmatter/hugo-post.md", Format::Toml),
    ("frontmatter/hugo-post-tagged.md", Format::Toml),
    ("frontmatter/jekyll-post.md", Format::Yaml),
    ("frontmatter/eleventy-post.md", Format::Json),
    ("frontmatter/astro-post.md", Format::Yaml),
];

#[derive(Debug, Deserialize)]
struct Head<'a> {
    title: &'a str,
    date: Option<&'a str>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    draft: bool,
}

/// Each fixture reads, into the value tree and into a user's struct; the
/// title's position is where the file has it, found here independently.
#[test]
fn every_format_reads_into_values_and_user_structs_with_positions() {
    for (name, format) in FIXTURES {
        let file = common::fixture(name);
        let doc = frontmatter::parse(&file).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.format(), *format, "{name}");
        assert!(!doc.body().trim().is_empty(), "{name}");
        assert_eq!(&file[doc.body_offset()..], doc.body());
        let title = doc.value().get("title").expect("a title");
        let at = title.position().expect("a position").byte();
        // The title's value starts after `title` and `:`, `=` or `": `.
        let line_start = file[..at].rfind('\n').map_or(0, |i| i + 1);
        assert!(
            file[line_start..at]
                .trim_start()
                .trim_start_matches('"')
                .starts_with("title"),
            "{name}: {:?}",
            &file[line_start..at]
        );
        let (line, column) = common::line_column(&file, at);
        let p = title.position().unwrap();
        assert_eq!((p.line(), p.column()), (line, column), "{name}");

        let head = frontmatter::from_str::<Head>(&file)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .into_value();
        assert_eq!(Some(head.title), title.as_str(), "{name}");
        let _ = (head.date, head.tags, head.draft);
    }
}

/// TOML's values: tables, arrays of tables, dates as written, numbers with
/// separators, positions of keys and values in the whole file.
#[test]
fn toml_values_and_their_positions() {
    let file = common::fixture("frontmatter/hugo-post.md");
    let doc = frontmatter::parse(&file).unwrap();
    let v = doc.value();
    let date = v.get("date").unwrap();
    assert_eq!(date.as_str(), Some("2024-03-01T10:00:00+01:00"));
    assert_eq!(
        date.position().map(|p| (p.line(), p.column())),
        Some((3, 8))
    );
    assert_eq!(v.get("publishDate").unwrap().as_str(), Some("2024-03-01"));
    assert_eq!(v.get("big").unwrap().as_i64(), Some(1000));
    assert_eq!(v.get("ratio").unwrap().as_f64(), Some(0.75));
    assert_eq!(v.get("draft").unwrap().as_bool(), Some(false));
    let author = v.get("author").unwrap().get("name").unwrap();
    assert_eq!(author.as_str(), Some("Ana Ruiz"));
    assert_eq!(author.position().map(|p| p.line()), Some(19));
    let resources = v.get("resources").unwrap().as_sequence().unwrap();
    assert_eq!(resources[0].get("src").unwrap().as_str(), Some("pier.jpg"));
    // Keys in the file's order.
    let keys: Vec<&str> = v.as_mapping().unwrap().keys().collect();
    assert_eq!(&keys[..3], ["title", "date", "lastmod"]);
    assert_eq!(keys.last(), Some(&"resources"));
    // Strings without escapes borrow from the file.
    match &v.get("title").unwrap().kind {
        frontmatter::ValueKind::String(t) => assert!(t.is_borrowed()),
        other => panic!("{other:?}"),
    }
}

/// Errors name what was expected and where, in the whole file, in every
/// format; a user's struct gets the field path.
#[test]
fn errors_in_every_format() {
    let rows: &[(&str, ErrorKind, (usize, usize))] = &[
        (
            "+++\ntitle = \"a\"\nweight = \n+++\n",
            ErrorKind::Syntax,
            (3, 10),
        ),
        (
            "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n",
            ErrorKind::DuplicateKey,
            (3, 1),
        ),
        ("+++\ntitle = \"a\"\n", ErrorKind::Unclosed, (1, 1)),
        ("---toml\ntitle = 'a\n---\n", ErrorKind::Syntax, (2, 11)),
        ("---json\n{\"title\": }\n---\n", ErrorKind::Syntax, (2, 11)),
        ("---yaml\ntitle: [a\n---\n", ErrorKind::Syntax, (3, 1)),
        (
            "---coffee\ntitle = 'a'\n---\n",
            ErrorKind::Unsupported,
            (1, 1),
        ),
        (
            "\u{feff}---xml\n<a/>\n---\n",
            ErrorKind::Unsupported,
            (1, 2),
        ),
        ("+++json\n{}\n+++\n", ErrorKind::Unsupported, (1, 1)),
    ];
    for (input, kind, (line, column)) in rows {
        let err = frontmatter::parse(input).unwrap_err();
        let p = err.position().expect("a position");
        assert_eq!(
            (err.kind(), p.line(), p.column()),
            (*kind, *line, *column),
            "{input:?}: {err}"
        );
    }
    let err = frontmatter::parse("---coffee\na\n---\n").unwrap_err();
    assert!(err.message().contains("`coffee`"), "{err}");
    let err = frontmatter::parse("+++\na = 1\na = 2\n+++\n").unwrap_err();
    assert_eq!(
        err.message(),
        "duplicate key `a`: expected each key once in a table"
    );

    #[derive(Debug, Deserialize)]
    struct Weighted {
        #[allow(dead_code)]
        weight: u8,
    }
    for input in [
        "+++\nweight = 300\n+++\n",
        "---toml\nweight = 300\n---\n",
        "---\nweight: 300\n---\n",
        "---json\n{\"weight\": 300}\n---\n",
    ] {
        let err = frontmatter::from_str::<Weighted>(input).unwrap_err();
        assert_eq!(
            (err.kind(), err.path()),
            (ErrorKind::InvalidValue, Some("weight")),
            "{input:?}"
        );
        assert_eq!(err.position().map(|p| p.line()), Some(2), "{input:?}");
    }
}

/// A tagged opener reads as its language and closes with `---`; a line
/// that only looks like one is no front matter.
#[test]
fn tagged_openers() {
    let rows: &[(&str, Option<Format>)] = &[
        ("---yaml\na: 1\n---\nb", Some(Format::Yaml)),
        ("---yml\na: 1\n...\nb", Some(Format::Yaml)),
        ("---YAML  \r\na: 1\r\n---\r\nb", Some(Format::Yaml)),
        ("---json\n{\"a\": 1}\n---\nb", Some(Format::Json)),
        ("---toml\na = 1\n---\nb", Some(Format::Toml)),
        ("----\na: 1\n---\n", None),
        ("--- yaml\na: 1\n---\n", None),
        ("---y-ml\na: 1\n---\n", None),
    ];
    for (input, format) in rows {
        let split = frontmatter::split(input).unwrap();
        assert_eq!(split.map(|s| s.format()), *format, "{input:?}");
        if format.is_some() {
            let doc = frontmatter::parse(input).unwrap();
            assert_eq!(
                doc.value().get("a").and_then(|a| a.as_i64()),
                Some(1),
                "{input:?}"
            );
            assert_eq!(doc.body(), "b");
        }
    }
}
