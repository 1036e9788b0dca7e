//! The static-site [`Page`] model over our fixtures, one per generator
//! (Hugo in TOML, Jekyll, Eleventy in JSON, Astro), with each one's date
//! forms, Jekyll's number category, and the [`Article`] each gives.
//!
//! [`Page`]: pressmark::frontmatter::Page
//! [`Article`]: pressmark::article::Article
#![cfg(feature = "frontmatter")]

mod common;

use pressmark::frontmatter::{self, PageDate};
use time::macros::{datetime, offset};

#[test]
fn hugo_toml_page() {
    let file = common::fixture("frontmatter/hugo-post.md");
    let doc = frontmatter::page(&file).unwrap();
    // `[author]` is a table, not a name or a list of names: kept as
    // written, in `extra`, with a warning.
    let [warning] = doc.warnings() else {
        panic!("{:?}", doc.warnings())
    };
    assert_eq!(warning.path(), Some("author"));
    assert_eq!(warning.position().map(|p| p.line()), Some(18));
    assert!(doc.author.is_empty());
    assert_eq!(doc.title.as_deref(), Some("Spring tides on the north pier"));
    assert_eq!(
        doc.published_at().unwrap().to_offset_date_time(),
        datetime!(2024-03-01 10:00 +1)
    );
    assert_eq!(
        doc.modified_at().unwrap().to_offset_date_time(),
        datetime!(2024-03-04 08:30 UTC)
    );
    assert_eq!(doc.publish_date.as_ref().unwrap().as_str(), "2024-03-01");
    let expiry = doc.expiry_date.as_ref().unwrap();
    assert_eq!((expiry.time().is_some(), expiry.offset()), (true, None));
    assert_eq!(doc.draft, Some(false));
    assert!(!doc.is_draft());
    assert_eq!(doc.slug.as_deref(), Some("spring-tides"));
    assert_eq!(
        doc.aliases.names().collect::<Vec<_>>(),
        ["/2024/03/tides/", "/tides/"]
    );
    assert_eq!(doc.tags.names().collect::<Vec<_>>(), ["sea", "weather"]);
    assert_eq!(doc.category_names().collect::<Vec<_>>(), ["Harbour"]);
    assert_eq!(doc.weight, Some(10));
    assert_eq!(doc.image_url().as_deref(), Some("/images/pier.jpg"));
    let keys: Vec<&str> = doc.extra.keys().collect();
    assert_eq!(keys, ["big", "ratio", "author", "params", "resources"]);
}

#[test]
fn jekyll_page_with_a_number_category() {
    let file = common::fixture("frontmatter/jekyll-post.md");
    let doc = frontmatter::page(&file).unwrap();
    assert!(doc.warnings().is_empty(), "{:?}", doc.warnings());
    assert_eq!(doc.category_names().collect::<Vec<_>>(), ["2013"]);
    // Kept as written: a number, which serializes back as one.
    let json = serde_json::to_value(doc.value()).unwrap();
    assert_eq!(json["category"], 2013);
    let published = doc.published_at().unwrap();
    assert_eq!(published.as_str(), "2013-06-01 10:00:00 +0200");
    assert_eq!(published.offset(), Some(offset!(+2)));
    assert_eq!(
        doc.modified_at().unwrap().to_offset_date_time(),
        datetime!(2013-06-03 08:00 +2)
    );
    assert_eq!(doc.url_path(), Some("/archive/2013-season/"));
    assert_eq!(
        doc.redirect_from.names().collect::<Vec<_>>(),
        ["/2013/season.html"]
    );
    assert_eq!(
        doc.summary_text(),
        Some("The harbour's busiest year, in numbers.")
    );
    assert_eq!(doc.author_names().collect::<Vec<_>>(), ["Ana Ruiz"]);
    assert_eq!(doc.layout.as_deref(), Some("post"));
    assert_eq!(doc.language_tag(), Some("en"));
    assert_eq!(doc.extra.keys().collect::<Vec<_>>(), ["comments"]);
}

#[test]
fn eleventy_json_and_astro_pages() {
    let eleventy = common::fixture("frontmatter/eleventy-post.md");
    let doc = frontmatter::page(&eleventy).unwrap();
    assert_eq!(
        doc.published_at().unwrap().to_offset_date_time(),
        datetime!(2024-05-02 00:00 UTC)
    );
    assert_eq!(doc.modified_at().unwrap().as_str(), "2024-05-10T09:15:00Z");
    assert_eq!(doc.url_path(), Some("/posts/tide-tables/"));
    assert_eq!(
        doc.extra.keys().collect::<Vec<_>>(),
        ["eleventyExcludeFromCollections"]
    );

    let astro = common::fixture("frontmatter/astro-post.md");
    let doc = frontmatter::page(&astro).unwrap();
    assert_eq!(doc.published_at().unwrap().as_str(), "2024-05-28");
    assert_eq!(
        doc.modified_at().unwrap().to_offset_date_time(),
        datetime!(2024-06-01 12:00 +2)
    );
    assert_eq!(
        doc.author_names().collect::<Vec<_>>(),
        ["Ana Ruiz", "Tom Weller"]
    );
    assert_eq!(doc.category_names().collect::<Vec<_>>(), ["Transport"]);
    assert_eq!(doc.image_url().as_deref(), Some("/ferry.jpg"));
    assert_eq!(doc.weight, Some(-1));

    let tagged = common::fixture("frontmatter/hugo-post-tagged.md");
    let doc = frontmatter::page(&tagged).unwrap();
    assert!(doc.is_draft());
    assert_eq!(doc.image_url().as_deref(), Some("/img/moorings.jpg"));
    assert_eq!(doc.language_tag(), Some("en-us"));
}

