//! Reading a collection from a reader one item at a time
//! (`wordpress::raw_items`, `items_from_reader`, `pressmark::stream_from_reader`):
//!
//! - the scan against serde_json (`Vec<&RawValue>`), over generated
//!   collections, broken ones included, fed a few bytes a read so that every
//!   byte can fall at the end of the buffer, and over the corpus;
//! - each item read as `wordpress::items` reads it from memory, errors
//!   included (message, path, position in the whole input), and the
//!   articles equal to those of `pressmark::from_slice`;
//! - what the scan does with what is not an item: wrappers, missing items,
//!   broken nesting, bytes after the collection.
#![cfg(feature = "wordpress")]

mod common;

use std::io::Read;

use proptest::prelude::*;
use serde_json::value::RawValue;

use pressmark::ErrorKind;
use pressmark::wordpress::{self, Post, RawItems, ReadOptions, Response};

/// A reader that gives at most `step` bytes a read.
struct Trickle<'a> {
    bytes: &'a [u8],
    step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn trickle(input: &str, step: usize) -> Trickle<'_> {
    Trickle {
        bytes: input.as_bytes(),
        step,
    }
}

/// What the stream gave, one line per item: `item@line:column text` or
/// `error@line:column [path] message`.
fn outline(items: RawItems<impl Read>) -> Vec<String> {
    items
        .map(|item| match item {
            Ok(item) => {
                let at = item.position();
                format!("item@{}:{} {}", at.line(), at.column(), item.text())
            }
            Err(err) => {
                let at = err.position().map(|p| (p.line(), p.column()));
                format!(
                    "error@{}:{} [{}] {}",
                    at.map_or(0, |a| a.0),
                    at.map_or(0, |a| a.1),
                    err.path().unwrap_or(""),
                    err.message()
                )
            }
        })
        .collect()
}

/// The input's items as the stream gives them, a few bytes a read.
fn stream_outline(input: &str, step: usize) -> Vec<String> {
    outline(wordpress::raw_items(trickle(input, step)).unwrap())
}

// ---- The scan against serde_json ----

/// A JSON value of a few levels, written compact or pretty.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        (-1e6f64..1e6).prop_map(serde_json::Value::from),
        // Quotes, backslashes, brackets and multi-byte characters inside
        // strings, which the scan must pass over.
        "[a-z\"\\\\\\[\\]{},:/é€😀 ]{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(5, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
            prop::collection::vec(("[a-z\"\\\\]{0,6}", inner), 0..5)
                .prop_map(|pairs| serde_json::Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A collection's text: items compact or pretty, whitespace between.
fn collection() -> impl Strategy<Value = String> {
    let ws = prop::sample::select(vec!["", " ", "\n", "\r\n  ", "\t"]);
    prop::collection::vec((json_value(), any::<bool>(), ws.clone(), ws.clone()), 0..6).prop_map(
        |items| {
            let mut text = String::from("[");
            for (i, (value, pretty, before, after)) in items.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                text.push_str(before);
                text.push_str(&if *pretty {
                    serde_json::to_string_pretty(value).unwrap()
                } else {
                    serde_json::to_string(value).unwrap()
                });
                text.push_str(after);
            }
            text.push(']');
            text
        },
    )
}

/// Edits that break JSON: a character of its syntax inserted, deleted or
/// replaced at some place (no raw control characters but whitespace, which
/// serde_json rejects inside strings and the stream repairs).
fn broken(text: String, edits: Vec<(usize, u8, prop::sample::Index)>) -> String {
    const SYNTAX: &[u8] = b"[]{}\",:\\ 0at";
    let mut bytes = text.into_bytes();
    for (what, c, at) in edits {
        let c = SYNTAX[c as usize % SYNTAX.len()];
        // Edit only at a character boundary: the input stays UTF-8.
        let mut i = at.index(bytes.len() + 1);
        while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
            i += 1;
        }
        match what % 3 {
            0 => bytes.insert(i, c),
            1 if i < bytes.len() => {
                let len = std::str::from_utf8(&bytes[i..])
                    .unwrap()
                    .chars()
                    .next()
                    .unwrap()
                    .len_utf8();
                bytes.drain(i..i + len);
            }
            _ if i < bytes.len() && bytes[i] < 0x80 => bytes[i] = c,
            _ => {}
        }
    }
    String::from_utf8(bytes).unwrap()
}

