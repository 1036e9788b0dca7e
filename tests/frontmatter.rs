//! Front matter: our news item fixture, the seed news item (when
//! `PRESSMARK_SEEDS` is set), splitting rows, and generic serde use.
#![cfg(feature = "frontmatter")]

mod common;

use pressmark::ErrorKind;
use pressmark::frontmatter::{self, Format, ItemType, ValueKind};
use serde::Deserialize;
use time::macros::datetime;

/// Our news item: provider, images, topics, related items, `\"` and
/// `\r\n` escapes, `&nbsp;`, U+00A0 at both ends of a string, `heat: -1`.
const NEWS_ITEM: &str = include_str!("fixtures/frontmatter/news-item.md");

#[test]
fn fixture_news_item() {
    let doc = frontmatter::news_item(NEWS_ITEM).expect("fixture parses");
    let item = doc.value();
    assert_eq!(item.category, "news");
    assert_eq!(
        item.title,
        "Harbour city trials delivery drones over the water"
    );
    assert!(item.title.is_borrowed());
    // The escapes are decoded: a copy. U+00A0 stays in the value.
    assert!(!item.excerpt.is_borrowed());
    assert!(item.excerpt.starts_with("\u{a0}The port authority"));
    assert!(item.excerpt.contains("the \"quiet corridor\" anything"));
    assert!(item.excerpt.contains("quiet.\r\nA decision"));
    assert!(
        item.excerpt
            .ends_with("service&nbsp;is due in October.\u{a0}")
    );
    #[cfg(feature = "html")]
    {
        let title = item.title_text();
        assert!(title.is_borrowed(), "a plain title needs no copy");
        assert_eq!(title, item.title);
        assert_eq!(
            item.excerpt_text(),
            "The port authority will let two operators fly parcels to moored \
             boats this summer; critics call the \"quiet corridor\" anything \
             but quiet. A decision on a permanent service is due in October."
        );
        assert_eq!(
            item.related[0].excerpt_text().unwrap(),
            "Residents, sailors & operators have six weeks to comment."
        );
        assert_eq!(
            item.related[1].title_text(),
            "\"Not over our heads\": residents petition the council"
        );
    }
    assert_eq!(item.published_date_time, datetime!(2024-05-21 06:40:00 UTC));
    assert_eq!(item.kind, ItemType::Article);
    assert_eq!(item.quality, Some(72));
    assert_eq!(item.heat, Some(-1));
    assert_eq!(item.published, Some(true));
    assert_eq!(
        item.web_url.as_deref(),
        Some("https://www.example.net/news/2024/05/21/drone-trial")
    );
    assert!(
        item.original_url
            .as_ref()
            .unwrap()
            .ends_with("drone-trial?utm_source=feed")
    );
    assert_eq!(item.provider.name, "Example Daily");
    assert_eq!(item.provider.domain.as_deref(), Some("example.net"));
    assert_eq!(item.provider.images.len(), 1);
    let logo = &item.provider.images[0];
    assert_eq!(
        (logo.url.as_str(), logo.width, logo.height),
        (
            "/ai/assets/images/organizations/example.net-50x50.jpg",
            Some(50),
            Some(50)
        )
    );
    assert_eq!(item.topics, ["Drones", "Cities"]);
    assert_eq!(item.images.len(), 1);
    let image = &item.images[0];
    assert_eq!(
        (image.width, image.height, image.is_cached),
        (Some(1920), Some(1080), Some(true))
    );
    assert_eq!(
        image.title.as_deref(),
        Some("A drone carrying a parcel over moored boats")
    );
    assert_eq!(item.related.len(), 3);
    let titles: Vec<&str> = item.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Regulator opens consultation on low-altitude flights",
            "\u{a0}\"Not over our heads\": residents petition the council",
            "How parcel drones find a moving boat"
        ]
    );
    let second = &item.related[1];
    assert_eq!(
        second.provider.as_ref().map(|p| p.name.as_str()),
        Some("Example Local")
    );
    assert_eq!(
        second.published_date_time,
        Some(datetime!(2024-05-19 00:00:00 UTC))
    );
    assert!(second.amp_web_url.is_some() && second.cdn_amp_web_url.is_some());
    assert_eq!(
        (second.images[0].width, second.images[0].is_cached),
        (Some(1200), Some(false))
    );
    let third = &item.related[2];
    assert_eq!(third.kind, Some(ItemType::Video));
    assert_eq!(
        (third.web_url.as_deref(), third.excerpt.as_deref()),
        (None, None)
    );
    assert!(third.original_url.is_some());
    assert_eq!(third.provider.as_ref().unwrap().domain, None);
    assert_eq!(third.images.len(), 0);
    assert_eq!(third.quality, Some(35));
    // Opaque: kept exactly as written.
    assert!(NEWS_ITEM.contains(&format!("\nsecured: \"{}\"\n", item.secured)));
    assert_eq!(item.secured.split(';').count(), 2);
    assert!(item.extra.is_empty());
    assert_eq!(doc.body(), "\n");
}

