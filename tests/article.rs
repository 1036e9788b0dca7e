//! `Article` from our fixtures and from the two seeds (when
//! `PRESSMARK_SEEDS` is set), and the format detection entry points.
#![cfg(all(feature = "wordpress", feature = "frontmatter", feature = "html"))]

mod common;

use pressmark::article::{Article, Source};
use pressmark::{Content, ContentKind, ErrorKind};
use time::macros::datetime;

const POST: &[u8] = include_bytes!("fixtures/wordpress/post.json");
const POSTS: &[u8] = include_bytes!("fixtures/wordpress/posts.json");
const NEWS_ITEM: &[u8] = include_bytes!("fixtures/frontmatter/news-item.md");

fn only_article(content: &Content<'_>) -> Article<'static> {
    let mut articles = content.articles();
    assert_eq!(articles.len(), 1);
    articles.pop().unwrap().into_owned()
}

/// The article's JSON has the documented keys (serde_json sorts them).
fn assert_documented_keys(json: &serde_json::Value) {
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut want = vec![
        "source",
        "id",
        "url",
        "title",
        "excerpt",
        "body",
        "published",
        "modified",
        "author",
        "site",
        "language",
        "categories",
        "tags",
        "topics",
        "images",
        "related",
    ];
    want.sort_unstable();
    assert_eq!(
        keys, want,
        "serde_json sorts keys; the set is the documented one"
    );
}

#[test]
fn wordpress_fixture_article() {
    let content = pressmark::from_slice(POST).unwrap();
    assert_eq!(content.kind(), ContentKind::WordPressObject);
    let a = only_article(&content);
    assert_eq!(a.source, Source::WordPress);
    assert_eq!(a.id.as_deref(), Some("3170"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://gazette.example.org/2024/06/03/library-late-opening-trial/")
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Library’s late opening – a €40,000 trial")
    );
    let excerpt = a.excerpt.as_deref().unwrap();
    assert!(excerpt.starts_with("The town library will stay open until 22:00"));
    assert!(excerpt.ends_with("funded with €40,000. …"), "{excerpt:?}");
    let body = a.body.as_deref().unwrap();
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 5, "{body}");
    assert_eq!(paragraphs[1], "What changes");
    assert!(paragraphs[3].starts_with("“Students asked for it & so did shift workers,”"));
    assert_eq!(paragraphs[4], "Council minutes");
    assert_eq!(a.published, Some(datetime!(2024-06-03 10:15:00 +2)));
    assert_eq!(a.modified, Some(datetime!(2024-06-04 09:02:17 +2)));
    // The embedded author, before Yoast's.
    assert_eq!(a.author.as_deref(), Some("Tom Okafor"));
    let site = a.site.as_ref().unwrap();
    assert_eq!(
        (site.name.as_deref(), site.domain.as_deref()),
        (Some("Northfield Gazette"), Some("gazette.example.org"))
    );
    assert_eq!(a.language.as_deref(), Some("en_GB"));
    // Ids from the post, names from the embedded terms, as text.
    let labels = |labels: &[pressmark::article::Label<'_>]| -> Vec<(u64, String)> {
        labels
            .iter()
            .map(|l| (l.id.unwrap(), l.name.as_deref().unwrap().to_owned()))
            .collect()
    };
    assert_eq!(
        labels(&a.categories),
        [(5, "Libraries".into()), (12, "Council & budget".into())]
    );
    assert_eq!(
        labels(&a.tags),
        [(31, "opening hours".into()), (40, "students".into())]
    );
    assert!(a.topics.is_empty() && a.related.is_empty());
    // The featured image, with its alt text; Yoast's `og_image` is the same
    // URL, kept once.
    assert_eq!(a.images.len(), 1);
    let image = &a.images[0];
    assert_eq!(
        image.url,
        "https://gazette.example.org/wp-content/uploads/2024/06/library-evening.jpg"
    );
    assert_eq!((image.width, image.height), (Some(1200), Some(800)));
    assert_eq!(
        image.alt.as_deref(),
        Some("Readers at long tables under lamps in the library")
    );

    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["source"], "wordpress");
    assert_eq!(json["published"], "2024-06-03T10:15:00+02:00");
    assert_eq!(json["categories"][1]["name"], "Council & budget");
    assert_documented_keys(&json);
}

