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
