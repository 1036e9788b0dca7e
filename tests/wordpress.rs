//! The WordPress model on our post fixture, on the seed post (when
//! `PRESSMARK_SEEDS` is set), and on hand-written rows, one per quirk the
//! corpus README lists.
#![cfg(feature = "wordpress")]

mod common;

use pressmark::wordpress::{
    self, Discussion, Kind, Object, Post, PostFormat, PostType, Response, Status,
};
use pressmark::{ErrorKind, Text};
use time::macros::{datetime, offset};

/// A post, without the read's report.
fn post_of(json: &str) -> pressmark::Result<Post<'_>> {
    wordpress::from_str::<Post>(json).map(wordpress::Parsed::into_value)
}

/// Our post: pretty-printed as `?_pretty` sends it (`\/` and `\u20ac`
/// escapes), with raw line feeds inside `content.rendered` as a scrape keeps
/// them, Yoast, `_links` and `_embedded`.
const POST: &str = include_str!("fixtures/wordpress/post.json");

/// Serializing what was read gives `strict_json` back, as a JSON value.
fn reparse_equal(input: &str, strict_json: &str) {
    let parsed = wordpress::from_str::<Response>(input).unwrap_or_else(|e| panic!("{e}"));
    let back = serde_json::to_value(parsed.value()).unwrap();
    let want: serde_json::Value = serde_json::from_str(strict_json).unwrap();
    assert_eq!(back, want);
}

