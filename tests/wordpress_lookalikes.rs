//! Issue 25's cases: each WordPress resource read as what it is, and JSON
//! that is not WordPress said to be so. Each failed before: a post type
//! failed on its `template`, settings and oEmbed responses became posts, a
//! status became a user, a Store API product list failed as mistyped
//! posts, any array of `{id, title}` objects was read as posts, and edit
//! context fields were left in `extra`.
#![cfg(feature = "wordpress")]

use pressmark::ErrorKind;
use pressmark::wordpress::{self, Kind, Object, Response};

/// The kinds of the objects `json` holds, read as a [`Response`].
fn kinds(json: &str) -> Vec<Kind> {
    wordpress::from_str::<Response>(json)
        .unwrap_or_else(|e| panic!("{e}: {json}"))
        .objects()
        .map(Object::kind)
        .collect()
}

#[test]
fn post_type_with_a_template_array_is_a_post_type() {
    assert_eq!(
        kinds(r#"{"rest_base":"posts","template":[]}"#),
        [Kind::PostType]
    );
    let json = r#"{"capabilities":{"edit_post":"edit_post"},"description":"","hierarchical":false,
        "viewable":true,"labels":{"name":"Posts","parent_item_colon":null},"name":"Posts","slug":"post",
        "supports":{"title":true,"editor":true},"has_archive":false,"taxonomies":["category","post_tag"],
        "rest_base":"posts","rest_namespace":"wp/v2","visibility":{"show_in_nav_menus":true,"show_ui":true},
        "icon":"dashicons-admin-post","template":[["core/paragraph",{"placeholder":"Write"}]],
        "template_lock":false}"#;
    let post_type = wordpress::from_str::<wordpress::PostTypeObject>(json).unwrap();
    assert_eq!(post_type.viewable, Some(true));
    assert_eq!(
        post_type.labels.as_ref().unwrap().get("parent_item_colon"),
        Some(&None)
    );
    assert!(post_type.extra.is_empty(), "{:?}", post_type.extra);
}

#[test]
fn settings_and_oembed_are_not_articles() {
    let settings = r#"{"title":"Tides","description":"Sea news","url":"https://e.x","email":"a@e.x",
        "timezone":"Europe/Paris","date_format":"F j, Y","time_format":"g:i a","start_of_week":1,
        "language":"fr_FR","use_smilies":true,"default_category":1,"default_post_format":"0",
        "posts_per_page":10,"show_on_front":"posts","page_on_front":0,"page_for_posts":0,
        "default_ping_status":"open","default_comment_status":"open","site_logo":null,"site_icon":12}"#;
    assert_eq!(kinds(settings), [Kind::Settings]);
    let oembed = r#"{"version":"1.0","provider_name":"Tides","provider_url":"https://e.x",
        "author_name":"Ann","author_url":"https://e.x/author/ann/","title":"High water","type":"rich",
        "width":600,"height":338,"html":"<blockquote>High water<\/blockquote>"}"#;
    assert_eq!(kinds(oembed), [Kind::OEmbed]);
    // The proxy relays another provider's answer.
    let proxy = r#"{"type":"video","version":"1.0","title":"Tides","html":"<iframe><\/iframe>",
        "width":480,"height":270,"thumbnail_url":"https://i.e.x/t.jpg"}"#;
    assert_eq!(kinds(proxy), [Kind::OEmbed]);
    #[cfg(all(feature = "html", feature = "frontmatter"))]
    for json in [settings, oembed, proxy] {
        let content = pressmark::from_slice(json.as_bytes()).unwrap();
        assert!(content.articles().is_empty(), "{json}");
    }
}

#[test]
fn post_status_is_a_status_not_a_user() {
    let json = r#"{"name":"Published","private":false,"protected":false,"public":true,"queryable":true,
        "show_in_list":true,"slug":"publish","date_floating":false,
        "_links":{"archives":[{"href":"https://e.x/wp-json/wp/v2/posts"}]}}"#;
    assert_eq!(kinds(json), [Kind::Status]);
}