/// The wrapper around the collection: nothing, a BOM, JSONP.
fn wrapper() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("", ""),
        ("\u{feff}", ""),
        ("  \n", "\n"),
        ("/**/cb(", ");"),
        ("\u{feff}jQuery_1.x (\n", " )\n"),
    ])
}

/// The stream against serde_json on `array` wrapped in `prefix` and
/// `suffix`: the same items at the same places when serde_json reads it;
/// an error (of the scan, or an item's) when it does not.
fn check_against_serde_json(prefix: &str, array: &str, suffix: &str, step: usize) {
    let input = format!("{prefix}{array}{suffix}");
    let serde = serde_json::from_str::<Vec<&RawValue>>(array);
    let got: Vec<_> = match wordpress::raw_items(trickle(&input, step)) {
        Ok(items) => items.collect(),
        Err(err) => {
            assert!(
                serde.is_err(),
                "{input:?}: serde_json reads it, the stream: {err}"
            );
            return;
        }
    };
    match serde {
        Ok(elements) => {
            let got: Vec<_> = got
                .into_iter()
                .collect::<Result<_, _>>()
                .unwrap_or_else(|e| panic!("{input:?}: serde_json reads it, the stream: {e}"));
            assert_eq!(got.len(), elements.len(), "{input:?}");
            for (item, element) in got.iter().zip(&elements) {
                let offset = element.get().as_ptr() as usize - array.as_ptr() as usize;
                let at = prefix.len() + offset;
                assert_eq!(item.text(), element.get(), "{input:?}");
                let position = item.position();
                assert_eq!(position.byte(), at, "{input:?}");
                assert_eq!(
                    (position.line(), position.column()),
                    common::line_column(&input, at),
                    "{input:?}"
                );
            }
        }
        Err(serde_err) => {
            let found = got.iter().any(|item| match item {
                Err(_) => true,
                Ok(item) => serde_json::from_str::<&RawValue>(item.text()).is_err(),
            });
            assert!(
                found,
                "{input:?}: serde_json says {serde_err}, the stream finds nothing wrong"
            );
        }
    }
}

proptest! {

    #[test]
    fn scan_finds_the_items_serde_json_finds(
        array in collection(),
        (prefix, suffix) in wrapper(),
        step in 1usize..9,
    ) {
        check_against_serde_json(prefix, &array, suffix, step);
    }

    #[test]
    fn scan_rejects_what_serde_json_rejects(
        array in collection(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<prop::sample::Index>()), 1..4),
        step in 1usize..9,
    ) {
        let array = broken(array, edits);
        check_against_serde_json("", &array, "", step);
    }
}

/// Nesting has no limit in the scan, as in serde_json's and the crate's
/// reading of a raw value (a typed read limits it).
#[test]
fn deep_nesting_scans_as_serde_json_scans_it() {
    for depth in [127, 128, 129, 1000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let array = format!("[{}0{}]", open.repeat(depth), close.repeat(depth));
            let serde_ok = serde_json::from_str::<Vec<&RawValue>>(&array).is_ok();
            let stream_ok = wordpress::raw_items(trickle(&array, 7))
                .unwrap()
                .all(|item| item.is_ok());
            assert!(serde_ok && stream_ok, "{depth} levels of {open}");
        }
    }
}

// ---- Each item as `wordpress::items` reads it ----

