//! One test per bug found (by fuzzing or otherwise), named after what broke.
#![cfg(feature = "wordpress")]

use pressmark::wordpress::{self, Response};

/// Found by `cargo fuzz run wordpress`: a control character right after a
/// multi-byte character made the error locator slice a `str` inside that
/// character and panic.
#[test]
fn control_character_after_multibyte_character_does_not_panic() {
    for input in [
        "[\n \"Whttps:/ron.o\u{6d8}\u{0}/\u{3}\u{0}p\u{0}\u{0}\u{0}\u{0}(",
        "[\n\"\\n<p><span stBiacom&nbsp\u{356}\u{0}\u{0}\u{0}\u{0}\u{3}-14\"\n  }\n]\n",
    ] {
        let err = wordpress::from_str_with::<Response>(input, &wordpress::ReadOptions::strict())
            .unwrap_err();
        let at = err.position().unwrap();
        assert!(at.byte() <= input.len());
        assert!(input.is_char_boundary(at.byte()), "{err}");
        let _ = wordpress::from_str::<Response>(input);
    }
}

/// Found by `cargo fuzz run wordpress`: a number field sent twice, first as
/// a non-numeric string (kept in `extra`) then as a number, was not caught as
/// a duplicate, so the value written back could not be read again.
#[test]
fn known_key_sent_twice_after_a_text_fallback_is_a_duplicate() {
    let err =
        wordpress::from_str::<wordpress::Post>("{\n  \"id\": \"one\",\"id\": 1}").unwrap_err();
    assert_eq!(err.kind(), pressmark::ErrorKind::DuplicateKey);
    assert_eq!(err.to_string(), "duplicate field `id` at line 2 column 15");
}

/// Found by the property test `wordpress_post_reads_writes_back_and_reads_again`:
/// numbers sent as strings (or fields sent as `null`) were remembered in
/// input order, so the same post with its keys in another order, or the
/// post written back and read again, compared unequal.
#[test]
fn quoted_and_null_fields_compare_equal_in_any_key_order() {
    let a = wordpress::from_str::<wordpress::Post>(
        r#"{"author":"3","id":"1","date":null,"slug":null}"#,
    )
    .unwrap()
    .into_value();
    let b = wordpress::from_str::<wordpress::Post>(
        r#"{"slug":null,"id":"1","date":null,"author":"3"}"#,
    )
    .unwrap()
    .into_value();
    assert_eq!(a, b);
    let written = serde_json::to_string(&a).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&written).unwrap(),
        serde_json::json!({"author":"3","id":"1","date":null,"slug":null})
    );
    assert_eq!(
        wordpress::from_str::<wordpress::Post>(&written)
            .unwrap()
            .into_value(),
        a
    );
}

/// Found by `examples/html_stress.rs`: the HTML writer kept a frame for
/// every open list and table, so a million nested `<ul>`s took 40 bytes
/// each. Past 256 open lists, items are counted instead, get bullets, and
/// the text stays well formed.
#[cfg(feature = "html")]
#[test]
fn lists_nested_past_the_frame_limit_get_bullets() {
    let html = format!(
        "{}<li>deep</li>{}<li>after</li></ol>",
        "<ol><li>x".repeat(300),
        "</ol>".repeat(299)
    );
    let text = pressmark::html::to_text(&html);
    assert!(text.contains("- deep"), "{text:?}");
    assert!(text.ends_with("2. after"), "{text:?}");
    assert!(!text.contains("\n\n\n"));
}

