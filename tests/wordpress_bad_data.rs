//! Nothing lost on bad WordPress data (issue 23's WordPress rows): one test
//! per row, named after what broke. Each failed on the code before it:
//! the whole file was rejected, a lone surrogate was replaced silently, a
//! UTF-16 or Windows-1252 dump was "invalid UTF-8", an empty file was
//! "unexpected end of input", a deep error printed a 300 KB path, and a
//! number past `u64` was quoted as a rounded float.
#![cfg(feature = "wordpress")]

mod common;

use pressmark::wordpress::{self, Object, Post, ReadOptions, Response};
use pressmark::{ErrorKind, Position};

/// The collection of the issue, one item a line.
const ONE_BAD: &str = "[{\"id\":1},\n{\"id\":2,\"date\":\"soon\"},\n{\"id\":3}]";

/// The same posts as WordPress sends them to `?_fields=id,type,link,date`:
/// recognised as WordPress posts by their keys, where `{"id":1}` alone is
/// any API's object (see `wordpress_lookalikes.rs`).
const ONE_BAD_SENT: &str = "[{\"id\":1,\"type\":\"post\",\"link\":\"https://e.x/?p=1\"},\n\
    {\"id\":2,\"type\":\"post\",\"link\":\"https://e.x/?p=2\",\"date\":\"soon\"},\n\
    {\"id\":3,\"type\":\"post\",\"link\":\"https://e.x/?p=3\"}]";

/// Where `"soon"` is in `text`, counted independently of the crate.
fn soon_in(text: &str) -> (usize, usize) {
    common::line_column(text, text.find("\"soon\"").unwrap())
}

fn soon() -> (usize, usize) {
    soon_in(ONE_BAD)
}

fn line_column(at: Position) -> (usize, usize) {
    (at.line(), at.column())
}