/// What holds for any post sent with raw control characters inside
/// `content.rendered` and `\/` in its Yoast `canonical`: each is repaired
/// and counted, the first is where strict reading fails, unescaped strings
/// borrow, and the post reads back as its strict JSON and outlives its
/// input.
fn check_post_as_sent(input: &str) {
    let controls = common::raw_controls(input);
    assert!(!controls.is_empty(), "no raw control character to repair");
    let (line, column) = common::line_column(input, controls[0]);

    let parsed = wordpress::from_str::<Post>(input).unwrap();
    let repairs = parsed.repairs().unwrap();
    assert_eq!(repairs.count(), controls.len());
    let first = repairs.first();
    assert_eq!(
        (first.byte(), first.line(), first.column()),
        (controls[0], line, column)
    );

    let err =
        wordpress::from_str_with::<Post>(input, &wordpress::ReadOptions::strict()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert_eq!(err.path(), Some("content.rendered"));
    assert_eq!(err.position().unwrap().byte(), controls[0]);
    assert_eq!(
        err.to_string(),
        format!(
            "control character (\\u0000-\\u001F) found while parsing a string in \
             `content.rendered` at line {line} column {column}"
        )
    );

    let post = parsed.into_value();
    assert!(post.slug.as_ref().unwrap().is_borrowed());
    let yoast = post.yoast_head_json.as_ref().unwrap();
    assert!(yoast.og_locale.as_ref().unwrap().is_borrowed());
    assert!(!yoast.canonical.as_ref().unwrap().is_borrowed()); // `\/` escapes

    reparse_equal(input, &common::strict_json(input));
    let owned = {
        let input = String::from(input);
        wordpress::from_str::<Post>(&input)
            .unwrap()
            .into_owned()
            .into_value()
    };
    assert_eq!(owned, post);
}

#[test]
fn fixture_post_as_sent() {
    check_post_as_sent(POST);
}

#[test]
fn fixture_post() {
    let parsed = wordpress::from_str::<Post>(POST).unwrap();
    let post = parsed.value();
    assert_eq!(post.id, Some(3170));
    assert_eq!(
        post.title_html().unwrap(),
        "Library&#8217;s late opening &#8211; a €40,000 trial"
    );
    assert_eq!(post.post_type, Some(PostType::Post));
    assert_eq!(post.status, Some(Status::Publish));
    assert_eq!(post.format, Some(PostFormat::Standard));
    assert_eq!(post.comment_status, Some(Discussion::Open));
    assert_eq!(post.ping_status, Some(Discussion::Closed));
    assert_eq!((post.author, post.featured_media), (Some(7), Some(3168)));
    assert_eq!(post.categories.as_ref().unwrap().as_slice(), [5, 12]);
    assert_eq!(post.tags.as_ref().unwrap().as_slice(), [31, 40]);
    let classes = post.class_list.as_ref().unwrap();
    assert_eq!(classes.len(), 11);
    assert_eq!(
        (classes[0].as_str(), classes[10].as_str()),
        ("post-3170", "tag-students")
    );
    assert_eq!(post.meta.as_ref().unwrap().len(), 1);
    assert_eq!(post.utc_offset(), Some(offset!(+2)));
    assert_eq!(post.published(), Some(datetime!(2024-06-03 10:15:00 +2)));
    assert_eq!(post.date_local(), Some(datetime!(2024-06-03 10:15:00)));
    assert_eq!(post.modified_at(), Some(datetime!(2024-06-04 09:02:17 +2)));
    let yoast = post.yoast_head_json.as_ref().unwrap();
    assert_eq!(
        yoast.og_title.as_deref(),
        Some("Library’s late opening – a €40,000 trial - Northfield Gazette")
    );
    assert_eq!(yoast.og_image.as_ref().unwrap()[0].width, Some(1200));
    assert_eq!(
        yoast.robots.as_ref().unwrap().get("max-snippet").unwrap(),
        "max-snippet:-1"
    );
    assert_eq!(
        yoast
            .twitter_misc
            .as_ref()
            .unwrap()
            .get("Est. reading time")
            .unwrap(),
        "2 minutes"
    );
    assert_eq!(yoast.published(), Some(datetime!(2024-06-03 08:15:00 UTC)));
    assert!(yoast.schema.as_ref().unwrap().get().contains("NewsArticle"));
    let links = post.links.as_ref().unwrap().read().unwrap();
    assert_eq!(
        links.relations().collect::<Vec<_>>(),
        [
            "self",
            "collection",
            "about",
            "author",
            "replies",
            "version-history",
            "predecessor-version",
            "wp:featuredmedia",
            "wp:attachment",
            "wp:term",
            "curies"
        ]
    );
    assert_eq!(links.get("https://api.w.org/term").unwrap().len(), 2);
    assert_eq!(links.get("version-history").unwrap()[0].count, Some(2));
    assert_eq!(links.get("predecessor-version").unwrap()[0].id, Some(3175));
    assert_eq!(
        links.get("self").unwrap()[0].href().unwrap(),
        "https://gazette.example.org/wp-json/wp/v2/posts/3170"
    );
    let allow = links.get("self").unwrap()[0].target_hints.as_ref().unwrap();
    assert_eq!(allow.get("allow").unwrap(), &[Text::borrowed("GET")]);

    let embedded = post.embedded.as_ref().unwrap().read().unwrap();
    let author = embedded.author.as_ref().unwrap()[0].item().unwrap();
    assert_eq!(
        (author.id, author.name.as_deref()),
        (Some(7), Some("Tom Okafor"))
    );
    assert_eq!(author.avatar_urls.as_ref().unwrap().len(), 3);
    let media = embedded.featured_media.as_ref().unwrap()[0].item().unwrap();
    assert_eq!(media.id, post.featured_media);
    assert_eq!(
        media.alt_text.as_deref(),
        Some("Readers at long tables under lamps in the library")
    );
    let details = media.media_details.as_ref().unwrap();
    assert_eq!((details.width, details.height), (Some(1200), Some(800)));
    let sizes = details.sizes.as_ref().unwrap();
    assert_eq!(sizes.len(), 3);
    let thumbnail = sizes.get("thumbnail").unwrap();
    assert_eq!((thumbnail.width, thumbnail.height), (Some(150), Some(150)));
    assert_eq!(
        thumbnail.source_url.as_deref(),
        Some("https://gazette.example.org/wp-content/uploads/2024/06/library-evening-150x150.jpg")
    );
    // One inner list per taxonomy link: categories, then tags, by id.
    let terms: Vec<Vec<(Option<u64>, &str, &str)>> = embedded
        .terms
        .as_ref()
        .unwrap()
        .iter()
        .map(|list| {
            list.iter()
                .map(|t| {
                    let t = t.item().unwrap();
                    (
                        t.id,
                        t.name.as_deref().unwrap(),
                        t.taxonomy.as_deref().unwrap(),
                    )
                })
                .collect()
        })
        .collect();
    assert_eq!(
        terms,
        [
            vec![
                (Some(5), "Libraries", "category"),
                (Some(12), "Council &amp; budget", "category")
            ],
            vec![
                (Some(31), "opening hours", "post_tag"),
                (Some(40), "students", "post_tag")
            ],
        ]
    );

    // The content holds raw line feeds: repaired (see `check_post_as_sent`).
    assert!(parsed.repairs().is_some());
    let content = post.content_html().unwrap();
    assert!(content.starts_with("\n<p>The town library will stay open"));
    assert_eq!(
        content.matches('\n').count(),
        common::raw_controls(POST).len()
    );
    assert!(
        post.extra.is_empty(),
        "{:?}",
        post.extra.keys().collect::<Vec<_>>()
    );
}

#[test]
fn seed_post() {
    let Some(seed) = common::seed("seed_post", "wordpress-post.json") else {
        return;
    };
    let parsed = wordpress::from_str::<Post>(&seed).unwrap();
    let post = parsed.value();
    assert_eq!(post.id, Some(1192));
    assert_eq!(
        post.title_html().unwrap(),
        "Clearview AI fined €5.2m by CNIL for non-compliance with regulations"
    );
    assert_eq!(post.post_type, Some(PostType::Post));
    assert_eq!(post.status, Some(Status::Publish));
    assert_eq!(post.format, Some(PostFormat::Standard));
    assert_eq!(post.comment_status, Some(Discussion::Closed));
    let classes = post.class_list.as_ref().unwrap();
    assert_eq!(
        classes.as_slice(),
        [
            "post-1192",
            "post",
            "type-post",
            "status-publish",
            "format-standard",
            "hentry",
            "category-uncategorized"
        ]
    );
    assert_eq!(post.utc_offset(), Some(offset!(+2)));
    assert_eq!(post.published(), Some(datetime!(2023-05-17 08:42:31 +2)));
    assert_eq!(post.date_local(), Some(datetime!(2023-05-17 08:42:31)));
    let yoast = post.yoast_head_json.as_ref().unwrap();
    assert_eq!(
        yoast.og_title.as_deref(),
        Some("Clearview AI fined €5.2m by CNIL for non-compliance with regulations - AllSafe")
    );
    assert_eq!(yoast.og_image.as_ref().unwrap()[0].width, Some(600));
    assert_eq!(
        yoast.robots.as_ref().unwrap().get("max-snippet").unwrap(),
        "max-snippet:-1"
    );
    assert_eq!(
        yoast
            .twitter_misc
            .as_ref()
            .unwrap()
            .get("Est. reading time")
            .unwrap(),
        "1 minute"
    );
    assert_eq!(yoast.published(), Some(datetime!(2023-05-17 06:42:31 UTC)));
    let links = post.links.as_ref().unwrap().read().unwrap();
    assert_eq!(
        links.relations().collect::<Vec<_>>(),
        [
            "self",
            "collection",
            "about",
            "author",
            "replies",
            "version-history",
            "predecessor-version",
            "wp:attachment",
            "wp:term",
            "curies"
        ]
    );
    assert_eq!(links.get("https://api.w.org/term").unwrap().len(), 2);
    assert_eq!(links.get("version-history").unwrap()[0].count, Some(1));
    assert_eq!(links.get("predecessor-version").unwrap()[0].id, Some(1193));
    assert_eq!(
        links.get("self").unwrap()[0].href().unwrap(),
        "https://ochronadanych-as.pl/en/wp-json/wp/v2/posts/1192"
    );
    let allow = links.get("self").unwrap()[0].target_hints.as_ref().unwrap();
    assert_eq!(allow.get("allow").unwrap(), &[Text::borrowed("GET")]);
    // The content holds raw newlines: repaired and reported.
    let repairs = parsed.repairs().unwrap();
    assert!(repairs.count() > 5, "{}", repairs.count());
    assert_eq!(repairs.first().line(), 1);
    assert!(
        post.content_html()
            .unwrap()
            .starts_with("\nThe French data protection authority")
    );
    assert!(
        post.extra.is_empty(),
        "{:?}",
        post.extra.keys().collect::<Vec<_>>()
    );
    check_post_as_sent(&seed);
}

#[test]
fn quirk_meta_empty_array() {
    let json = r#"{"id":1,"meta":[]}"#;
    let post = post_of(json).unwrap();
    let meta = post.meta.as_ref().unwrap();
    assert!(meta.is_empty() && meta.sent_as_array());
    assert_eq!(serde_json::to_string(&post).unwrap(), json);
    let err = post_of(r#"{"meta":[1]}"#).unwrap_err();
    assert_eq!(err.path(), Some("meta"));
}

#[test]
fn quirk_links_empty_array() {
    let json = r#"{"id":1,"_links":[]}"#;
    let post = post_of(json).unwrap();
    assert!(post.links.as_ref().unwrap().read().unwrap().is_empty());
    assert_eq!(serde_json::to_string(&post).unwrap(), json);
    // `_links` is read when asked for: a non-empty array is an error then.
    let post = post_of(r#"{"_links":[{"href":"x"}]}"#).unwrap();
    let err = post.links.as_ref().unwrap().read().unwrap_err();
    assert_eq!(err.path(), Some("_links"));
    // Relations keep their links apart, in order, in one vector.
    let json = r#"{"_links":{"a":[{"href":"1"},{"href":"2"}],"b":[],"c":[{"href":"3"}]}}"#;
    let post = post_of(json).unwrap();
    let links = post.links.as_ref().unwrap().read().unwrap();
    let hrefs = |rel| -> Vec<String> {
        links
            .get(rel)
            .unwrap()
            .iter()
            .map(|l| l.href().unwrap().into_string())
            .collect()
    };
    assert_eq!(
        (hrefs("a"), hrefs("b"), hrefs("c")),
        (vec!["1".into(), "2".into()], vec![], vec!["3".into()])
    );
    assert_eq!(serde_json::to_string(&post).unwrap(), json);
}

#[test]
fn quirk_class_list_object_with_numeric_keys() {
    let json = r#"{"class_list":{"0":"post-7","1":"post","3":"hentry"}}"#;
    let post = post_of(json).unwrap();
    assert_eq!(
        post.class_list.as_ref().unwrap().as_slice(),
        ["post-7", "post", "hentry"]
    );
    assert_eq!(serde_json::to_string(&post).unwrap(), json);
}

#[test]
fn quirk_numbers_as_strings() {
    let json = r#"{"id":"12","author":"3","yoast_head_json":{"og_image":[{"width":"600","height":315,"id":"77"}]}}"#;
    let post = post_of(json).unwrap();
    assert_eq!((post.id, post.author), (Some(12), Some(3)));
    let image = &post
        .yoast_head_json
        .as_ref()
        .unwrap()
        .og_image
        .as_ref()
        .unwrap()[0];
    assert_eq!(
        (image.width, image.height, image.id),
        (Some(600), Some(315), Some(77))
    );
    assert_eq!(serde_json::to_string(&post).unwrap(), json);
    // A string that is no number is kept as sent, in `extra`.
    let json = r#"{"yoast_head_json":{"og_image":[{"width":"","url":"u"}]}}"#;
    let post = post_of(json).unwrap();
    let image = &post
        .yoast_head_json
        .as_ref()
        .unwrap()
        .og_image
        .as_ref()
        .unwrap()[0];
    assert_eq!(
        (image.width, image.extra.get("width").unwrap().get()),
        (None, r#""""#)
    );
    let want: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_value(&post).unwrap(), want);
    // Another type is an error that names the field and points at the value.
    let err = post_of(r#"{"yoast_head_json":{"og_image":[{"width":true}]}}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidType);
    assert_eq!(err.path(), Some("yoast_head_json.og_image[0].width"));
    assert_eq!(err.position().unwrap().column(), 42);
}

#[test]
fn quirk_rendered_sent_as_a_bare_string() {
    let json = r#"{"id":9,"type":"attachment","caption":"","description":{"rendered":"<p>d</p>"}}"#;
    let media = wordpress::from_str::<wordpress::Media>(json).unwrap();
    assert_eq!(media.caption.as_ref().unwrap().html().unwrap(), "");
    let want: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_value(media.value()).unwrap(), want);
}

#[test]
fn quirk_acf_false_beside_object() {
    let json = r#"[{"id":1,"acf":false},{"id":2,"acf":{"rating":5,"tags":[]}}]"#;
    let posts = wordpress::from_str::<Vec<Post>>(json).unwrap().into_value();
    assert_eq!(posts[0].extra.get("acf").unwrap().get(), "false");
    assert_eq!(
        posts[1].extra.get("acf").unwrap().get(),
        r#"{"rating":5,"tags":[]}"#
    );
    assert_eq!(serde_json::to_string(&posts).unwrap(), json);
}

#[test]
fn quirk_title_entities_kept_in_rendered_html() {
    let post = post_of(r#"{"title":{"rendered":"Don&#8217;t &#038; won&#8217;t"}}"#).unwrap();
    assert_eq!(post.title_html().unwrap(), "Don&#8217;t &#038; won&#8217;t");
    assert!(post.title_html().unwrap().is_borrowed());
    #[cfg(feature = "html")]
    assert_eq!(post.title_text().unwrap(), "Don’t & won’t");
}

#[test]
fn null_and_zero_dates_are_none() {
    let json = r#"{"date":null,"date_gmt":"0000-00-00 00:00:00","modified":"-0001-11-30T00:00:00","modified_gmt":null}"#;
    let post = post_of(json).unwrap();
    assert_eq!(post.published(), None);
    assert_eq!(post.date_local(), None);
    assert_eq!(post.modified.as_ref().unwrap().value(), None);
    assert_eq!(serde_json::to_string(&post).unwrap(), json);
}

#[test]
fn invalid_date_is_an_error_with_path() {
    let err = post_of(r#"{"id":1,"date":"yesterday"}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidValue);
    assert_eq!(err.path(), Some("date"));
    assert_eq!(
        err.message(),
        "invalid date: expected `YYYY-MM-DDTHH:MM:SS`, found `yesterday`"
    );
    assert_eq!(err.position().unwrap().column(), 16);
    let err = post_of(r#"{"content":{"rendered":5}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: integer `5`, expected a string in `content.rendered` at line 1 column 24"
    );
}

#[test]
fn fields_subset_parses() {
    let post = post_of(r#"{"id":5,"title":{"rendered":"Hi"}}"#).unwrap();
    assert_eq!(post.id, Some(5));
    assert_eq!(post.content, None);
}

/// An object of no clear kind reads as a post when it has no keys, or one
/// of the post model's keys in any form: typed, `null`, or a number field
/// sent a word (kept in `extra`).
#[test]
fn fields_subset_of_no_clear_kind() {
    for json in [
        "{}",
        r#"{"meta":{"views":3},"views":3}"#,
        r#"{"menu_order":null,"views":3}"#,
        r#"{"parent":"none","views":3}"#,
    ] {
        let post = post_of(json);
        assert!(post.is_ok(), "{json}: {post:?}");
    }
    let err = post_of(r#"{"acf":{},"views":3}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedKind);
}

#[test]
fn pages_and_custom_post_types_share_the_model() {
    let page = post_of(r#"{"id":2,"type":"page","parent":0,"menu_order":3}"#).unwrap();
    assert_eq!(
        (page.post_type, page.menu_order),
        (Some(PostType::Page), Some(3))
    );
    let cpt = post_of(r#"{"id":3,"type":"recipe","genre":[4,5]}"#).unwrap();
    assert_eq!(cpt.post_type.unwrap().as_str(), "recipe");
    assert_eq!(cpt.extra.get("genre").unwrap().get(), "[4,5]");
}

#[test]
fn unknown_enum_values_are_kept() {
    let json = r#"{"status":"archived","format":"essay","comment_status":"registered"}"#;
    let post = post_of(json).unwrap();
    assert_eq!(post.status.as_ref().unwrap().as_str(), "archived");
    assert_eq!(post.format.as_ref().unwrap().as_str(), "essay");
    let want: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(serde_json::to_value(&post).unwrap(), want);
}

#[test]
fn unknown_keys_keep_input_order() {
    let json = r#"{"zeta":1,"id":1,"alpha":{"x":[true]},"featured_image":"https://e.x/i.jpg"}"#;
    let post = post_of(json).unwrap();
    assert_eq!(
        post.extra.keys().collect::<Vec<_>>(),
        ["zeta", "alpha", "featured_image"]
    );
}

#[test]
fn input_forms() {
    // Each post has a `date_gmt`, which tells a WordPress post from
    // another API's object.
    let rows: &[(&str, usize)] = &[
        ("\u{feff}{\"id\":1,\"date_gmt\":null}", 1),
        ("/**/cb({\"id\":1,\"date_gmt\":null});", 1),
        (
            "[{\"id\":1,\"date_gmt\":null},{\"id\":2,\"date_gmt\":null}]",
            2,
        ),
        (
            "{\"body\":[{\"id\":1,\"date_gmt\":null},{\"id\":2},{\"id\":3}],\"status\":200,\"headers\":{\"X-WP-Total\":3}}",
            3,
        ),
    ];
    for (input, posts) in rows {
        let parsed = wordpress::from_str::<Response>(input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.posts().count(), *posts, "{input}");
    }
    let enveloped = wordpress::from_str::<Vec<Post>>(rows[3].0).unwrap();
    assert_eq!(enveloped.envelope().unwrap().status, Some(200));
    let jsonp = wordpress::from_str::<Post>(rows[1].0).unwrap();
    assert_eq!(jsonp.callback().map(|c| c.as_str()), Some("cb"));
}

#[test]
fn error_response_is_a_typed_api_error() {
    let json =
        r#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#;
    let response = wordpress::from_str::<Response>(json).unwrap().into_value();
    let Response::Single(Object::Error(err)) = response else {
        panic!("{response:?}")
    };
    assert_eq!(
        (err.code.as_deref(), err.status()),
        (Some("rest_post_invalid_id"), Some(404))
    );
    let err = wordpress::from_str::<Vec<Post>>(json).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
}

#[test]
fn term_or_user_where_a_post_was_expected() {
    let rows = [
        (
            r#"{"id":3,"count":2,"name":"News","slug":"news","taxonomy":"category"}"#,
            "expected a post object, found a term object (it has `taxonomy`) at line 1 column 1",
        ),
        (
            r#"  {"id":2,"name":"Ann","slug":"ann","avatar_urls":{"24":"a"}}"#,
            "expected a post object, found a user object (it has `avatar_urls`) at line 1 column 3",
        ),
        (
            r#"{"name":"my-theme","mode":"light"}"#,
            "expected a post object, found an object with none of the keys of a wordpress object at line 1 column 1",
        ),
    ];
    for (json, want) in rows {
        let err = post_of(json).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnexpectedKind);
        assert_eq!(err.to_string(), want);
    }
    // In a collection, the term is set aside; all or nothing, it fails the
    // read.
    let json = "[{\"id\":1},\n {\"id\":2,\"taxonomy\":\"post_tag\"}]";
    let parsed = wordpress::from_str::<Vec<Post>>(json).unwrap();
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed.failures()[0].error.path(), Some("[1]"));
    let err =
        wordpress::from_str_with::<Vec<Post>>(json, &wordpress::ReadOptions::strict()).unwrap_err();
    assert_eq!(err.path(), Some("[1]"));
    assert_eq!(
        (
            err.position().unwrap().line(),
            err.position().unwrap().column()
        ),
        (2, 2)
    );
}

#[test]
fn garbage_and_truncation_say_what_and_where() {
    let rows: &[(&str, ErrorKind, &str)] = &[
        (
            "<html>",
            ErrorKind::Syntax,
            "expected a JSON value at line 1 column 1",
        ),
        (
            "{\"id\":1,\n\"title\":{\"rendered\":\"Hi",
            ErrorKind::UnexpectedEof,
            "unexpected end of input while parsing a string in `title.rendered` at line 2 column 24",
        ),
        (
            "{\"id\":1} x",
            ErrorKind::Syntax,
            "unexpected characters after the JSON value at line 1 column 10",
        ),
        (
            "{\"id\":true}",
            ErrorKind::InvalidType,
            "invalid type: boolean `true`, expected an integer (or a string) in `id` at line 1 column 7",
        ),
        (
            "{\"id\":1,\"id\":2}",
            ErrorKind::DuplicateKey,
            "duplicate field `id` at line 1 column 9",
        ),
        // The first kept in `extra` as sent (not a number), after a key
        // no model knows.
        (
            "{\"x\":1,\"id\":\"abc\",\"id\":2}",
            ErrorKind::DuplicateKey,
            "duplicate field `id` at line 1 column 19",
        ),
        (
            "{\"author\":null,\"author\":2}",
            ErrorKind::DuplicateKey,
            "duplicate field `author` at line 1 column 16",
        ),
    ];
    for (input, kind, want) in rows {
        let err = post_of(input).unwrap_err();
        assert_eq!(
            (err.kind(), err.to_string().as_str()),
            (*kind, *want),
            "{input}"
        );
    }
}

#[test]
fn embedded_objects_and_failed_embeds() {
    let json = r#"{"id":1,"_embedded":{
        "author":[{"id":2,"name":"Ann","avatar_urls":{"24":"https://e.x/a.png"}}],
        "wp:featuredmedia":[{"id":9,"media_type":"image","media_details":{"width":800,"height":600,
            "sizes":{"thumbnail":{"width":150,"height":150,"source_url":"https://e.x/t.jpg"}},
            "image_meta":{"aperture":"0"}}}],
        "wp:term":[[{"id":3,"name":"News","taxonomy":"category"}],[]],
        "replies":[[{"id":4,"post":1,"author_name":"Bo","content":{"rendered":"<p>Yes</p>"}}]],
        "up":[{"code":"rest_forbidden","message":"Sorry.","data":{"status":401}}]}}"#;
    let post = post_of(json).unwrap();
    let e = post.embedded.as_ref().unwrap().read().unwrap();
    assert_eq!(
        e.author.as_ref().unwrap()[0]
            .item()
            .unwrap()
            .name
            .as_deref(),
        Some("Ann")
    );
    let media = e.featured_media.as_ref().unwrap()[0].item().unwrap();
    let details = media.media_details.as_ref().unwrap();
    assert_eq!(
        details
            .sizes
            .as_ref()
            .unwrap()
            .get("thumbnail")
            .unwrap()
            .width,
        Some(150)
    );
    assert_eq!(e.terms.as_ref().unwrap()[1].len(), 0);
    assert_eq!(
        e.replies.as_ref().unwrap()[0][0]
            .item()
            .unwrap()
            .author_name
            .as_deref(),
        Some("Bo")
    );
    assert_eq!(
        e.up.as_ref().unwrap()[0].error().unwrap().status(),
        Some(401)
    );
    reparse_equal(json, json);
}

#[test]
fn terms_users_media_parse_on_their_own() {
    let terms = wordpress::from_str::<Vec<wordpress::Term>>(
        r#"[{"id":1,"name":"A","taxonomy":"category","count":"4"}]"#,
    )
    .unwrap();
    assert_eq!(terms[0].count, Some(4));
    let response = wordpress::from_str::<Response>(
        r#"[{"id":1,"name":"A","taxonomy":"category"},{"id":2,"name":"Bo","slug":"bo","avatar_urls":{}},{"id":9,"type":"attachment","source_url":"x"}]"#,
    )
    .unwrap();
    let kinds: Vec<Kind> = response.objects().map(Object::kind).collect();
    assert_eq!(kinds, [Kind::Term, Kind::User, Kind::Media]);
}

#[test]
fn into_owned_outlives_the_input() {
    let post = {
        let input = String::from(POST);
        wordpress::from_str::<Post>(&input)
            .unwrap()
            .into_owned()
            .into_value()
    };
    assert_eq!(post.id, Some(3170));
    assert_eq!(
        post.yoast_head_json.unwrap().og_site_name.as_deref(),
        Some("Northfield Gazette")
    );
}

#[test]
fn items_read_one_at_a_time() {
    let json = "[{\"id\":1},{\"id\":true},\n{\"id\":3,\"content\":{\"rendered\":\"a\nb\"}}]";
    let results: Vec<_> = wordpress::items::<Post>(json).unwrap().collect();
    assert_eq!(results[0].as_ref().unwrap().id, Some(1));
    let err = results[1].as_ref().unwrap_err();
    assert_eq!(err.path(), Some("[1].id"));
    let third = results[2].as_ref().unwrap();
    assert_eq!(third.content_html().unwrap(), "a\nb");
}

#[test]
fn items_report_the_raw_control_characters_of_the_whole_collection() {
    // A line feed between items (whitespace), then one inside the third
    // item's content and a tab inside the fourth's slug (repairs).
    let json = "[{\"id\":1},{\"id\":2},\n{\"id\":3,\"content\":{\"rendered\":\"a\nb\"}},{\"slug\":\"c\td\"}]";
    let items = wordpress::items::<Post>(json).unwrap();
    // Known before any item is read, and the same as `from_str` reports.
    let repairs = items.repairs().unwrap();
    assert_eq!(
        repairs,
        wordpress::from_str::<Vec<Post>>(json)
            .unwrap()
            .repairs()
            .unwrap()
    );
    assert_eq!(repairs.count(), 2);
    assert_eq!((repairs.first().line(), repairs.first().column()), (2, 33));
    assert_eq!(items.filter(Result::is_ok).count(), 4);
    assert!(
        wordpress::items::<Post>("[{\"id\":1}]")
            .unwrap()
            .repairs()
            .is_none()
    );
}
