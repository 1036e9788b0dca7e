//! Front matter: the seed news item, splitting rows, and generic serde use.
#![cfg(feature = "frontmatter")]

use pressmark::ErrorKind;
use pressmark::frontmatter::{self, Format, ItemType, ValueKind};
use serde::Deserialize;
use time::macros::datetime;

/// The shared seed, beside the checkout (as CI has it).
const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/aggregator-item.md"
));

#[test]
fn seed_news_item() {
    let doc = frontmatter::news_item(SEED).expect("seed parses");
    let item = doc.value();
    assert_eq!(item.category, "news");
    assert_eq!(
        item.title,
        "Clearview AI fined for violating the European GDPR privacy law"
    );
    assert!(item.title.is_borrowed());
    #[cfg(feature = "html")]
    {
        let title = item.title_text();
        assert!(title.is_borrowed(), "a plain title needs no copy");
        assert_eq!(title, item.title);
        let loevy = item.related[0].excerpt_text().unwrap();
        assert!(loevy.starts_with("Chicago law firm Loevy & Loevy has accused"));
    }
    assert_eq!(item.published_date_time, datetime!(2022-10-24 21:10:00 UTC));
    assert_eq!(item.kind, ItemType::Article);
    assert_eq!(item.quality, Some(67));
    assert_eq!(item.heat, Some(127));
    assert_eq!(item.published, Some(true));
    assert_eq!(item.provider.name, "TechSpot");
    assert_eq!(item.provider.domain.as_deref(), Some("techspot.com"));
    assert_eq!(item.provider.images.len(), 1);
    assert_eq!(
        (
            item.provider.images[0].width,
            item.provider.images[0].height
        ),
        (Some(50), Some(50))
    );
    assert_eq!(item.topics, ["AI"]);
    assert_eq!(item.images.len(), 1);
    assert_eq!(
        (
            item.images[0].width,
            item.images[0].height,
            item.images[0].is_cached
        ),
        (Some(3092), Some(2767), Some(true))
    );
    assert_eq!(item.related.len(), 6);
    let titles: Vec<&str> = item.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles[0],
        "Law firm says ex-lawyer is trying to take over Clearview AI lawsuit"
    );
    assert_eq!(
        titles[5],
        "France slaps fine on face recognition firm Clearview AI"
    );
    let second = &item.related[1];
    assert_eq!(
        second.provider.as_ref().map(|p| p.name.as_str()),
        Some("The National Law Review")
    );
    assert_eq!(
        second.published_date_time,
        Some(datetime!(2022-10-24 00:00:00 UTC))
    );
    assert!(second.cdn_amp_web_url.is_some());
    assert_eq!(second.images[0].width, Some(1426));
    assert_eq!(item.related[4].images.len(), 0);
    assert_eq!(item.related[5].quality, Some(34));
    assert!(
        item.secured
            .starts_with("GEgGS7b1IJB20NYLcLC+VSEpWJiHLxiG12lFDYrWs")
    );
    assert!(item.secured.ends_with("==;uTIIHXSfDHBPECaljarUug=="));
    assert_eq!(item.secured.len(), 561);
    assert!(item.extra.is_empty());
    assert_eq!(doc.body(), "\n");
}

#[test]
fn seed_serializes_back_to_the_same_values() {
    let item = frontmatter::news_item(SEED).unwrap().into_value();
    let json = serde_json::to_value(&item).unwrap();
    let value = frontmatter::parse(SEED).unwrap().into_value();
    assert_eq!(json, serde_json::to_value(&value).unwrap());
    // And back again through serde, from JSON.
    let again: frontmatter::NewsItem<'static> = serde_json::from_value(json).unwrap();
    assert_eq!(again, item.into_owned());
}