#[test]
fn one_bad_post_no_longer_loses_the_collection() {
    // Typed, strict fields: posts 1 and 3, and post 2 set aside as sent.
    for parsed in [
        wordpress::from_str::<Vec<Post>>(ONE_BAD).unwrap(),
        wordpress::from_slice::<Vec<Post>>(ONE_BAD.as_bytes()).unwrap(),
    ] {
        let ids: Vec<_> = parsed.iter().map(|p| p.id).collect();
        assert_eq!(ids, [Some(1), Some(3)]);
        let [failed] = parsed.failures() else {
            panic!("{:?}", parsed.failures())
        };
        assert_eq!(failed.index, 1);
        assert_eq!(failed.error.path(), Some("[1].date"));
        assert_eq!(line_column(failed.error.position().unwrap()), soon());
        assert_eq!(failed.raw.get(), "{\"id\":2,\"date\":\"soon\"}");
    }
    let parsed = wordpress::from_str::<Response>(ONE_BAD_SENT).unwrap();
    assert_eq!(parsed.posts().count(), 2);
    assert_eq!(parsed.failures()[0].error.path(), Some("[1].date"));

    // All or nothing, when asked.
    let mut all = ReadOptions::default();
    all.all_or_nothing = true;
    let err = wordpress::from_str_with::<Vec<Post>>(ONE_BAD, &all).unwrap_err();
    assert_eq!(err.path(), Some("[1].date"));

    // Recognised (leniently): every post, post 2's date kept as sent and
    // warned about at its place.
    let content = pressmark::from_slice(ONE_BAD_SENT.as_bytes()).unwrap();
    let pressmark::Content::WordPress(parsed) = &content else {
        panic!("{content:?}")
    };
    let ids: Vec<_> = parsed.posts().map(|p| p.id).collect();
    assert_eq!(ids, [Some(1), Some(2), Some(3)]);
    let post = parsed.posts().nth(1).unwrap();
    assert_eq!(post.extra.get("date").unwrap().get(), "\"soon\"");
    let [warning] = content.warnings() else {
        panic!("{:?}", content.warnings())
    };
    assert_eq!(warning.path(), Some("[1].date"));
    assert_eq!(
        line_column(warning.position().unwrap()),
        soon_in(ONE_BAD_SENT)
    );

    // From a file, and through the example.
    let dir = std::env::temp_dir().join(format!("pressmark-bad-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("posts.json");
    std::fs::write(&file, ONE_BAD_SENT).unwrap();
    let content = pressmark::from_path(&file).unwrap();
    assert_eq!(content.warnings().len(), 1);
    #[cfg(feature = "html")]
    assert_eq!(content.articles().len(), 3);
    #[cfg(feature = "html")] // the example needs it
    {
        let out = std::process::Command::new(common::example_binary("wordpress"))
            .arg(&file)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        for id in ["id:          1", "id:          2", "id:          3"] {
            assert!(stdout.contains(id), "{stdout}");
        }
        assert!(
            stdout.contains(&format!(
                "warning: invalid date: expected `YYYY-MM-DDTHH:MM:SS`, found `soon` \
                 in `[1].date` at line {} column {}",
                soon_in(ONE_BAD_SENT).0,
                soon_in(ONE_BAD_SENT).1
            )),
            "{stdout}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_field_that_does_not_type_no_longer_fails_its_post() {
    // Wrong type, bad date, number out of range, deep inside and at the
    // top: each kept as written, beside the typed fields, with a warning.
    let json = r#"{"id":7,"sticky":"yes","date":"soon","author":18446744073709551616,
"yoast_head_json":{"og_title":"T","og_image":[{"width":"wide","url":"https://e.x/a.png"}]},
"title":{"rendered":"Kept"}}"#;
    assert!(wordpress::from_str::<Post>(json).is_err());
    let parsed = wordpress::from_str_with::<Post>(json, &ReadOptions::lenient()).unwrap();
    let post = parsed.value();
    assert_eq!(post.id, Some(7));
    assert_eq!(post.title_html().as_deref(), Some("Kept"));
    assert_eq!(post.sticky, None);
    assert_eq!(post.extra.get("sticky").unwrap().get(), "\"yes\"");
    assert_eq!(post.extra.get("date").unwrap().get(), "\"soon\"");
    assert_eq!(
        post.extra.get("author").unwrap().get(),
        "18446744073709551616"
    );
    let yoast = post.yoast_head_json.as_ref().unwrap();
    assert_eq!(yoast.og_title.as_deref(), Some("T"));
    let image = &yoast.og_image.as_ref().unwrap()[0];
    assert_eq!(image.url.as_deref(), Some("https://e.x/a.png"));
    assert_eq!(image.extra.get("width").unwrap().get(), "\"wide\"");

    let warnings: Vec<_> = parsed
        .warnings()
        .iter()
        .map(|w| {
            let at = w.position().unwrap();
            assert_eq!(at, Position::locate(json, at.byte()), "{w}");
            (w.path().unwrap(), w.kind(), &json[at.byte()..at.byte() + 3])
        })
        .collect();
    assert_eq!(
        warnings,
        [
            ("sticky", ErrorKind::InvalidType, "\"ye"),
            ("date", ErrorKind::InvalidValue, "\"so"),
            ("author", ErrorKind::InvalidValue, "184"),
            (
                "yoast_head_json.og_image[0].width",
                ErrorKind::InvalidType,
                "\"wi"
            ),
        ]
    );

    // Written back, the values are as sent; detached, still there.
    let written = serde_json::to_value(post).unwrap();
    let sent: serde_json::Value =
        serde_json::from_str(&json.replace("18446744073709551616", "1e30")).unwrap();
    assert_eq!(written["sticky"], sent["sticky"]);
    assert_eq!(written["date"], sent["date"]);
    assert_eq!(written["yoast_head_json"], sent["yoast_head_json"]);
    assert!(
        serde_json::to_string(post)
            .unwrap()
            .contains("\"author\":18446744073709551616")
    );
    let owned = parsed.into_owned();
    assert_eq!(owned.warnings().len(), 4);
    assert_eq!(owned.extra.get("date").unwrap().get(), "\"soon\"");
}

#[test]
fn lone_surrogate_escape_is_no_longer_replaced_silently() {
    let json = "{\"title\":{\"rendered\":\"caf\\ud800e\"},\"slug\":\"caf\\udc00e\"}";
    let parsed = wordpress::from_str::<Post>(json).unwrap();
    assert_eq!(parsed.title_html().as_deref(), Some("caf\u{FFFD}e"));
    assert_eq!(parsed.slug.as_deref(), Some("caf\u{FFFD}e"));
    let repairs = parsed.repairs().expect("reported");
    assert_eq!(repairs.lone_surrogates(), 2);
    assert_eq!(repairs.control_characters(), 0);
    let first = json.find("\\ud800").unwrap();
    assert_eq!(
        repairs.first_lone_surrogate(),
        Some(Position::locate(json, first))
    );
    let err = wordpress::from_str_with::<Post>(json, &ReadOptions::strict()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert_eq!(err.position().unwrap().byte(), first);
    // A pair is one character, not a repair.
    let pair = wordpress::from_str::<Post>(r#"{"slug":"\ud83d\ude00"}"#).unwrap();
    assert_eq!((pair.slug.as_deref(), pair.repairs()), (Some("😀"), None));
}

/// `text` in UTF-16, little or big endian, with its byte order mark.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mark: [u8; 2] = if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
    mark.into_iter()
        .chain(text.encode_utf16().flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        }))
        .collect()
}

#[test]
fn utf16_dump_is_no_longer_invalid_utf8() {
    let json = r#"[{"id":1,"title":{"rendered":"Caf\u00e9 ☕"}}]"#;
    for (little, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        let bytes = utf16(json, little);
        let parsed = wordpress::from_slice::<Vec<Post>>(&bytes).unwrap();
        assert_eq!(parsed.transcoded_from(), Some(name));
        assert_eq!(parsed[0].title_html().as_deref(), Some("Café ☕"));
        let content = pressmark::from_slice(&bytes).unwrap();
        #[cfg(feature = "html")]
        assert_eq!(content.articles()[0].title.as_deref(), Some("Café ☕"));
        let pressmark::Content::WordPress(parsed) = content else {
            panic!()
        };
        assert_eq!(parsed.transcoded_from(), Some(name));
    }
    // Without its mark: an error that says UTF-16.
    let bare = &utf16(json, true)[2..];
    let err = wordpress::from_slice::<Response>(bare).unwrap_err();
    assert!(err.message().contains("UTF-16LE"), "{err}");
}

/// An error in a transcoded input is placed in the caller's bytes (found by
/// fuzzing: the offset was the transcoded text's, past the input's end),
/// with the line and column, in characters, of the text.
#[test]
fn error_in_a_transcoded_input_is_placed_in_its_bytes() {
    // The `x` is character 20 of the second line, and byte 2 (the mark) +
    // 2 × 28 (the UTF-16 units before it) of the UTF-16 input.
    let json = "{\"id\":1,\n\"slug\":\"café☕\",\"a\":x}";
    for little in [true, false] {
        let bytes = utf16(json, little);
        let err = wordpress::from_slice::<Post>(&bytes).unwrap_err();
        let at = err.position().unwrap();
        assert_eq!((at.byte(), at.line(), at.column()), (58, 2, 20), "{err}");
        let err = pressmark::from_slice(&bytes).unwrap_err();
        let at = err.position().unwrap();
        assert_eq!((at.byte(), at.line(), at.column()), (58, 2, 20), "{err}");
    }
    // So is a repair: the raw tab is UTF-16 unit 12, byte 2 + 2 × 12.
    let bytes = utf16("{\"slug\":\"caf\té\"}", true);
    let parsed = wordpress::from_slice::<Post>(&bytes).unwrap();
    let at = parsed.repairs().unwrap().first();
    assert_eq!((at.byte(), at.line(), at.column()), (26, 1, 13));
    // Windows-1252, named by the caller: one byte a character.
    let bytes = b"{\"slug\":\"caf\xE9\",\"a\":x}";
    let mut options = ReadOptions::default();
    options.encoding = Some("windows-1252".to_owned());
    let err = wordpress::from_slice_with::<Post>(bytes, &options).unwrap_err();
    let at = err.position().unwrap();
    assert_eq!((at.byte(), at.line(), at.column()), (19, 1, 20), "{err}");
    assert_eq!(bytes[19], b'x');
}

#[test]
fn windows_1252_dump_is_named_and_transcoded_on_request() {
    let bytes = b"{\"id\":1,\n\"title\":{\"rendered\":\"Espa\xF1a \x96 caf\xE9\"}}";
    let err = wordpress::from_slice::<Response>(bytes).unwrap_err();
    assert!(err.message().contains("windows-1252"), "{err}");
    let at = err.position().unwrap();
    assert_eq!((at.byte(), at.line(), at.column()), (34, 2, 26));
    let err = pressmark::from_slice(bytes).unwrap_err();
    assert!(err.message().contains("windows-1252"), "{err}");

    let mut options = ReadOptions::default();
    options.encoding = Some("windows-1252".to_owned());
    let parsed = wordpress::from_slice_with::<Post>(bytes, &options).unwrap();
    assert_eq!(parsed.title_html().as_deref(), Some("España – café"));
    assert_eq!(parsed.transcoded_from(), Some("windows-1252"));
    options.encoding = Some("no-such-encoding".to_owned());
    let err = wordpress::from_slice_with::<Post>(bytes, &options).unwrap_err();
    assert!(err.message().contains("unknown encoding"), "{err}");
}

#[test]
fn empty_input_says_empty_input() {
    for input in ["", "  \n", "\u{feff}"] {
        let err = wordpress::from_str::<Response>(input).unwrap_err();
        assert!(err.message().starts_with("empty input"), "{err}");
        let err = pressmark::from_slice(input.as_bytes()).unwrap_err();
        assert!(err.message().starts_with("empty input"), "{err}");
    }
}

#[test]
fn error_deep_in_nesting_no_longer_prints_the_whole_path() {
    const DEPTH: usize = 100_000;
    let json = format!(
        "{{\"id\":1,\"acf\":{}1,{}}}",
        "[".repeat(DEPTH),
        "]".repeat(DEPTH)
    );
    let err = wordpress::from_str::<Post>(&json).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    // At the innermost `]`: 99,999 arrays deep (the last one complete).
    assert_eq!(
        err.path(),
        Some("acf[0][0][0][0][0][0][0]…99984 levels…[0][0][0][0][0][0][0][0]")
    );
    assert!(err.to_string().len() < 300, "{err}");
}

#[test]
fn number_beyond_u64_is_quoted_as_written() {
    let err = wordpress::from_str::<Post>(r#"{"id":123456789012345678901234567890}"#).unwrap_err();
    assert!(
        err.message().contains("`123456789012345678901234567890`"),
        "{err}"
    );
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    // In a field kept raw, it is kept as written.
    let post =
        wordpress::from_str::<Post>(r#"{"id":1,"views":123456789012345678901234567890}"#).unwrap();
    assert_eq!(
        post.extra.get("views").unwrap().get(),
        "123456789012345678901234567890"
    );
    // And a string field given one says the digits too.
    let err = wordpress::from_str::<Post>(r#"{"slug":99999999999999999999}"#).unwrap_err();
    assert!(err.message().contains("99999999999999999999"), "{err}");
}

#[test]
fn objects_of_a_lenient_response_keep_their_kinds() {
    // A term among posts, and a post with a bad field: the term is read as
    // a term, the post kept with its warning.
    let json = r#"[{"id":1,"taxonomy":"category","name":"News","count":"lots"},{"id":2,"date_gmt":null,"sticky":1}]"#;
    let parsed = wordpress::from_str_with::<Response>(json, &ReadOptions::lenient()).unwrap();
    let kinds: Vec<_> = parsed.objects().map(Object::kind).collect();
    assert_eq!(kinds, [wordpress::Kind::Term, wordpress::Kind::Post]);
    let paths: Vec<_> = parsed
        .warnings()
        .iter()
        .map(|w| w.path().unwrap())
        .collect();
    assert_eq!(paths, ["[0].count", "[1].sticky"]);
}