/// A post of a few fields, each of the right type or not, some strings with
/// raw line feeds (repaired) or escapes.
fn post_text() -> impl Strategy<Value = String> {
    let id = prop::sample::select(vec!["1", "22", "true", "\"x\"", "null", "-3"]);
    let title = prop::sample::select(vec![
        r#"{"rendered":"Tides"}"#,
        r#"{"rendered":"a\nb \u00e9 <\/p>"}"#,
        "{\"rendered\":\"raw\nline\"}",
        "5",
        r#""bare""#,
    ]);
    let date = prop::sample::select(vec![
        r#""2024-03-01T10:00:00""#,
        r#""0000-00-00 00:00:00""#,
        r#""yesterday""#,
        "null",
    ]);
    (id, title, date, any::<bool>()).prop_map(|(id, title, date, pretty)| {
        let sep = if pretty { ",\n    " } else { "," };
        format!(r#"{{"id":{id}{sep}"title":{title}{sep}"date":{date}}}"#)
    })
}

/// The results of reading `input` with `items` from memory and with
/// `items_from_reader` a few bytes a read, as comparable lines.
fn both_ways(input: &str, step: usize) -> (Vec<String>, Vec<String>) {
    let show = |result: Result<Post<'_>, pressmark::Error>| match result {
        Ok(post) => format!("{:?}", post.into_owned()),
        Err(err) => format!("{:?} {err}", err.kind()),
    };
    let in_memory = wordpress::items::<Post>(input).unwrap();
    let memory_repairs = in_memory.repairs();
    let mut memory: Vec<String> = in_memory.map(show).collect();
    memory.push(format!("repairs {memory_repairs:?}"));
    let mut reader = wordpress::items_from_reader::<Post, _>(trickle(input, step)).unwrap();
    let mut streamed: Vec<String> = reader
        .by_ref()
        .map(|item| show(item.map(wordpress::Parsed::into_value)))
        .collect();
    streamed.push(format!("repairs {:?}", reader.raw().repairs()));
    (memory, streamed)
}

proptest! {

    #[test]
    fn items_read_as_items_reads_them(
        posts in prop::collection::vec(post_text(), 0..6),
        pretty in any::<bool>(),
        step in 1usize..9,
    ) {
        let input = if pretty {
            format!("[\n  {}\n]\n", posts.join(",\n  "))
        } else {
            format!("[{}]", posts.join(","))
        };
        let (memory, streamed) = both_ways(&input, step);
        prop_assert_eq!(memory, streamed, "{:?}", input);
    }
}

/// What reading a collection whole gives — its good items, the failed
/// ones, the warnings — against each item read from the stream with the
/// same options.
fn whole_and_streamed(
    input: &str,
    options: &ReadOptions,
    step: usize,
) -> (Vec<String>, Vec<String>) {
    let mut whole = Vec::new();
    match wordpress::from_str_with::<Vec<Post>>(input, options) {
        Ok(parsed) => {
            whole.extend(parsed.iter().map(|post| format!("{:?}", post.id)));
            whole.extend(
                parsed
                    .failures()
                    .iter()
                    .map(|f| format!("failed {} {}", f.index, f.error)),
            );
            whole.extend(parsed.warnings().iter().map(|w| format!("warning {w}")));
        }
        Err(err) => whole.push(format!("error {err}")),
    }
    let (mut posts, mut failures, mut warnings) = (Vec::new(), Vec::new(), Vec::new());
    for item in wordpress::raw_items(trickle(input, step)).unwrap() {
        let item = item.unwrap();
        match item.read_with::<Post>(options) {
            Ok(parsed) => {
                posts.push(format!("{:?}", parsed.id));
                warnings.extend(parsed.warnings().iter().map(|w| format!("warning {w}")));
            }
            Err(err) => failures.push((item.index(), err)),
        }
    }
    // Reading whole fails when no item reads, with the first one's error.
    let streamed = match failures.first() {
        Some((_, first)) if posts.is_empty() => vec![format!("error {first}")],
        _ => {
            let failures = failures.iter().map(|(i, err)| format!("failed {i} {err}"));
            [posts, failures.collect(), warnings].concat()
        }
    };
    (whole, streamed)
}