#[test]
fn store_api_products_are_products_not_mistyped_posts() {
    let json = r#"[{"id":34,"name":"Tide clock","slug":"tide-clock","parent":0,"type":"simple",
        "variation":"","permalink":"https://e.x/product/tide-clock/","sku":"TC-1",
        "short_description":"<p>Tells the tide.<\/p>","description":"<p>A clock that tells the tide.<\/p>",
        "on_sale":true,"prices":{"price":"1999","regular_price":"2400","sale_price":"1999",
        "price_range":null,"currency_code":"EUR","currency_symbol":"€","currency_minor_unit":2,
        "currency_decimal_separator":",","currency_thousand_separator":".","currency_prefix":"",
        "currency_suffix":" €"},"price_html":"<del>24,00 €<\/del>","average_rating":"4.50",
        "review_count":2,"images":[{"id":35,"src":"https://e.x/clock.jpg","thumbnail":"https://e.x/clock-300.jpg",
        "srcset":"","sizes":"","name":"clock.jpg","alt":"A tide clock"}],
        "categories":[{"id":15,"name":"Clocks","slug":"clocks","link":"https://e.x/c/clocks/"}],
        "tags":[],"brands":[],"attributes":[],"variations":[],"has_options":false,"is_purchasable":true,
        "is_in_stock":true,"is_on_backorder":false,"low_stock_remaining":null,
        "stock_availability":{"text":"","class":"in-stock"},"sold_individually":false,
        "add_to_cart":{"text":"Add to cart","description":"Add to your cart","url":"?add-to-cart=34",
        "minimum":1,"maximum":9999,"multiple_of":1},"extensions":{}}]"#;
    assert_eq!(kinds(json), [Kind::Product]);
    let parsed = wordpress::from_str::<Response>(json).unwrap();
    let product = parsed.products().next().unwrap();
    let prices = product.prices.as_ref().unwrap();
    assert_eq!(
        (prices.price.as_deref(), prices.currency_minor_unit),
        (Some("1999"), Some(2))
    );
    assert_eq!(
        product.images.as_ref().unwrap()[0].alt.as_deref(),
        Some("A tide clock")
    );
    assert_eq!(
        serde_json::to_value(parsed.value()).unwrap(),
        serde_json::from_str::<serde_json::Value>(json).unwrap()
    );
}

