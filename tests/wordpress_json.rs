//! The crate's own JSON reader, through the WordPress entry points: every
//! way a text can fail to be JSON gives its own message at the byte at fault,
//! and every JSON construct reads as serde_json reads it.
#![cfg(feature = "wordpress")]

mod common;

use pressmark::ErrorKind;
use pressmark::wordpress::{self, Post, Response};

/// A post, without the read's report.
fn post_of(json: &str) -> pressmark::Result<Post<'_>> {
    wordpress::from_str::<Post>(json).map(wordpress::Parsed::into_value)
}

/// One row: the input, the kind of error, and its `Display` form. The
/// path is that of the value the byte at fault is in: at a closing bracket,
/// the container's.
type Row = (&'static str, ErrorKind, &'static str);

fn check_errors(rows: &[Row]) {
    let mut wrong = Vec::new();
    for &(input, kind, want) in rows {
        let err = wordpress::from_str_with::<Response>(input, &wordpress::ReadOptions::strict())
            .unwrap_err();
        if (err.kind(), err.to_string().as_str()) != (kind, want) {
            wrong.push(format!(
                "{input:?}\n  got  {:?} {}\n  want {kind:?} {want}",
                err.kind(),
                err
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn syntax_errors_say_what_was_expected_at_the_byte_at_fault() {
    use ErrorKind::{Syntax, UnexpectedEof};
    check_errors(&[
        (
            "",
            UnexpectedEof,
            "empty input: expected a JSON object or array at line 1 column 1",
        ),
        (
            "\u{feff} \n",
            UnexpectedEof,
            "empty input (only whitespace): expected a JSON object or array at line 2 column 1",
        ),
        (
            "{\"id\" 1}",
            Syntax,
            "expected `:` in `id` at line 1 column 7",
        ),
        (
            "{\"id\":1 \"slug\":\"a\"}",
            Syntax,
            "expected `,` or `}` in `id` at line 1 column 9",
        ),
        ("{\"id\":1,}", Syntax, "trailing comma at line 1 column 9"),
        ("{id:1}", Syntax, "key must be a string at line 1 column 2"),
        (
            "{\"tags\":[1 2]}",
            Syntax,
            "expected `,` or `]` in `tags[0]` at line 1 column 12",
        ),
        (
            "{\"tags\":[1,]}",
            Syntax,
            "trailing comma in `tags` at line 1 column 12",
        ),
        (
            "{\"sticky\":tru}",
            Syntax,
            "expected ident at line 1 column 14",
        ),
        (
            "{\"sticky\":nul",
            UnexpectedEof,
            "unexpected end of input while parsing a value in `sticky` at line 1 column 14",
        ),
        (
            "{\"id\":01}",
            Syntax,
            "invalid number in `id` at line 1 column 8",
        ),
        ("{\"id\":-}", Syntax, "invalid number at line 1 column 8"),
        ("{\"id\":1.}", Syntax, "invalid number at line 1 column 9"),
        (
            "{\"id\":1e999}",
            Syntax,
            "number out of range in `id` at line 1 column 7",
        ),
        (
            "{\"slug\":\"a\\x\"}",
            Syntax,
            "invalid escape in `slug` at line 1 column 12",
        ),
        (
            "{\"slug\":\"a\\u12G4\"}",
            Syntax,
            "invalid escape in `slug` at line 1 column 15",
        ),
        (
            "{\"slug\":\"\\ud800\"}",
            Syntax,
            "lone leading surrogate in hex escape in `slug` at line 1 column 10",
        ),
        (
            "{\"slug\":\"\\ud800\\u0041\"}",
            Syntax,
            "lone leading surrogate in hex escape in `slug` at line 1 column 10",
        ),
        (
            "{\"slug\":\"\\udc00\"}",
            Syntax,
            "lone trailing surrogate in hex escape in `slug` at line 1 column 10",
        ),
        (
            "{\"slug\":\"a\tb\"}",
            Syntax,
            "control character (\\u0000-\\u001F) found while parsing a string in `slug` at line 1 column 11",
        ),
        (
            "{\"slug\":\"ab",
            UnexpectedEof,
            "unexpected end of input while parsing a string in `slug` at line 1 column 12",
        ),
        (
            "{\"tags\":[1,",
            UnexpectedEof,
            "unexpected end of input while parsing a list in `tags[1]` at line 1 column 12",
        ),
        (
            "{\"id\":1",
            UnexpectedEof,
            "unexpected end of input while parsing an object in `id` at line 1 column 8",
        ),
        (
            "{\"id\":1}}",
            Syntax,
            "unexpected characters after the JSON value at line 1 column 9",
        ),
        (
            "{\"id\":@}",
            Syntax,
            "expected a JSON value in `id` at line 1 column 7",
        ),
    ]);
}

/// The same failures inside a value the model keeps raw: the reader checks
/// what it skips.
#[test]
fn raw_values_are_checked_as_they_are_skipped() {
    use ErrorKind::{Syntax, UnexpectedEof};
    check_errors(&[
        (
            "{\"acf\":{\"a\" 1}}",
            Syntax,
            "expected `:` in `acf.a` at line 1 column 13",
        ),
        (
            "{\"acf\":{\"a\":1 \"b\":2}}",
            Syntax,
            "expected `,` or `}` in `acf.a` at line 1 column 15",
        ),
        (
            "{\"acf\":{\"a\":1,}}",
            Syntax,
            "trailing comma in `acf` at line 1 column 15",
        ),
        (
            "{\"acf\":{a:1}}",
            Syntax,
            "key must be a string in `acf` at line 1 column 9",
        ),
        (
            "{\"acf\":[1,]}",
            Syntax,
            "trailing comma in `acf` at line 1 column 11",
        ),
        (
            "{\"acf\":[1 2]}",
            Syntax,
            "expected `,` or `]` in `acf[0]` at line 1 column 11",
        ),
        (
            "{\"acf\":[fals]}",
            Syntax,
            "expected ident in `acf` at line 1 column 13",
        ),
        (
            "{\"acf\":\"\\q\"}",
            Syntax,
            "invalid escape in `acf` at line 1 column 10",
        ),
        (
            "{\"acf\":\"\\u00\"}",
            Syntax,
            "invalid escape in `acf` at line 1 column 13",
        ),
        (
            "{\"acf\":[[[",
            UnexpectedEof,
            "unexpected end of input while parsing a value in `acf[0][0][0]` at line 1 column 11",
        ),
        (
            "{\"acf\":{\"a\":[1]",
            UnexpectedEof,
            "unexpected end of input while parsing an object in `acf.a` at line 1 column 16",
        ),
    ]);
}

#[test]
fn strings_decode_escapes_and_borrow_without_them() {
    let post = post_of(
        r#"{"slug":"plain","link":"https:\/\/e.x\/a\/","template":"\"q\" \\ \b\f\n\r\t \u00e9\u20ac\ud83d\ude00 \u0000"}"#,
    )
    .unwrap();
    assert!(post.slug.as_ref().unwrap().is_borrowed());
    assert_eq!(post.link.as_deref(), Some("https://e.x/a/"));
    assert_eq!(
        post.template.as_deref(),
        Some("\"q\" \\ \u{8}\u{c}\n\r\t é€😀 \u{0}")
    );
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    let post =
        post_of(r#"{"id":18446744073709551615,"menu_order":-9223372036854775808,"parent":0}"#)
            .unwrap();
    assert_eq!(post.id, Some(u64::MAX));
    assert_eq!(post.menu_order, Some(i64::MIN));
    assert_eq!(post.parent, Some(0));
    // Past `u64`, an integer is a float, which an id cannot be; the error
    // quotes it as written.
    let err = post_of(r#"{"id":18446744073709551616}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid value: integer `18446744073709551616` is out of range (beyond 64 bits), \
         expected an integer (or a string) in `id` at line 1 column 7"
    );
}

/// Unknown keys keep their text exactly, whitespace and escapes included.
#[test]
fn raw_values_keep_their_text() {
    let input =
        "{\"id\":1,\"acf\" : { \"a\" : [ 1.5e3 , true , null , \"\\u00e9\\/\" , { } , [ ] ] } }";
    let post = post_of(input).unwrap();
    assert_eq!(
        post.extra.get("acf").unwrap().get(),
        "{ \"a\" : [ 1.5e3 , true , null , \"\\u00e9\\/\" , { } , [ ] ] }"
    );
}

/// Typed values nest at most 128 deep (serde_json's limit); a deeper one
/// is an error at the bracket past the limit, not a stack overflow.
#[test]
fn typed_nesting_past_128_is_an_error_at_the_bracket() {
    let deep = format!(
        "{{\"meta\":{{\"a\":{}1{}}}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    let err = wordpress::from_str::<Post>(&deep).err();
    // `meta` keeps its values raw: no limit.
    assert!(err.is_none(), "{err:?}");
    let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    let err = wordpress::from_str::<Vec<Post>>(&deep).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidType);
    let err = wordpress::from_str::<Response>(&deep).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedKind);
}

/// The models' `Deserialize` impls work with serde_json's reader too (raw
/// values come through its `RawValue`), and read the same values.
fn read_the_same_through_serde_json(input: &str) {
    let strict = common::strict_json(input);
    let ours = post_of(&strict).unwrap();
    let theirs: Post<'_> = serde_json::from_str(&strict).unwrap();
    assert_eq!(ours, theirs);
    let schema = theirs
        .yoast_head_json
        .as_ref()
        .unwrap()
        .schema
        .as_ref()
        .unwrap();
    assert!(schema.get().starts_with('{'));
}

#[test]
fn models_read_the_same_through_serde_json() {
    read_the_same_through_serde_json(include_str!("fixtures/wordpress/post.json"));
    let err = serde_json::from_str::<Post<'_>>(r#"{"content":{"rendered":5}}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid type: integer `5`, expected a string"),
        "{err}"
    );
}

#[test]
fn seed_reads_the_same_through_serde_json() {
    let test = "seed_reads_the_same_through_serde_json";
    if let Some(seed) = common::seed(test, "wordpress-post.json") {
        read_the_same_through_serde_json(&seed);
    }
}

/// Raw control characters are read in one pass: typed strings hold them,
/// raw values get them escaped (so they stay JSON), and each is counted
/// once, though an object is read again as the model its keys say it is.
#[test]
fn raw_control_characters_are_read_in_one_pass_and_counted_once() {
    let input = "{\"id\":7,\"slug\":\"a\tb\",\"content\":{\"rendered\":\"<p>x\n<\\/p>\"},\
                 \"acf\":{\"note\":\"l1\nl2\",\"n\":[1,\n2]}}";
    let parsed = wordpress::from_str::<Post>(input).unwrap();
    let repairs = parsed.repairs().unwrap();
    // The newline between `1,` and `2` is whitespace, not a repair.
    assert_eq!(repairs.count(), 3);
    assert_eq!(repairs.first().byte(), input.find('\t').unwrap());
    assert_eq!(parsed.slug.as_deref(), Some("a\tb"));
    assert!(parsed.slug.as_ref().unwrap().is_borrowed());
    assert_eq!(parsed.content_html().unwrap(), "<p>x\n</p>");
    let acf = parsed.extra.get("acf").unwrap();
    assert_eq!(acf.get(), "{\"note\":\"l1\\nl2\",\"n\":[1,\n2]}");
    assert_eq!(acf.to_value().unwrap()["note"], "l1\nl2");
    let written = serde_json::to_string(parsed.value()).unwrap();
    let again = post_of(&written).unwrap();
    assert_eq!(&again, parsed.value());

    // A term in a collection: read as a post, then as a term; one repair.
    let collection = "[{\"id\":1,\"title\":{\"rendered\":\"a\"}},\
                      {\"id\":2,\"taxonomy\":\"category\",\"name\":\"x\ny\",\"slug\":\"x\"}]";
    let parsed = wordpress::from_str::<Response>(collection).unwrap();
    assert_eq!(parsed.repairs().unwrap().count(), 1);
    let items: Vec<_> = wordpress::items::<Response>(collection).unwrap().collect();
    assert!(items.iter().all(Result::is_ok), "{items:?}");

    // An envelope whose body holds one.
    let envelope = "{\"body\":{\"id\":3,\"slug\":\"p\nq\"},\"status\":200,\"headers\":{}}";
    let parsed = wordpress::from_str::<Post>(envelope).unwrap();
    assert_eq!(parsed.id, Some(3));
    assert_eq!(parsed.slug.as_deref(), Some("p\nq"));
    assert_eq!(parsed.repairs().unwrap().count(), 1);
    assert!(
        parsed
            .envelope()
            .unwrap()
            .body
            .as_ref()
            .unwrap()
            .to_value()
            .is_ok()
    );

    // Strict: the first one is an error, where it is.
    let err =
        wordpress::from_str_with::<Post>(input, &wordpress::ReadOptions::strict()).unwrap_err();
    assert_eq!(err.position().unwrap().byte(), input.find('\t').unwrap());
}

/// Rendered HTML is kept raw and decoded on demand: a lone surrogate escape
/// there becomes U+FFFD, as in a typed string (read strictly, either is an
/// error).
#[test]
fn lone_surrogates_in_raw_strings_decode_as_replacement_characters() {
    let post = post_of(
        r#"{"id":1,"content":{"rendered":"a\ud800b\udc00c\ud83d\ude00\ud800\u0041<\/p>"}}"#,
    )
    .unwrap();
    assert_eq!(
        post.content_html().unwrap(),
        "a\u{FFFD}b\u{FFFD}c😀\u{FFFD}A</p>"
    );
    assert_eq!(
        post_of(r#"{"slug":"a\ud800"}"#).unwrap().slug.as_deref(),
        Some("a\u{FFFD}")
    );
    let strict = wordpress::ReadOptions::strict();
    for json in [
        r#"{"slug":"a\ud800"}"#,
        r#"{"content":{"rendered":"\udc00"}}"#,
    ] {
        assert!(
            wordpress::from_str_with::<Post>(json, &strict).is_err(),
            "{json}"
        );
    }
}

/// A raw value's open containers are kept one bit each, 64 to a word and
/// the rest spilled: objects and arrays mixed past that depth still close
/// as they opened, and a closer of the wrong kind is still an error.
#[test]
fn raw_values_nested_past_64_mixed_close_as_they_opened() {
    for depth in [63, 64, 65, 127, 128, 129, 200] {
        let open: String = (0..depth)
            .map(|i| if i % 3 == 0 { "{\"k\":" } else { "[" })
            .collect();
        let close: String = (0..depth)
            .rev()
            .map(|i| if i % 3 == 0 { "}" } else { "]" })
            .collect();
        let raw = format!("{open}1{close}");
        let input = format!("{{\"id\":1,\"acf\":{raw}}}");
        let post = post_of(&input).unwrap();
        assert_eq!(post.extra.get("acf").unwrap().get(), raw, "depth {depth}");
        // The innermost closer swapped for the other kind.
        let mut wrong = close.clone().into_bytes();
        wrong[0] = if wrong[0] == b'}' { b']' } else { b'}' };
        let wrong = String::from_utf8(wrong).unwrap();
        let input = format!("{{\"id\":1,\"acf\":{open}1{wrong}}}");
        let err = post_of(&input).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax, "depth {depth}");
        assert_eq!(
            err.position().unwrap().byte(),
            input.find(&wrong).unwrap(),
            "{err}"
        );
    }
}

/// An envelope whose body is `null` says so, not what it read instead.
#[test]
fn envelope_with_a_null_body_says_so() {
    let err =
        wordpress::from_str::<Post>(r#"{"body":null,"status":404,"headers":{}}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::MissingField);
    assert_eq!(
        err.to_string(),
        "`_envelope` response whose `body` is missing or `null` at line 1 column 1"
    );
}