proptest! {

    #[test]
    fn items_read_as_a_collection_reads_them(
        posts in prop::collection::vec(post_text(), 1..6),
        lenient in any::<bool>(),
        step in 1usize..9,
    ) {
        let input = format!("[\n  {}\n]\n", posts.join(",\n  "));
        let options = if lenient { ReadOptions::lenient() } else { ReadOptions::default() };
        let (whole, streamed) = whole_and_streamed(&input, &options, step);
        prop_assert_eq!(whole, streamed, "{:?}", input);
    }
}

#[test]
fn envelope_and_jsonp_read_as_items_reads_them() {
    let rows = [
        "{\"body\":[{\"id\":1},{\"id\":true}],\"status\":200,\"headers\":{\"X-WP-Total\":2}}",
        "/**/cb({\"body\":[{\"id\":1,\"slug\":\"a\nb\"}],\"status\":200});",
        "\u{feff}cb([{\"id\":1}])",
        "{\"body\" : [ ] , \"headers\":{\"Link\":\"<a\nb>\"}}",
    ];
    for input in rows {
        let (memory, streamed) = both_ways(input, 3);
        assert_eq!(memory, streamed, "{input:?}");
    }
    let mut items = wordpress::raw_items(
        br#"{"body":[{"id":1}],"status":201,"headers":{"X-WP-Total":"1"}}"#.as_slice(),
    )
    .unwrap();
    assert_eq!(items.by_ref().count(), 1);
    let envelope = items.envelope().unwrap();
    assert_eq!(envelope.status, Some(201));
    assert!(envelope.body.is_none());
    assert_eq!(
        envelope
            .headers
            .as_ref()
            .unwrap()
            .get("X-WP-Total")
            .unwrap()
            .get(),
        "\"1\""
    );
}

// ---- What is not an item ----

/// Rows of input and what the stream gives, line by line (see [`outline`]).
#[test]
fn what_the_scan_reports() {
    let rows: &[(&str, &[&str])] = &[
        ("[]", &[]),
        (" [ ] \n", &[]),
        (
            "[1,,2]",
            &[
                "item@1:2 1",
                "error@1:4 [[1]] expected an item, found `,`",
                "item@1:5 2",
            ],
        ),
        (
            "[1 ,]",
            &[
                "item@1:2 1",
                "error@1:5 [[1]] trailing comma: expected an item after `,`, found `]`",
            ],
        ),
        // Garbage inside an item's slot is that item's, to be found when it
        // is read; the next item still comes.
        (
            "[{\"id\":1} x,\n 2]",
            &["item@1:2 {\"id\":1} x", "item@2:2 2"],
        ),
        (
            "[{\"a\":[1}, {\"b\":2}]",
            &["error@1:9 [] expected `,` or `]`, found `}`"],
        ),
        (
            "[{\"a\":1}, {\"b\":\"2}]",
            &[
                "item@1:2 {\"a\":1}",
                "error@1:20 [] the input ended inside a string: expected `\"`",
            ],
        ),
        (
            "[{\"a\":1}\n",
            &[
                "item@1:2 {\"a\":1}",
                "error@2:1 [] the input ended inside the collection: expected `,` or `]`",
            ],
        ),
        (
            "[1,\n",
            &[
                "item@1:2 1",
                "error@2:1 [] the input ended inside the collection: expected an item or `]`",
            ],
        ),
        (
            "[1, {\"a\":[2,",
            &[
                "item@1:2 1",
                "error@1:13 [] the input ended inside item 1: expected `]`",
            ],
        ),
        (
            "[1] [2]",
            &[
                "item@1:2 1",
                "error@1:5 [] unexpected characters after the JSON value",
            ],
        ),
        (
            "[1}",
            &["error@1:3 [] expected `,` or `]` after an item, found `}`"],
        ),
        (
            "cb([1]",
            &[
                "item@1:5 1",
                "error@1:7 [] JSONP callback not closed: expected `)` after the JSON value",
            ],
        ),
        ("cb([1]) ;; \n", &["item@1:5 1"]),
    ];
    for (input, want) in rows {
        for step in [1, 2, 5, 1 << 20] {
            assert_eq!(
                stream_outline(input, step),
                *want,
                "{input:?} in steps of {step}"
            );
        }
    }
}