/// A collection: one article per post, in order; the post without
/// `_embedded` keeps its term ids without names and has no author.
#[test]
fn wordpress_collection_fixture_articles() {
    let content = pressmark::from_slice(POSTS).unwrap();
    assert_eq!(content.kind(), ContentKind::WordPressCollection);
    let articles = content.articles();
    let titles: Vec<&str> = articles
        .iter()
        .map(|a| a.title.as_deref().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Ferry’s summer timetable adds a late crossing",
            "Market square repairs: stalls & parking move for a month",
            "Library’s late opening – a €40,000 trial",
        ]
    );
    assert_eq!(
        articles.iter().map(|a| a.published).collect::<Vec<_>>(),
        [
            Some(datetime!(2024-06-10 18:30:00 +2)),
            Some(datetime!(2024-06-07 07:05:00 +2)),
            Some(datetime!(2024-06-03 10:15:00 +2)),
        ]
    );
    let authors: Vec<Option<&str>> = articles.iter().map(|a| a.author.as_deref()).collect();
    assert_eq!(authors, [Some("Tom Okafor"), Some("Priya Nair"), None]);
    let names = |a: &Article<'_>| -> Vec<(Option<u64>, Option<String>)> {
        a.categories
            .iter()
            .chain(&a.tags)
            .map(|l| (l.id, l.name.as_deref().map(str::to_owned)))
            .collect()
    };
    assert_eq!(
        names(&articles[0]),
        [
            (Some(8), Some("Transport".into())),
            (Some(52), Some("ferries".into())),
            (Some(53), Some("timetables".into()))
        ]
    );
    assert_eq!(
        names(&articles[1]),
        [(Some(12), Some("Council & budget".into()))]
    );
    assert_eq!(
        names(&articles[2]),
        [(Some(5), None), (Some(12), None), (Some(31), None)]
    );
    assert_eq!(articles[0].images.len(), 1);
    assert_eq!(
        articles[0].images[0].alt.as_deref(),
        Some("The ferry leaving the north quay at dusk")
    );
    assert!(articles[1].images.is_empty() && articles[2].images.is_empty());
    let posts = pressmark::wordpress::from_slice::<Vec<pressmark::wordpress::Post>>(POSTS)
        .unwrap()
        .into_value();
    assert_eq!(
        posts
            .iter()
            .map(|p| p.embedded.is_some())
            .collect::<Vec<_>>(),
        [true, true, false]
    );
    assert_eq!(posts[2].author, Some(7));
    assert_eq!(posts[2].featured_media, Some(3168));
}

#[test]
fn wordpress_seed_article() {
    let Some(seed) = common::seed("wordpress_seed_article", "wordpress-post.json") else {
        return;
    };
    let content = pressmark::from_slice(seed.as_bytes()).unwrap();
    assert_eq!(content.kind(), ContentKind::WordPressObject);
    let a = only_article(&content);
    assert_eq!(a.source, Source::WordPress);
    assert_eq!(a.id.as_deref(), Some("1192"));
    assert_eq!(
        a.url.as_deref(),
        Some(
            "https://ochronadanych-as.pl/en/clearview-ai-fined-e5-2m-by-cnil-for-non-compliance-with-regulations/"
        )
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Clearview AI fined €5.2m by CNIL for non-compliance with regulations")
    );
    let excerpt = a.excerpt.as_deref().unwrap();
    assert!(excerpt.starts_with(
        "The French data protection authority (CNIL) has fined Clearview AI Inc. €5.2 million."
    ));
    assert!(excerpt.ends_with("Despite a two-month deadline…"));
    let body = a.body.as_deref().unwrap();
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{body}");
    assert!(paragraphs[2].starts_with("The incident is part of a wider trend in Europe"));
    assert_eq!(paragraphs[3], "Source");
    assert_eq!(a.published, Some(datetime!(2023-05-17 08:42:31 +2)));
    assert_eq!(a.modified, Some(datetime!(2023-05-17 08:42:31 +2)));
    assert_eq!(a.author.as_deref(), Some("M-Strycharz-admin"));
    let site = a.site.as_ref().unwrap();
    assert_eq!(
        (site.name.as_deref(), site.domain.as_deref()),
        (Some("AllSafe"), Some("ochronadanych-as.pl"))
    );
    assert_eq!(a.language.as_deref(), Some("en_US"));
    assert_eq!(a.categories.len(), 1);
    assert_eq!(
        (a.categories[0].id, a.categories[0].name.as_deref()),
        (Some(3), None)
    );
    assert!(a.tags.is_empty() && a.topics.is_empty() && a.related.is_empty());
    assert_eq!(a.images.len(), 1);
    let image = &a.images[0];
    assert_eq!(
        image.url,
        "https://ochronadanych-as.pl/wp-content/uploads/2020/01/Allsafe-obrazek-fb.png"
    );
    assert_eq!((image.width, image.height), (Some(600), Some(315)));

    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["source"], "wordpress");
    assert_eq!(json["published"], "2023-05-17T08:42:31+02:00");
    assert_eq!(json["categories"][0]["id"], 3);
    assert_documented_keys(&json);
}