#[test]
fn unknown_keys_are_kept_with_position_and_order() {
    let input = "---\ncategory: news\ntitle: t\nexcerpt: e\nzeta: 1\npublishedDateTime: 2022-10-24T21:10:00Z\n\
                 type: podcast\nprovider:\n  name: P\n  authors:\n    - name: j\nalpha: [x]\nsecured: s\n---\n";
    let item = frontmatter::news_item(input).unwrap().into_value();
    let keys: Vec<&str> = item.extra.keys().collect();
    assert_eq!(keys, ["zeta", "alpha"]);
    let alpha = item.extra.entry("alpha").unwrap();
    let p = alpha.key_position().unwrap();
    assert_eq!((p.line(), p.column()), (12, 1));
    assert_eq!(item.kind, ItemType::Other("podcast".into()));
    assert_eq!(item.kind.as_str(), "podcast");
    assert_eq!(item.provider.extra.keys().collect::<Vec<_>>(), ["authors"]);
    let json = serde_json::to_string(&item).unwrap();
    assert!(
        json.ends_with(r#""secured":"s","zeta":1,"alpha":["x"]}"#),
        "{json}"
    );
}

/// (input, format, front matter, body) or `None` for "no front matter".
#[test]
fn split_rows() {
    type Row = (&'static str, Option<(Format, &'static str, &'static str)>);
    let rows: &[Row] = &[
        (
            "---\na: 1\n---\nbody\n",
            Some((Format::Yaml, "a: 1\n", "body\n")),
        ),
        (
            "---\r\na: 1\r\n---\r\nbody\r\n",
            Some((Format::Yaml, "a: 1\r\n", "body\r\n")),
        ),
        (
            "\u{feff}---\na: 1\n---\n",
            Some((Format::Yaml, "a: 1\n", "")),
        ),
        ("---\n---\nbody", Some((Format::Yaml, "", "body"))),
        (
            "---\na: 1\n...\nbody",
            Some((Format::Yaml, "a: 1\n", "body")),
        ),
        (
            "--- \t\na: 1\n---  \nbody",
            Some((Format::Yaml, "a: 1\n", "body")),
        ),
        ("---\na: 1\n---", Some((Format::Yaml, "a: 1\n", ""))),
        ("---\na: ---\n---\n", Some((Format::Yaml, "a: ---\n", ""))),
        (
            "+++\na = 1\n+++\nbody",
            Some((Format::Toml, "a = 1\n", "body")),
        ),
        (
            ";;;\n\"a\": 1\n;;;\nbody",
            Some((Format::Json, "\"a\": 1\n", "body")),
        ),
        (
            "{\n  \"a\": \"}\"\n}\nbody",
            Some((Format::Json, "{\n  \"a\": \"}\"\n}", "body")),
        ),
        ("# Title\n---\na: 1\n---\n", None),
        (" ---\na: 1\n---\n", None),
        ("----\na: 1\n----\n", None),
        ("", None),
        ("{% raw %}\n", None),
    ];
    for (input, expected) in rows {
        let got = frontmatter::split(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        let got = got.map(|s| {
            // Rejoining the parts gives the input back byte for byte.
            let fm_end = s.front_matter_offset() + s.front_matter().len();
            assert_eq!(&input[s.front_matter_offset()..fm_end], s.front_matter());
            assert_eq!(&input[s.body_offset()..], s.body());
            (s.format(), s.front_matter(), s.body())
        });
        assert_eq!(got, *expected, "{input:?}");
    }
}

#[test]
fn unclosed_is_an_error_at_the_opening_line() {
    for input in [
        "---\na: 1\n",
        "\u{feff}---\na: 1\n--\n",
        "+++\na = 1\n",
        "{\n\"a\": 1\n",
    ] {
        let err = frontmatter::split(input).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unclosed, "{input:?}");
        assert_eq!(err.position().unwrap().line(), 1, "{input:?}");
    }
}

#[test]
fn generic_serde_struct_borrows_and_reports_paths() {
    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "camelCase")]
    struct Head<'a> {
        title: &'a str,
        #[serde(borrow)]
        provider: Provider<'a>,
        related: Vec<Rel>,
        #[serde(default)]
        missing: Option<u8>,
    }
    #[derive(Deserialize, Debug)]
    struct Provider<'a> {
        #[serde(borrow)]
        name: std::borrow::Cow<'a, str>,
    }
    #[derive(Deserialize, Debug)]
    struct Rel {
        quality: u8,
    }
    let doc = frontmatter::from_str::<Head>(SEED).unwrap();
    let head = doc.value();
    assert_eq!(
        head.title,
        "Clearview AI fined for violating the European GDPR privacy law"
    );
    assert!(matches!(
        head.provider.name,
        std::borrow::Cow::Borrowed("TechSpot")
    ));
    assert_eq!(head.related.len(), 6);
    assert_eq!(head.related[0].quality, 67);
    assert_eq!(head.missing, None);

    let bad = SEED.replace("    quality: 54", "    quality: 540");
    let err = frontmatter::from_str::<Head>(&bad).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    assert_eq!(err.path(), Some("related[3].quality"));
    assert_eq!(
        err.to_string(),
        "invalid value: integer `540`, expected u8 in `related[3].quality` at line 85 column 14"
    );
}