#[test]
fn bytes_that_are_not_utf8_are_one_items_error() {
    let input = b"[{\"a\":\"\xC3\xA9\"},\n {\"a\":\"\xFF\"}, 3]";
    let got = outline(wordpress::raw_items(&input[..]).unwrap());
    assert_eq!(
        got,
        [
            "item@1:2 {\"a\":\"é\"}",
            "error@2:8 [[1]] invalid UTF-8: byte 0xff cannot start or continue a character",
            "item@2:13 3",
        ]
    );
}

#[test]
fn what_is_not_a_collection_is_an_error_at_its_start() {
    let rows = [
        ("\n {\"id\":1}", ErrorKind::UnexpectedKind, (2, 2)),
        ("{\"body\":{\"id\":1}}", ErrorKind::UnexpectedKind, (1, 1)),
        ("---\ntitle: a\n---\n", ErrorKind::UnexpectedKind, (1, 1)),
        ("  ", ErrorKind::UnexpectedEof, (1, 3)),
    ];
    for (input, kind, at) in rows {
        let err = wordpress::raw_items(input.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), kind, "{input:?}");
        let position = err.position().unwrap();
        assert_eq!((position.line(), position.column()), at, "{input:?}: {err}");
    }
}

/// A read that fails: the items before it come, then the error; an item
/// the failure may have cut short does not come.
#[test]
fn a_failing_read_ends_the_stream_with_an_io_error() {
    struct Failing(&'static [u8]);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0.is_empty() {
                return Err(std::io::Error::other("disk gone"));
            }
            let n = self.0.len().min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let rows: &[(&[u8], &[&str])] = &[
        (b"[{\"id\":1},", &["{\"id\":1}"]),
        (b"[{\"id\":1},{\"id\":2", &["{\"id\":1}"]),
        (b"[1,22", &["1"]),
        (b"[1,2]", &["1", "2"]),
    ];
    for (input, want) in rows {
        let mut got: Vec<_> = wordpress::raw_items(Failing(input)).unwrap().collect();
        let err = got.pop().unwrap().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io, "{err}");
        assert!(err.message().contains("disk gone"), "{err}");
        let texts: Vec<_> = got
            .iter()
            .map(|item| item.as_ref().unwrap().text())
            .collect();
        assert_eq!(texts, *want);
    }
    let err = wordpress::raw_items(Failing(b"")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
}

// ---- The corpus ----