#[test]
fn aggregator_fixture_article() {
    let content = pressmark::from_slice(NEWS_ITEM).unwrap();
    assert_eq!(content.kind(), ContentKind::NewsItem);
    let a = only_article(&content);
    assert_eq!(a.source, Source::Aggregator);
    assert_eq!(a.id, None);
    // `webUrl` before `originalUrl`.
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.example.net/news/2024/05/21/drone-trial")
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour city trials delivery drones over the water")
    );
    let excerpt = a.excerpt.as_deref().unwrap();
    assert!(
        excerpt.starts_with("The port authority will let"),
        "{excerpt:?}"
    );
    assert!(
        excerpt.contains("anything but quiet. A decision"),
        "{excerpt:?}"
    );
    assert!(excerpt.ends_with("is due in October."), "{excerpt:?}");
    assert_eq!(
        a.body, a.excerpt,
        "a news item has no body: the excerpt stands in"
    );
    assert_eq!(a.published, Some(datetime!(2024-05-21 06:40:00 UTC)));
    assert_eq!(a.modified, None);
    let site = a.site.as_ref().unwrap();
    assert_eq!(
        (site.name.as_deref(), site.domain.as_deref()),
        (Some("Example Daily"), Some("example.net"))
    );
    assert_eq!(a.topics, ["Drones", "Cities"]);
    assert_eq!(a.images.len(), 1);
    assert_eq!(
        (a.images[0].width, a.images[0].height),
        (Some(1920), Some(1080))
    );
    assert_eq!(
        a.images[0].alt.as_deref(),
        Some("A drone carrying a parcel over moored boats")
    );
    assert_eq!(a.related.len(), 3);
    let second = &a.related[1];
    assert_eq!(
        second.title.as_deref(),
        Some("\"Not over our heads\": residents petition the council")
    );
    assert_eq!(second.site.as_deref(), Some("Example Local"));
    assert_eq!(second.published, Some(datetime!(2024-05-19 00:00:00 UTC)));
    // The video has only `originalUrl`.
    assert_eq!(
        a.related[2].url.as_deref(),
        Some("https://video.example.org/watch/parcel-drones")
    );
    assert!(a.related.iter().all(|r| r.url.is_some()));
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["published"], "2024-05-21T06:40:00Z");
    assert_eq!(json["id"], serde_json::Value::Null);
    assert_documented_keys(&json);
}

#[test]
fn aggregator_seed_article() {
    let Some(seed) = common::seed("aggregator_seed_article", "aggregator-item.md") else {
        return;
    };
    let content = pressmark::from_slice(seed.as_bytes()).unwrap();
    assert_eq!(content.kind(), ContentKind::NewsItem);
    let a = only_article(&content);
    assert_eq!(a.source, Source::Aggregator);
    assert_eq!(a.id, None);
    let url = "https://www.techspot.com/news/96422-clearview-ai-fined-again-violating-gdpr-facial-recognition.html";
    assert_eq!(a.url.as_deref(), Some(url));
    assert_eq!(
        a.title.as_deref(),
        Some("Clearview AI fined for violating the European GDPR privacy law")
    );
    assert!(
        a.excerpt
            .as_deref()
            .unwrap()
            .starts_with("Clearview AI received yet another fine")
    );
    assert_eq!(
        a.body, a.excerpt,
        "a news item has no body: the excerpt stands in"
    );
    assert_eq!(a.published, Some(datetime!(2022-10-24 21:10:00 UTC)));
    assert_eq!(a.modified, None);
    let site = a.site.as_ref().unwrap();
    assert_eq!(
        (site.name.as_deref(), site.domain.as_deref()),
        (Some("TechSpot"), Some("techspot.com"))
    );
    assert_eq!(a.topics, ["AI"]);
    assert_eq!(a.images.len(), 1);
    assert_eq!(
        (a.images[0].width, a.images[0].height),
        (Some(3092), Some(2767))
    );
    assert_eq!(a.related.len(), 6);
    let first = &a.related[0];
    assert_eq!(
        first.title.as_deref(),
        Some("Law firm says ex-lawyer is trying to take over Clearview AI lawsuit")
    );
    assert_eq!(first.site.as_deref(), Some("Reuters"));
    assert_eq!(first.published, Some(datetime!(2022-10-24 17:58:00 UTC)));
    assert!(a.related.iter().all(|r| r.url.is_some()));
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["published"], "2022-10-24T21:10:00Z");
    assert_eq!(json["id"], serde_json::Value::Null);
}