/// Found while probing for slow inputs: `wordpress::items` placed each bad
/// element's error (its field path, its line and column) by scanning the
/// input from its start, so a collection of many bad elements took
/// quadratic time (40,000 of them, 470 KB: 21 s in a release build). Each
/// element is now read as a buffer of its own and lines are counted from
/// one error to the next.
#[test]
fn items_with_many_bad_elements_take_linear_time() {
    const N: usize = 20_000;
    // Strict JSON, and with a raw newline in every element (the repairing
    // path), with multi-byte characters before the error; and the same
    // elements without the error.
    for (bad, good) in [
        (
            "{\"title\":\"é\",\"id\":true},\n",
            "{\"title\":\"é\",\"id\":1234},\n",
        ),
        (
            "{\"title\":\"é\n\",\"id\":true}, ",
            "{\"title\":\"é\n\",\"id\":1234}, ",
        ),
    ] {
        let input = format!("[{}{{\"id\":1}}]", bad.repeat(N));
        let results: Vec<_> = wordpress::items::<wordpress::Post>(&input)
            .unwrap()
            .collect();
        assert_eq!(results.len(), N + 1);
        assert!(results[N].is_ok());
        for (i, result) in results.iter().enumerate().take(N).step_by(997) {
            let err = result.as_ref().unwrap_err();
            assert_eq!(err.path(), Some(format!("[{i}].id").as_str()), "{err}");
            let at = err.position().unwrap();
            assert_eq!(at, pressmark::Position::locate(&input, at.byte()), "{err}");
            assert_eq!(&input[at.byte()..at.byte() + 4], "true", "{err}");
        }
        // Against the same collection without errors: about as long (1.0
        // to 1.5 times; an error costs its path and position); some
        // hundreds of times when each error scanned the input from its
        // start.
        let clean = format!("[{}{{\"id\":1}}]", good.repeat(N));
        let count = |input: &str| wordpress::items::<wordpress::Post>(input).unwrap().count();
        assert_linear(
            "bad elements against good ones",
            || assert_eq!(count(&clean), N + 1),
            || assert_eq!(count(&input), N + 1),
            10.0,
        );
    }
}

/// Asserts that `subject` takes less than `limit` times as long as
/// `baseline`, an input of the same size known to take linear time: a ratio
/// measured in the same run, which a slow or busy machine changes far less
/// than it changes a time. Each runs twice, in the order baseline, subject,
/// subject, baseline, and the subject's faster run is compared with the
/// baseline's slower one, so that a pause in one run cannot fail the test;
/// a quadratic subject is over the limit many times either way.
fn assert_linear(what: &str, mut baseline: impl FnMut(), mut subject: impl FnMut(), limit: f64) {
    let time = |f: &mut dyn FnMut()| {
        let started = std::time::Instant::now();
        f();
        started.elapsed().as_secs_f64()
    };
    let b1 = time(&mut baseline);
    let s1 = time(&mut subject);
    let s2 = time(&mut subject);
    let b2 = time(&mut baseline);
    let ratio = s1.min(s2) / b1.max(b2).max(f64::MIN_POSITIVE);
    eprintln!("{what}: {ratio:.2} times as long (limit {limit})");
    assert!(
        ratio < limit,
        "{what}: {ratio:.2} times as long (limit {limit}); subject {s1:.3} s and {s2:.3} s, \
         baseline {b1:.3} s and {b2:.3} s"
    );
}

/// Found while probing for slow inputs: closing a `reversed` list (whose
/// numbers are written at its end) went through every link found so far
/// to shift the ranges of those inside the list, so many links followed by
/// many reversed lists took quadratic time in `html::to_text_and_links`.
#[cfg(feature = "html")]
#[test]
fn links_before_many_reversed_lists_take_linear_time() {
    use pressmark::html::{self, TextOptions};

    const N: usize = 20_000;
    let html = format!(
        "{}{}<ol reversed><li><a href=in>inside</a></li><li>b</li></ol>",
        "<a href=x>a</a> ".repeat(N),
        "<ol reversed><li>x</li></ol>".repeat(N)
    );
    let out = html::to_text_and_links(&html, &TextOptions::default());
    assert_eq!(out.links.len(), N + 1);
    assert!(
        out.links[..N]
            .iter()
            .all(|l| &out.text[l.range.clone()] == "a")
    );
    let last = out.links.last().unwrap();
    assert_eq!(
        (&out.text[last.range.clone()], last.href.as_str()),
        ("inside", "in")
    );
    assert!(
        out.text.ends_with("2. inside\n1. b"),
        "{:?}",
        &out.text[out.text.len() - 40..]
    );
    // Against the same links before lists numbered as they go: about as
    // long now; several times as long, and growing with `N`, when closing
    // each reversed list went through every link so far.
    let forward = html.replace("<ol reversed>", "<ol>");
    let links = |input: &str| {
        html::to_text_and_links(input, &TextOptions::default())
            .links
            .len()
    };
    assert_linear(
        "links before reversed lists against forward ones",
        || assert_eq!(links(&forward), N + 1),
        || assert_eq!(links(&html), N + 1),
        3.0,
    );
}