/// Every collection of the corpus: the items serde_json finds, at the same
/// places, read to the objects `wordpress::from_str` reads, with the same
/// repairs.
#[test]
fn corpus_collections_stream_as_they_read_whole() {
    let Some(root) = common::corpus("corpus_collections_stream_as_they_read_whole", "wordpress")
    else {
        return;
    };
    let (mut collections, mut items, mut not_wordpress) = (0, 0, 0);
    for path in common::files(&root, &["json"]) {
        let input = std::fs::read_to_string(&path).unwrap();
        let Ok(raw) = wordpress::raw_items(trickle(&input, 4093)) else {
            continue;
        };
        // JSON that is not a WordPress response (the frontity folder's
        // settings mocks): every item streamed says so too.
        let whole = match wordpress::from_str::<Response>(&input) {
            Err(e) if e.kind() == ErrorKind::UnknownFormat => {
                for item in raw {
                    let err = item.unwrap().object().unwrap_err();
                    assert_eq!(err.kind(), ErrorKind::UnknownFormat, "{}", path.display());
                    not_wordpress += 1;
                }
                continue;
            }
            whole => whole.unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        };
        collections += 1;
        let Response::Collection(objects) = whole.value() else {
            panic!(
                "{}: streamed as a collection, read as one object",
                path.display()
            );
        };
        // serde_json on the strict text: the same elements, as values.
        let strict = common::strict_json(&input);
        let serde: Vec<serde_json::Value> = match serde_json::from_str(&strict) {
            Ok(elements) => elements,
            // An envelope or JSONP: the elements of its body.
            Err(_) => {
                let strict = common::strict_json(raw_body(&input));
                serde_json::from_str(&strict).unwrap()
            }
        };
        let mut raw = raw;
        let streamed: Vec<_> = raw.by_ref().map(Result::unwrap).collect();
        let mut surrogates = 0;
        assert_eq!(streamed.len(), serde.len(), "{}", path.display());
        assert_eq!(streamed.len(), objects.len(), "{}", path.display());
        for ((item, value), object) in streamed.iter().zip(&serde).zip(objects) {
            let at = item.position();
            assert!(
                input[at.byte()..].starts_with(item.text()),
                "{}",
                path.display()
            );
            assert_eq!(
                (at.line(), at.column()),
                common::line_column(&input, at.byte())
            );
            let item_value: serde_json::Value =
                serde_json::from_str(&common::strict_json(item.text())).unwrap();
            assert_eq!(&item_value, value, "{}", path.display());
            let read = item.object().unwrap();
            assert_eq!(read.value(), object, "{}", path.display());
            if let Some(repairs) = read.repairs() {
                surrogates += repairs.lone_surrogates();
            }
            items += 1;
        }
        // Raw control characters found by the scan, lone surrogates by
        // each item's read: as many as reading the whole finds.
        let tally = |r: Option<wordpress::Repairs>| {
            r.map(|r| (r.control_characters(), r.first_control_character()))
        };
        assert_eq!(
            tally(raw.repairs()),
            tally(whole.repairs()),
            "{}",
            path.display()
        );
        assert_eq!(
            surrogates,
            whole.repairs().map_or(0, |r| r.lone_surrogates()),
            "{}",
            path.display()
        );
    }
    common::say(format_args!(
        "stream: {collections} collections, {items} items, as read whole and by serde_json; \
         {not_wordpress} items of collections that are not WordPress responses, refused alike"
    ));
    assert!(
        collections > 20 && items > 300,
        "{collections} collections, {items} items"
    );
}

/// The array inside a JSONP wrapper or an envelope, found without the crate.
fn raw_body(input: &str) -> &str {
    let start = input.find('[').unwrap();
    let end = input.rfind(']').unwrap();
    &input[start..=end]
}

// ---- Articles: streamed and read whole ----

#[cfg(all(feature = "html", feature = "frontmatter"))]
#[test]
fn streamed_articles_equal_those_read_whole() {
    let posts = common::fixture("wordpress/posts.json");
    let elements: Vec<&RawValue> = serde_json::from_str(&posts).unwrap();
    let items: Vec<&str> = elements.iter().map(|e| e.get()).cycle().take(300).collect();
    let input = format!("[{}]", items.join(",\n"));
    let whole = pressmark::from_slice(input.as_bytes()).unwrap().articles();
    let streamed: Vec<_> = pressmark::stream_from_reader(trickle(&input, 1000))
        .unwrap()
        .articles()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(whole.len(), 300);
    assert_eq!(streamed, whole);
    // A front-matter file is read whole, to the same article.
    let item = common::fixture("frontmatter/news-item.md");
    let whole = pressmark::from_slice(item.as_bytes()).unwrap().articles();
    let streamed: Vec<_> = pressmark::stream_from_reader(item.as_bytes())
        .unwrap()
        .articles()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(streamed, whole);
}
