//! Nothing lost on bad front matter (issue 23): each test is named after
//! what broke, and failed on the code before its fix.
#![cfg(feature = "frontmatter")]

use pressmark::ErrorKind;
use pressmark::frontmatter;

/// yaml-rust2 takes a raw NUL for the end of its input: `summary` came
/// back as `"a"` and `title` was gone, without an error.
#[test]
fn raw_nul_in_a_plain_value_cut_the_front_matter_silently() {
    let input = "---\nsummary: a\0b\ntitle: Kept?\n---\nbody\n";
    let err = frontmatter::parse(input).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    let at = err.position().expect("a position");
    assert_eq!((at.byte(), at.line(), at.column()), (14, 2, 11));
    assert!(err.message().contains("raw NUL (U+0000)"), "{err}");
}

/// The other characters YAML forbids in a stream went through yaml-rust2
/// into the value (libyaml refuses them); a NUL in quotes or a block
/// scalar was cut like the plain one. Each row: the raw character, where
/// it is, and that the error points at it.
#[test]
fn non_printable_characters_went_into_values_or_cut_them() {
    let rows: &[(&str, &str)] = &[
        ("\0", "plain"),
        ("\u{1}", "plain"),
        ("\u{b}", "plain"),
        ("\u{1b}", "plain"),
        ("\u{7f}", "plain"),
        ("\u{80}", "plain"),
        ("\u{9f}", "plain"),
        ("\u{fffe}", "plain"),
        ("\u{ffff}", "plain"),
        ("\0", "double"),
        ("\0", "single"),
        ("\0", "literal"),
        ("\u{1}", "key"),
    ];
    for (raw, place) in rows {
        let yaml = match *place {
            "plain" => format!("a: x{raw}y\nb: 2\n"),
            "double" => format!("a: \"x{raw}y\"\nb: 2\n"),
            "single" => format!("a: 'x{raw}y'\nb: 2\n"),
            "literal" => format!("a: |\n  x{raw}y\nb: 2\n"),
            _ => format!("k{raw}: 1\nb: 2\n"),
        };
        let input = format!("---\n{yaml}---\n");
        let err = frontmatter::parse(&input)
            .map(|d| format!("{:?}", d.value()))
            .expect_err(&format!("{raw:?} in {place} was accepted"));
        assert_eq!(err.kind(), ErrorKind::Syntax, "{raw:?} {place}: {err}");
        let at = err.position().expect("a position").byte();
        assert_eq!(&input[at..at + raw.len()], *raw, "{raw:?} {place}: {err}");
    }
    // What YAML allows stays allowed: tab, U+0085, U+00A0, a BOM inside,
    // U+2028, and escapes of the forbidden ones in double quotes.
    let input = "---\na: \"x\\0y\\x01\"\nb: x\ty\u{85}\u{a0}\u{feff}\u{2028}z\n---\n";
    let doc = frontmatter::parse(input).expect("printable");
    assert_eq!(doc.value().get("a").unwrap().as_str(), Some("x\0y\u{1}"));
}

/// A file saved with classic Mac OS line endings (a lone `\r`) was
/// reported as having no front matter at all.
#[test]
fn cr_only_line_endings_were_reported_as_no_front_matter() {
    for input in [
        "---\rtitle: Tides\r---\rBody\r",
        "---  \rtitle: Tides\r---\r",
        "+++\ra = 1\r+++\r",
    ] {
        let err = frontmatter::parse(input).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unsupported, "{err}");
        assert!(err.message().contains("lone `\\r`"), "{err}");
        let at = err.position().unwrap().byte();
        assert_eq!(&input[at..=at], "\r");
    }
    #[cfg(all(feature = "html", feature = "wordpress"))]
    {
        let err = pressmark::from_slice(b"---\rtitle: Tides\r---\rBody\r").unwrap_err();
        assert!(err.message().contains("classic Mac OS"), "{err}");
    }
}

/// A valid Jekyll post whose `category` is a number was rejected whole
/// ("expected a string"); now it comes through, the number kept as written
/// and noted with its path and position.
#[test]
fn jekyll_post_with_a_number_category_was_rejected() {
    let input = "---\nlayout: post\ntitle: Archive\ncategory: 2013\n---\nBody\n";
    let doc = frontmatter::item(input).expect("the post comes through");
    assert_eq!(doc.title.as_deref(), Some("Archive"));
    assert_eq!(doc.category, None);
    assert_eq!(
        doc.extra.get("category").and_then(|v| v.as_i64()),
        Some(2013)
    );
    let [warning] = doc.warnings() else {
        panic!("one warning: {:?}", doc.warnings())
    };
    assert_eq!(warning.kind(), ErrorKind::InvalidType);
    assert_eq!(warning.path(), Some("category"));
    assert_eq!(
        warning.position().map(|p| (p.line(), p.column())),
        Some((4, 11))
    );
    // Kept through `into_owned` and back out: the same values as the file.
    let owned = doc.clone().into_owned();
    assert_eq!(owned.warnings().len(), 1);
    let tree = frontmatter::parse(input).unwrap().into_value();
    assert_eq!(
        serde_json::to_value(owned.value()).unwrap(),
        serde_json::to_value(&tree).unwrap()
    );
    #[cfg(all(feature = "html", feature = "wordpress"))]
    {
        let content = pressmark::from_slice(input.as_bytes()).expect("read as an article");
        assert_eq!(content.articles()[0].title.as_deref(), Some("Archive"));
    }
}