#[test]
fn detection_recognises_each_input() {
    let rows: &[(&[u8], ContentKind, usize)] = &[
        (br#"[{"id":1,"title":{"rendered":"a"}},{"id":2,"type":"page"}]"#, ContentKind::WordPressCollection, 2),
        (br#"/**/cb({"id":1,"slug":"a","type":"post"})"#, ContentKind::WordPressObject, 1),
        (br#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#, ContentKind::WordPressError, 0),
        (br#"{"id":3,"name":"News","taxonomy":"category"}"#, ContentKind::WordPressObject, 0),
        (b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n<p>Body</p>\r\n", ContentKind::FrontMatter, 1),
        (b"{\n\"title\": \"json front matter\"\n}\nBody\n", ContentKind::FrontMatter, 1),
    ];
    for (input, kind, articles) in rows {
        let content = pressmark::from_slice(input)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(input)));
        assert_eq!(content.kind(), *kind, "{}", String::from_utf8_lossy(input));
        assert_eq!(
            content.articles().len(),
            *articles,
            "{}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn detection_errors_say_what_was_found() {
    let rows: &[(&[u8], ErrorKind, &str)] = &[
        (
            b"id,title\n1,a\n",
            ErrorKind::UnknownFormat,
            "unknown format: expected WordPress JSON (an object, an array or JSONP) or front matter (`---`), found `id,title\\n1,a\\n` at line 1 column 1",
        ),
        (
            b"# Just Markdown\n",
            ErrorKind::UnknownFormat,
            "unknown format: expected WordPress JSON (an object, an array or JSONP) or front matter (`---`), found `# Just Markdown\\n` at line 1 column 1",
        ),
        (
            b"[1,2]",
            ErrorKind::UnexpectedKind,
            "expected an object in the collection, found `1` in `[0]` at line 1 column 2",
        ),
        (
            b"{\"id\":\xFF}",
            ErrorKind::Syntax,
            "invalid UTF-8: byte 0xff cannot start or continue a character: the input looks like windows-1252, not UTF-8 at line 1 column 7",
        ),
        (b"---\ntitle: a\n", ErrorKind::Unclosed, ""),
    ];
    for (input, kind, want) in rows {
        let err = pressmark::from_slice(input).unwrap_err();
        assert_eq!(err.kind(), *kind, "{err}");
        if !want.is_empty() {
            assert_eq!(err.to_string(), *want);
        }
    }
    let err = pressmark::from_path("/nonexistent/file.json").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(
        err.to_string()
            .starts_with("cannot read /nonexistent/file.json:")
    );
}

#[test]
fn articles_outlive_the_input() {
    let article = {
        let bytes = NEWS_ITEM.to_vec();
        pressmark::from_slice(&bytes)
            .unwrap()
            .articles()
            .remove(0)
            .into_owned()
    };
    assert_eq!(article.topics, ["Drones", "Cities"]);
    let content = pressmark::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/wordpress/post.json"
    ))
    .unwrap();
    assert_eq!(content.articles()[0].id.as_deref(), Some("3170"));
    // And from the seed's path, when there is one.
    if let Some(path) = common::seed_path(
        "articles_outlive_the_input (from the seed's path)",
        "wordpress-post.json",
    ) {
        let content = pressmark::from_path(path).unwrap();
        assert_eq!(content.articles()[0].id.as_deref(), Some("1192"));
    }
}