#[test]
fn generic_value_tree_has_whole_file_positions() {
    let input = "\u{feff}---\r\nlist:\r\n  - é: \"x\"\r\n    n: ~\r\n---\r\n";
    let doc = frontmatter::parse(input).unwrap();
    let item = &doc.value().get("list").unwrap().as_sequence().unwrap()[0];
    let n = item.get("n").unwrap();
    assert_eq!(n.kind, ValueKind::Null);
    let entry = item.as_mapping().unwrap().entry("é").unwrap();
    let p = entry.key_position().unwrap();
    assert_eq!((p.line(), p.column()), (3, 5));
    assert_eq!(&input[p.byte()..p.byte() + 2], "é");
    let v = entry.value.position().unwrap();
    assert_eq!((v.line(), v.column()), (3, 8));
    assert_eq!(&input[v.byte()..v.byte() + 3], "\"x\"");
}

#[test]
fn json_front_matter() {
    #[derive(Deserialize)]
    struct Head {
        title: String,
        n: u8,
    }
    let doc = frontmatter::from_str::<Head>("{\n  \"title\": \"J\",\n  \"n\": 2\n}\nbody").unwrap();
    assert_eq!((doc.value().title.as_str(), doc.value().n), ("J", 2));
    assert_eq!(doc.body(), "body");
    assert_eq!(doc.format(), Format::Json);
    let doc = frontmatter::from_str::<Head>(";;;\n\"title\": \"J\", \"n\": 3\n;;;\nbody").unwrap();
    assert_eq!(doc.value().n, 3);
    // A value of the wrong type is placed, in both forms.
    let err = frontmatter::from_str::<Head>("{\n  \"title\": \"Zoë\",\n  \"n\": \"two\"\n}\n")
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidType, "{err}");
    assert_eq!(err.path(), Some("n"));
    let p = err.position().unwrap();
    assert_eq!((p.line(), p.column(), p.byte()), (3, 8, 28), "{err}");
    let input = ";;;\n\"title\": \"Zoë\", \"n\": 300\n;;;\n";
    let err = frontmatter::from_str::<Head>(input)
        .map(|_| ())
        .unwrap_err();
    let p = err.position().unwrap();
    assert_eq!((p.line(), p.column()), (2, 22), "{err}");
    assert_eq!(&input[p.byte()..p.byte() + 3], "300");
    let err = frontmatter::parse("{\n  \"title\": \"J\",\n  \"n\": 2,\n}\n").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    let p = err.position().unwrap();
    assert_eq!((p.line(), p.column()), (4, 1), "{err}");
}

#[test]
fn toml_is_unsupported() {
    let err = frontmatter::parse("+++\ntitle = \"x\"\n+++\n").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unsupported);
    assert_eq!(err.position().unwrap().line(), 1);
}

#[test]
fn no_front_matter_is_its_own_kind() {
    assert!(frontmatter::split("# Title\n").unwrap().is_none());
    let err = frontmatter::parse("# Title\n").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NoFrontMatter);
    assert_eq!(
        err.to_string(),
        "no front matter: expected `---` on the first line, found \"# Title\" at line 1 column 1"
    );
}

#[cfg(feature = "html")]
#[test]
fn title_and_excerpt_text_decode_entities_and_trim_nbsp() {
    let input = "---\ncategory: news\ntitle: \"\u{a0}Microsoft&#39;s Power\u{a0}Apps&nbsp;\"\n\
        excerpt: \"Low-code \\\"citizen\\\" devs&nbsp;&amp; pros\\r\\nship apps\u{a0}\"\n\
        publishedDateTime: 2022-10-24T21:10:00Z\ntype: article\nprovider:\n  name: T\ntopics: []\nsecured: s\n---\n";
    let item = frontmatter::news_item(input).unwrap().into_value();
    assert_eq!(item.title_text(), "Microsoft's Power Apps");
    assert_eq!(
        item.excerpt_text(),
        "Low-code \"citizen\" devs & pros ship apps"
    );
}