/// JSON from elsewhere: none of it is read as WordPress.
#[test]
fn lookalikes_are_not_a_wordpress_response() {
    let likes: String = format!(
        "[{}]",
        (1..=1985)
            .map(|i| format!(r#"{{"id":{i},"title":"Photo {i}","likes":{}}}"#, i * 7))
            .collect::<Vec<_>>()
            .join(",")
    );
    let rows: &[(&str, &str)] = &[
        (&likes, "`id`, `title`, `likes`"),
        (
            r#"{"name":"tides","version":"1.0.0","main":"index.js","scripts":{"test":"jest"},"dependencies":{}}"#,
            "`name`, `version`, `main`, `scripts`, `dependencies`",
        ),
        // Ghost's Admin API export.
        (
            r#"{"posts":[{"id":"5b7ada404f87d200b5b1f9c8","uuid":"a","title":"Tides","slug":"tides","html":"<p>x</p>","status":"published"}]}"#,
            "`posts`",
        ),
        // Drupal's JSON:API.
        (
            r#"{"jsonapi":{"version":"1.0"},"data":[{"type":"node--article","id":"9f3b","attributes":{"title":"Tides"},"links":{"self":{"href":"https://e.x/jsonapi/node/article/9f3b"}}}]}"#,
            "`jsonapi`, `data`",
        ),
        // Strapi.
        (
            r#"{"data":[{"id":1,"attributes":{"title":"Tides","createdAt":"2024-03-01T09:00:00.000Z"}}],"meta":{"pagination":{"page":1}}}"#,
            "`data`, `meta`",
        ),
        // Another API's items with an `id`, a `type` and no link.
        (
            r#"[{"id":7,"type":"PushEvent","actor":{"login":"ann"},"created_at":"2024-03-01T09:00:00Z"}]"#,
            "`id`, `type`, `actor`, `created_at`",
        ),
    ];
    for (json, keys) in rows {
        let err = wordpress::from_str::<Response>(json).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownFormat, "{err}");
        assert!(
            err.message().starts_with(
                "not a WordPress response: expected `_links` with `api.w.org` relations"
            ),
            "{err}"
        );
        assert!(err.message().contains(keys), "{err}");
        #[cfg(feature = "frontmatter")]
        {
            let err = pressmark::from_slice(json.as_bytes()).unwrap_err();
            assert!(
                err.message().starts_with("not a WordPress response"),
                "{err}"
            );
        }
    }
}

/// What still reads: WordPress objects that carry few keys.
#[test]
fn sparse_wordpress_objects_are_recognised() {
    let rows: &[(&str, Kind)] = &[
        // `?_fields=id,type,link`.
        (
            r#"{"id":1,"type":"page","link":"https://e.x/?page_id=1"}"#,
            Kind::Post,
        ),
        (r#"{"id":1,"date_gmt":"2024-03-01T09:00:00"}"#, Kind::Post),
        (r#"{"id":1,"title":{"rendered":"A"}}"#, Kind::Post),
        (
            r#"{"id":1,"name":"Ann","slug":"ann","link":"https://e.x/author/ann/"}"#,
            Kind::User,
        ),
        (
            r#"{"id":3,"name":"News","slug":"news","link":"https://e.x/category/news/"}"#,
            Kind::Term,
        ),
        (
            r#"{"id":9,"_links":{"self":[{"href":"https://e.x/wp-json/wp/v2/things/9"}]}}"#,
            Kind::Other,
        ),
        (
            r#"{"id":1,"parent":7,"slug":"7-autosave-v1","title":{"rendered":""},"content":{"rendered":"x"}}"#,
            Kind::Autosave,
        ),
        (
            r#"{"id":8,"parent":7,"slug":"7-revision-v1","title":{"rendered":"A"}}"#,
            Kind::Revision,
        ),
    ];
    for (json, kind) in rows {
        assert_eq!(kinds(json), [*kind], "{json}");
    }
}

#[test]
fn edit_context_fields_are_typed() {
    let user = wordpress::from_str::<wordpress::User>(
        r#"{"id":2,"username":"ann","name":"Ann","first_name":"Ann","last_name":"Lee","email":"ann@e.x",
        "url":"","description":"","link":"https://e.x/author/ann/","locale":"en_US","nickname":"ann",
        "slug":"ann","registered_date":"2017-02-14T00:00:00+00:00","roles":["editor"],
        "capabilities":{"edit_posts":true},"extra_capabilities":{"editor":true},"avatar_urls":{},"meta":[]}"#,
    )
    .unwrap();
    assert!(user.extra.is_empty(), "{:?}", user.extra);
    assert_eq!(user.roles.as_ref().unwrap()[0], "editor");
    assert_eq!(
        user.registered_date
            .as_ref()
            .unwrap()
            .value()
            .unwrap()
            .year(),
        2017
    );
    let comment = wordpress::from_str::<wordpress::Comment>(
        r#"{"id":2,"post":4,"author_name":"Bo","author_email":"bo@e.x","author_ip":"127.0.0.1",
        "author_user_agent":"curl/8","content":{"rendered":"<p>Hi</p>","raw":"Hi"}}"#,
    )
    .unwrap();
    assert!(comment.extra.is_empty(), "{:?}", comment.extra);
    let media = wordpress::from_str::<wordpress::Media>(
        r#"{"id":10,"type":"attachment","missing_image_sizes":["medium_large"]}"#,
    )
    .unwrap();
    assert!(media.extra.is_empty(), "{:?}", media.extra);
}

/// Revisions and autosaves are versions of a post: not articles, unless
/// asked for.
#[cfg(all(feature = "html", feature = "frontmatter"))]
#[test]
fn revisions_are_articles_only_on_request() {
    let json = r#"[{"id":8,"parent":7,"slug":"7-revision-v1","title":{"rendered":"A"},"content":{"rendered":"<p>x</p>"}},
        {"id":7,"type":"post","link":"https://e.x/?p=7","title":{"rendered":"A"}}]"#;
    let content = pressmark::from_slice(json.as_bytes()).unwrap();
    let articles = content.articles();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].id.as_deref(), Some("7"));
    let mut options = pressmark::article::ArticleOptions::default();
    options.revisions = true;
    assert_eq!(content.articles_with(&options).len(), 2);
}

