//! The fields widespread plugins add to posts, typed, and used by
//! `Article` where they carry what it needs. Before, each was left in
//! `extra` and the article had no language or canonical URL from them.
#![cfg(feature = "wordpress")]

use pressmark::wordpress::{self, Post};

const POST: &str = r#"{"id":7,"date_gmt":"2024-03-01T09:00:00","link":"https://e.x/?p=7",
    "title":{"rendered":"Mar&#233;e"},"featured_media":0,
    "lang":"fr","translations":{"fr":7,"en":8},
    "wpml_current_locale":"fr_FR","wpml_translations":[{"locale":"en_US","id":8,"slug":"tide",
        "post_title":"Tide","href":"https://e.x/en/tide/"}],
    "jetpack_featured_media_url":"https://e.x/maree.jpg","jetpack_shortlink":"https://wp.me/p1-7",
    "acf":{"coefficient":95,"port":"Brest"},
    "rank_math_title":"Marée | Tides","rank_math_description":"La marée","rank_math_focus_keyword":"marée",
    "rank_math_canonical_url":"https://e.x/maree-rm/",
    "aioseo_head":"<title>Mar\u00e9e<\/title>",
    "aioseo_head_json":{"title":"Marée","canonical_url":"https://e.x/maree/","og:locale":"fr_FR",
        "og:site_name":"Tides","og:title":"Marée"}}"#;

#[test]
fn plugin_fields_are_typed() {
    let post = wordpress::from_str::<Post>(POST).unwrap();
    assert_eq!(post.lang.as_deref(), Some("fr"));
    assert_eq!(post.translations.as_ref().unwrap().get("en"), Some(&8));
    assert_eq!(post.wpml_current_locale.as_deref(), Some("fr_FR"));
    assert_eq!(
        post.wpml_translations.as_ref().unwrap()[0].href.as_deref(),
        Some("https://e.x/en/tide/")
    );
    assert_eq!(
        post.jetpack_shortlink.as_deref(),
        Some("https://wp.me/p1-7")
    );
    let acf = post.acf().unwrap().unwrap();
    assert_eq!(acf.get("coefficient").unwrap().get(), "95");
    assert_eq!(acf.get_str("port").as_deref(), Some("Brest"));
    assert_eq!(post.rank_math_focus_keyword.as_deref(), Some("marée"));
    let aioseo = post.aioseo_head_json.as_ref().unwrap();
    assert_eq!(aioseo.og_site_name.as_deref(), Some("Tides"));
    // Only `acf`, read on request, stays in `extra`; the post writes back
    // as it came.
    assert_eq!(post.extra.keys().collect::<Vec<_>>(), ["acf"]);
    assert_eq!(
        serde_json::to_value(post.value()).unwrap(),
        serde_json::from_str::<serde_json::Value>(POST).unwrap()
    );
}

#[cfg(feature = "html")]
#[test]
fn articles_use_plugin_fields() {
    let post = wordpress::from_str::<Post>(POST).unwrap();
    let article = pressmark::article::Article::from(post.value());
    // All in One SEO's canonical URL, site name and locale; Jetpack's image.
    assert_eq!(article.url.as_deref(), Some("https://e.x/maree/"));
    assert_eq!(
        article.site.as_ref().and_then(|s| s.name.as_deref()),
        Some("Tides")
    );
    assert_eq!(article.language.as_deref(), Some("fr_FR"));
    assert_eq!(article.images[0].url, "https://e.x/maree.jpg");
    // Without All in One SEO: Rank Math's canonical URL, WPML's locale,
    // then Polylang's language.
    let mut value: serde_json::Value = serde_json::from_str(POST).unwrap();
    value.as_object_mut().unwrap().remove("aioseo_head_json");
    let json = value.to_string();
    let post = wordpress::from_str::<Post>(&json).unwrap();
    let article = pressmark::article::Article::from(post.value());
    assert_eq!(article.url.as_deref(), Some("https://e.x/maree-rm/"));
    assert_eq!(article.language.as_deref(), Some("fr_FR"));
    value.as_object_mut().unwrap().remove("wpml_current_locale");
    let json = value.to_string();
    let post = wordpress::from_str::<Post>(&json).unwrap();
    let article = pressmark::article::Article::from(post.value());
    assert_eq!(article.language.as_deref(), Some("fr"));
}