/// Found by `cargo fuzz run wordpress`: a `\u` escape cut short by a
/// multi-byte character (`\u20ϛ`) was reported at serde_json's byte column,
/// inside that character, so the position was not on a character boundary.
#[test]
fn escape_cut_by_a_multibyte_character_is_reported_at_the_character() {
    for (input, column) in [
        ("{\"AH2ed \\uc2\u{6d1}kd ", 13),
        ("[{\"title\":\"did do.\\u20\u{3db} \\u2006 Mark\"}]", 23),
    ] {
        for err in [
            wordpress::from_str::<Response>(input).unwrap_err(),
            wordpress::from_str_with::<Response>(input, &wordpress::ReadOptions::strict())
                .unwrap_err(),
        ] {
            let at = err.position().unwrap();
            assert!(input.is_char_boundary(at.byte()), "{err}");
            assert_eq!(at, pressmark::Position::locate(input, at.byte()), "{err}");
            assert_eq!(at.column(), column, "{err}");
            assert!(err.message().contains("escape"), "{err}");
        }
    }
}

/// Found by `cargo fuzz run detect` on a corpus page: `modified` a day
/// before `modified_gmt` gave a −24:00 offset, which RFC 3339 cannot write,
/// so the article did not serialize. Such a difference is no offset: the
/// instant is given in UTC.
#[cfg(all(feature = "frontmatter", feature = "html"))]
#[test]
fn local_time_a_day_off_its_gmt_gives_utc_not_an_unwritable_offset() {
    let json = br#"{"id":1,"date":"2017-03-27T12:44:39","date_gmt":"2017-03-27T12:44:39",
        "modified":"2017-03-26T13:13:21","modified_gmt":"2017-03-27T13:13:21"}"#;
    let content = pressmark::from_slice(json).unwrap();
    let article = &content.articles()[0];
    let modified = article.modified.unwrap();
    assert_eq!(modified.offset(), time::UtcOffset::UTC);
    assert_eq!(modified.unix_timestamp(), 1_490_620_401);
    let line = serde_json::to_string(article).unwrap();
    assert!(
        line.contains(r#""modified":"2017-03-27T13:13:21Z""#),
        "{line}"
    );
}

/// Found by `cargo fuzz run frontmatter_split`: serde_json places an
/// invalid `\u` escape at the fourth byte after `\u`, which can be inside a
/// multi-byte character; the error's position split that character. It is
/// now the character's first byte.
#[cfg(feature = "frontmatter")]
#[test]
fn json_front_matter_error_is_never_inside_a_character() {
    use pressmark::frontmatter;

    // The fourth byte after `\u` is the second of U+FEFF (line 3, column 7).
    let input = "{\n\"\": \n\"x\\u40\u{feff}---\"\n}\n";
    let err = frontmatter::parse(input).unwrap_err();
    let at = err.position().unwrap();
    assert_eq!((at.byte(), at.line(), at.column()), (13, 3, 7), "{err}");
    assert_eq!(&input[at.byte()..at.byte() + 3], "\u{feff}");

    // Each escape's fourth byte is inside a character; wrapped (`;;;`) too.
    for input in [
        "{\n\"a\": \"\\u4\u{20ac}\"\n}\nbody\n",
        ";;;\n\"a\": \"\\u40\u{e9}\"\n;;;\nbody\n",
        "{\n\"a\": \"\\u\u{e9}\u{e9}\"\n}\n",
    ] {
        let err = frontmatter::parse(input).unwrap_err();
        let at = err.position().unwrap();
        assert!(input.is_char_boundary(at.byte()), "{input:?}: {err:?}");
        assert!(
            !input[at.byte()..].starts_with(|c: char| c.is_ascii()),
            "{input:?}: {err}"
        );
        assert!(
            err.to_string().starts_with("invalid json: invalid escape"),
            "{err}"
        );
    }
}