/// An aggregator learning item with `length: 53 mins` (not ISO 8601) was
/// rejected whole; now the duration is kept as written, with a warning.
#[test]
fn learning_item_with_a_free_text_length_was_rejected() {
    let input = "---\ntitle: Admin\ntype: video\nlength: 53 mins\nratings:\n  count: 5\n  average: high\n---\n<p>Body</p>\n";
    let doc = frontmatter::item(input).expect("the item comes through");
    assert_eq!(doc.length, None);
    assert_eq!(
        doc.extra.get("length").and_then(|v| v.as_str()),
        Some("53 mins")
    );
    // A nested model keeps its own bad value in its own `extra`.
    let ratings = doc.ratings.as_ref().expect("ratings typed");
    assert_eq!(ratings.count, Some(5));
    assert_eq!(
        ratings.extra.get("average").and_then(|v| v.as_str()),
        Some("high")
    );
    let found: Vec<(ErrorKind, Option<&str>, usize)> = doc
        .warnings()
        .iter()
        .map(|w| (w.kind(), w.path(), w.position().unwrap().line()))
        .collect();
    assert_eq!(
        found,
        [
            (ErrorKind::InvalidValue, Some("length"), 4),
            (ErrorKind::InvalidType, Some("ratings.average"), 7)
        ]
    );
    // Strict, all or nothing, stays available.
    let err = frontmatter::item(input)
        .and_then(frontmatter::Document::deny_warnings)
        .unwrap_err();
    assert_eq!(err.path(), Some("length"));
}

/// Required fields still fail the item: a news item without `secured`, or
/// with a date that does not parse, is not a news item.
#[test]
fn required_news_fields_still_fail_the_news_item() {
    let base = "---\ncategory: news\ntitle: T\nexcerpt: E\npublishedDateTime: 2022-10-24T21:10:00Z\ntype: article\nprovider:\n  name: P\nsecured: s\n---\n";
    assert!(frontmatter::news_item(base).unwrap().warnings().is_empty());
    for (from, to, kind) in [
        ("secured: s\n", "", ErrorKind::MissingField),
        ("2022-10-24T21:10:00Z", "soon", ErrorKind::InvalidValue),
        ("  name: P", "  domain: p", ErrorKind::MissingField),
        ("title: T", "title: [T]", ErrorKind::InvalidType),
    ] {
        let input = base.replace(from, to);
        let err = frontmatter::news_item(&input).unwrap_err();
        assert_eq!(err.kind(), kind, "{to}: {err}");
        // Any front-matter file still comes through, as another item.
        #[cfg(all(feature = "html", feature = "wordpress"))]
        assert!(pressmark::from_slice(input.as_bytes()).is_ok(), "{to}");
    }
}

/// What the libyaml oracle (`frontmatter_oracle.rs`) found where this
/// crate read YAML differently from the YAML 1.2 spec: integers beyond
/// `i64` and floats beyond `f64` were rounded (to `1e20`, to infinity)
/// instead of kept as written; an empty block scalar with the default
/// chomping gave `"\n"`; `[>a]` was read as a sequence holding `">a"`.
#[test]
fn numbers_rounded_empty_block_scalars_and_plain_indicators_found_by_the_oracle() {
    let value = |yaml: &str| {
        frontmatter::parse(&format!("---\n{yaml}\n---\n")).map(|d| d.into_value().into_owned())
    };
    let rows: &[(&str, &str)] = &[
        ("a: 99999999999999999999", "99999999999999999999"),
        ("a: -9223372036854775809", "-9223372036854775809"),
        ("a: 1e400", "1e400"),
        ("a: |\n  \n", ""),
        ("a: >\n\n\n", ""),
        ("a: |2\n  \n  \n", ""),
        ("a: |+\n\n", "\n\n"),
        ("a: |+ # kept\nb: 1", ""),
        ("a: |+\n\nb: 1", "\n"),
    ];
    for (yaml, expected) in rows {
        let v = value(yaml).unwrap();
        assert_eq!(
            v.get("a").and_then(|a| a.as_str()),
            Some(*expected),
            "{yaml:?}"
        );
    }
    assert_eq!(
        value("a: 9223372036854775807")
            .unwrap()
            .get("a")
            .unwrap()
            .as_i64(),
        Some(i64::MAX)
    );
    for yaml in ["a: [>a]", "a: {b: |}", "a: [|1, x]"] {
        let err = value(yaml).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax, "{yaml}: {err}");
    }
}