/// The typed item serializes to the values of the generic tree, and reads
/// back from them through serde.
fn serializes_back_to_the_same_values(input: &str) {
    let item = frontmatter::news_item(input).unwrap().into_value();
    let json = serde_json::to_value(&item).unwrap();
    let value = frontmatter::parse(input).unwrap().into_value();
    assert_eq!(json, serde_json::to_value(&value).unwrap());
    // And back again through serde, from JSON.
    let again: frontmatter::NewsItem<'static> = serde_json::from_value(json).unwrap();
    assert_eq!(again, item.into_owned());
}

#[test]
fn fixture_serializes_back_to_the_same_values() {
    serializes_back_to_the_same_values(NEWS_ITEM);
}

/// A user's own struct over a news item, borrowing where it can.
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

/// The error of reading `input` as a [`Head`] with the quality of related
/// item `index` made 540, past `u8`: it names the path, and its position
/// is the value's, found here in the input independently of the crate.
fn quality_out_of_range(input: &str, index: usize) -> pressmark::Error {
    // Each related item has its `quality` on its own line, indented 4.
    let key = "\n    quality: ";
    let starts: Vec<usize> = input
        .match_indices(key)
        .map(|(at, _)| at + key.len())
        .collect();
    let head = frontmatter::from_str::<Head>(input).unwrap().into_value();
    assert_eq!(starts.len(), head.related.len());
    let at = starts[index];
    let end = at + input[at..].find('\n').unwrap();
    assert_eq!(input[at..end], head.related[index].quality.to_string());
    let bad = format!("{}540{}", &input[..at], &input[end..]);
    let err = frontmatter::from_str::<Head>(&bad).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    let path = format!("related[{index}].quality");
    assert_eq!(err.path(), Some(path.as_str()));
    let (line, column) = common::line_column(&bad, at);
    assert_eq!(
        err.to_string(),
        format!(
            "invalid value: integer `540`, expected u8 in `{path}` at line {line} column {column}"
        )
    );
    err
}

#[test]
fn generic_serde_struct_borrows_and_reports_paths() {
    let doc = frontmatter::from_str::<Head>(NEWS_ITEM).unwrap();
    let head = doc.value();
    assert_eq!(
        head.title,
        "Harbour city trials delivery drones over the water"
    );
    assert!(matches!(
        head.provider.name,
        std::borrow::Cow::Borrowed("Example Daily")
    ));
    assert_eq!(head.related.len(), 3);
    assert_eq!(head.related[0].quality, 61);
    assert_eq!(head.missing, None);
    quality_out_of_range(NEWS_ITEM, 1);
}

#[test]
fn seed_news_item() {
    let Some(seed) = common::seed("seed_news_item", "aggregator-item.md") else {
        return;
    };
    let doc = frontmatter::news_item(&seed).expect("seed parses");
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
    serializes_back_to_the_same_values(&seed);

    let doc = frontmatter::from_str::<Head>(&seed).unwrap();
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
    let err = quality_out_of_range(&seed, 3);
    assert_eq!(
        err.to_string(),
        "invalid value: integer `540`, expected u8 in `related[3].quality` at line 85 column 14"
    );
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
    // Serialized in the file's order, unknown keys where they were.
    let json = serde_json::to_string(&item).unwrap();
    assert!(
        json.contains(r#""excerpt":"e","zeta":1,"publishedDateTime""#)
            && json.ends_with(r#""alpha":["x"],"secured":"s"}"#),
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
fn toml_is_read() {
    let doc = frontmatter::parse("+++\ntitle = \"x\"\n+++\n").unwrap();
    assert_eq!(doc.format(), Format::Toml);
    assert_eq!(doc.value().get("title").unwrap().as_str(), Some("x"));
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