/// Each generator's date forms, as each accepts them, and what is not one.
#[test]
fn date_forms_of_each_generator() {
    let rows: &[(&str, Option<time::OffsetDateTime>)] = &[
        ("2024-03-01", Some(datetime!(2024-03-01 00:00 UTC))),
        (
            "2024-03-01T10:00:00+01:00",
            Some(datetime!(2024-03-01 10:00 +1)),
        ),
        (
            "2024-03-01T10:00:00Z",
            Some(datetime!(2024-03-01 10:00 UTC)),
        ),
        ("2024-03-01T10:00:00", Some(datetime!(2024-03-01 10:00 UTC))),
        (
            "2013-06-01 10:00:00 +0200",
            Some(datetime!(2013-06-01 10:00 +2)),
        ),
        (
            "2013-06-01 10:00:00 -05:00",
            Some(datetime!(2013-06-01 10:00 -5)),
        ),
        ("2013-06-01 10:00", Some(datetime!(2013-06-01 10:00 UTC))),
        (
            "2001-12-14t21:59:43.10-05:00",
            Some(datetime!(2001-12-14 21:59:43.1 -5)),
        ),
        (
            "2024-06-01T12:00:00.000+02:00",
            Some(datetime!(2024-06-01 12:00 +2)),
        ),
        ("June 1, 2024", None),
        ("2024-13-01", None),
    ];
    for (text, expected) in rows {
        assert_eq!(
            PageDate::parse(*text).map(|d| d.to_offset_date_time()),
            *expected,
            "{text}"
        );
        // Read from a page: a date that does not parse is kept, with a warning.
        let file = format!("---\ndate: \"{text}\"\n---\n");
        let doc = frontmatter::page(&file).unwrap();
        assert_eq!(doc.date.is_some(), expected.is_some(), "{text}");
        assert_eq!(
            doc.warnings().len(),
            usize::from(expected.is_none()),
            "{text}"
        );
    }
}

#[cfg(all(feature = "html", feature = "wordpress"))]
#[test]
fn pages_give_articles_through_from_slice() {
    use pressmark::ContentKind;
    use pressmark::article::Source;

    let file = common::fixture("frontmatter/jekyll-post.md");
    let content = pressmark::from_slice(file.as_bytes()).unwrap();
    assert_eq!(content.kind(), ContentKind::FrontMatter);
    let article = &content.articles()[0];
    assert_eq!(article.source, Source::Page);
    assert_eq!(article.title.as_deref(), Some("Archive: the 2013 season"));
    assert_eq!(article.url.as_deref(), Some("/archive/2013-season/"));
    assert_eq!(article.published, Some(datetime!(2013-06-01 10:00 +2)));
    assert_eq!(article.modified, Some(datetime!(2013-06-03 08:00 +2)));
    let categories: Vec<&str> = article
        .categories
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(categories, ["2013"]);
    let tags: Vec<&str> = article
        .tags
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    assert_eq!(tags, ["archive", "harbour"]);
    assert_eq!(article.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_eq!(
        article.body.as_deref(),
        Some("The harbour saw **4,200** boats in 2013.")
    );
    assert_eq!(article.images[0].url, "/assets/2013.jpg");
    let json = serde_json::to_value(article).unwrap();
    assert_eq!(json["source"], "page");

    let hugo = common::fixture("frontmatter/hugo-post.md");
    let content = pressmark::from_slice(hugo.as_bytes()).unwrap();
    let article = &content.articles()[0];
    assert_eq!(article.published, Some(datetime!(2024-03-01 10:00 +1)));
    assert_eq!(
        article.excerpt.as_deref(),
        Some("Why the water came over the pier twice in one week.")
    );

    // News items stay news items; other aggregator items stay items.
    let news = common::fixture("frontmatter/news-item.md");
    assert_eq!(
        pressmark::from_slice(news.as_bytes()).unwrap().kind(),
        ContentKind::NewsItem
    );
    let item = "---\ntitle: Admin\npublishedDateTime: 2022-10-24T21:10:00Z\nlength: PT5M\n---\n";
    assert_eq!(
        pressmark::from_slice(item.as_bytes()).unwrap().kind(),
        ContentKind::AggregatorItem
    );
}