/// A term, user, comment or media item is read once, as what core's order
/// of keys says it opens as (`id` then `count`, `name` or `post`; `id`,
/// `date` and a `type` of `attachment`); its keys have the last word, so an object that opens so but is something else is
/// read as what it is, and errors are those of the object's own kind.
#[test]
fn an_opening_is_a_hint_the_keys_decide() {
    let rows: &[(&str, &[Kind])] = &[
        (
            r#"{"id":5,"count":3,"name":"News","slug":"news","taxonomy":"category"}"#,
            &[Kind::Term],
        ),
        (
            r#"{"id":2,"name":"Ann","slug":"ann","avatar_urls":{"24":"https://x/a.png"}}"#,
            &[Kind::User],
        ),
        (
            r#"{"id":9,"post":60,"parent":0,"author_name":"Bo","content":{"rendered":"hi"}}"#,
            &[Kind::Comment],
        ),
        (
            r#"{"id":7,"date":"2024-01-02T03:04:05","guid":{"rendered":"https://x/?p=7"},"slug":"a","type":"attachment","media_type":"image"}"#,
            &[Kind::Media],
        ),
        // A post whose first bytes hold the string, but not as its `type`.
        (
            r#"{"id":7,"date":"2024-01-02T03:04:05","slug":"attachment","type":"post","title":{"rendered":"t"},"content":{"rendered":"c"}}"#,
            &[Kind::Post],
        ),
        // Opens as a term, a user, a comment; its keys say a post.
        (
            r#"{"id":5,"count":3,"title":{"rendered":"t"},"content":{"rendered":"c"}}"#,
            &[Kind::Post],
        ),
        (
            r#"{"id":5,"name":"x","title":{"rendered":"t"},"guid":{"rendered":"g"}}"#,
            &[Kind::Post],
        ),
        (
            r#"{"id":5,"post":1,"date_gmt":"2024-01-01T00:00:00","title":{"rendered":"t"}}"#,
            &[Kind::Post],
        ),
        // A collection whose first object opens as a term: the others are
        // read as what they are.
        (
            r#"[{"id":1,"count":2,"name":"a","taxonomy":"post_tag"},
                {"id":2,"date":"2024-01-01T00:00:00","title":{"rendered":"p"},"content":{"rendered":"c"}},
                {"id":3,"count":1,"name":"b","taxonomy":"post_tag"}]"#,
            &[Kind::Term, Kind::Post, Kind::Term],
        ),
        (
            r#"[{"id":1,"name":"a","avatar_urls":{}},{"id":2,"name":"b","avatar_urls":{}}]"#,
            &[Kind::User, Kind::User],
        ),
    ];
    for (json, want) in rows {
        assert_eq!(kinds(json), *want, "{json}");
    }
    // Broken after its opening: the syntax error, where it is.
    let err = wordpress::from_str::<Response>(r#"{"id":5,"count":3,"name":}"#).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Syntax, "{err}");
    assert_eq!(err.position().map(|p| p.column()), Some(26), "{err}");
    // A term's field that does not type, in a lenient read: kept as sent,
    // with its warning, and the term is a term.
    let term = br#"{"id":5,"count":"many","name":"News","taxonomy":"category"}"#;
    let content = pressmark::from_slice(term).unwrap();
    assert_eq!(content.warnings().len(), 1, "{:?}", content.warnings());
    assert_eq!(content.warnings()[0].path(), Some("count"));
}
