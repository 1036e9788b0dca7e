//! A fixture of ours per resource of WordPress core's REST API (written
//! from core's controllers' `get_item_schema`, in the edit context where
//! it has more fields than view and embed, and in all three for posts and
//! users), WooCommerce's product in both of its APIs, and an order: each
//! reads, is recognised as its kind, and writes back equal as JSON; a
//! typed model leaves nothing of core's schema in `extra`.
#![cfg(feature = "wordpress")]

mod common;

use pressmark::wordpress::{self, Kind, Object, Response};

/// The fixture, the kind of each object in it, and the keys a typed model
/// keeps in `extra` (not in core's schema, or kept raw by design).
const ROWS: &[(&str, Kind, &[&str])] = &[
    ("post-view.json", Kind::Post, &[]),
    ("post-edit.json", Kind::Post, &[]),
    ("post-embed.json", Kind::Post, &[]),
    ("page.json", Kind::Post, &[]),
    // A custom taxonomy's ids sit under its REST base.
    ("custom-post-type.json", Kind::Post, &["harbour"]),
    ("revision.json", Kind::Revision, &[]),
    ("autosave.json", Kind::Autosave, &["preview_link"]),
    ("attachment.json", Kind::Media, &[]),
    ("comment.json", Kind::Comment, &[]),
    ("category.json", Kind::Term, &[]),
    ("tag.json", Kind::Term, &[]),
    ("custom-term.json", Kind::Term, &[]),
    ("user-view.json", Kind::User, &[]),
    ("user-edit.json", Kind::User, &[]),
    ("user-embed.json", Kind::User, &[]),
    ("post-type.json", Kind::PostType, &[]),
    ("taxonomy.json", Kind::Taxonomy, &[]),
    ("status.json", Kind::Status, &[]),
    ("settings.json", Kind::Settings, &[]),
    ("search-result.json", Kind::SearchResult, &[]),
    (
        "reusable-block.json",
        Kind::ReusableBlock,
        &["wp_pattern_category", "wp_pattern_sync_status"],
    ),
    ("navigation.json", Kind::Navigation, &[]),
    ("template.json", Kind::Template, &[]),
    ("template-part.json", Kind::Template, &[]),
    ("menu-item.json", Kind::MenuItem, &[]),
    ("menu.json", Kind::Menu, &[]),
    ("menu-location.json", Kind::MenuLocation, &[]),
    ("block-type.json", Kind::BlockType, &[]),
    ("global-styles.json", Kind::GlobalStyles, &[]),
    ("plugin.json", Kind::Plugin, &[]),
    ("theme.json", Kind::Theme, &[]),
    ("sidebar.json", Kind::Sidebar, &[]),
    ("widget.json", Kind::Widget, &[]),
    ("widget-type.json", Kind::WidgetType, &[]),
    ("api-index.json", Kind::Index, &[]),
    ("oembed.json", Kind::OEmbed, &[]),
    (
        "product-wc-v3.json",
        Kind::Product,
        &[
            "catalog_visibility",
            "date_on_sale_from",
            "purchasable",
            "total_sales",
            "virtual",
            "downloadable",
            "tax_status",
            "manage_stock",
            "backorders",
            "weight",
            "dimensions",
            "reviews_allowed",
            "related_ids",
            "parent_id",
            "default_attributes",
            "variations",
            "menu_order",
            "meta_data",
        ],
    ),
    (
        "products-store-api.json",
        Kind::Product,
        &[
            "parent",
            "variation",
            "brands",
            "variations",
            "grouped_products",
            "has_options",
            "is_on_backorder",
            "low_stock_remaining",
            "stock_availability",
            "sold_individually",
            "add_to_cart",
            "extensions",
        ],
    ),
    ("order-wc-v3.json", Kind::WooCommerce, &[]),
    ("types.json", Kind::PostType, &[]),
];

/// The keys the object's model kept in `extra`; `None` for a kind kept
/// as raw JSON.
fn extra_keys(object: &Object<'_>) -> Option<Vec<String>> {
    let keys = |extra: &wordpress::Extra<'_>| extra.keys().map(|k| k.to_string()).collect();
    Some(match object {
        Object::Post(p) | Object::Revision(_, p) | Object::Block(_, p) => keys(&p.extra),
        Object::Media(m) => keys(&m.extra),
        Object::Term(t) => keys(&t.extra),
        Object::User(u) => keys(&u.extra),
        Object::Comment(c) => keys(&c.extra),
        Object::PostType(t) => keys(&t.extra),
        Object::Taxonomy(t) => keys(&t.extra),
        Object::Status(s) => keys(&s.extra),
        Object::Settings(s) => keys(&s.extra),
        Object::SearchResult(s) => keys(&s.extra),
        Object::Template(t) => keys(&t.extra),
        Object::MenuItem(m) => keys(&m.extra),
        Object::Product(p) => keys(&p.extra),
        _ => return None,
    })
}

#[test]
fn every_resource_reads_as_its_kind_and_writes_back() {
    let mut wrong = Vec::new();
    for (name, kind, kept) in ROWS {
        let json = common::fixture(&format!("wordpress/resources/{name}"));
        let parsed = match wordpress::from_str::<Response>(&json) {
            Ok(parsed) => parsed,
            Err(err) => {
                wrong.push(format!("{name}: {err}"));
                continue;
            }
        };
        for object in parsed.objects() {
            if object.kind() != *kind {
                wrong.push(format!("{name}: read as {}, not {kind}", object.kind()));
            }
            if let Some(extra) = extra_keys(object)
                && extra != *kept
            {
                wrong.push(format!(
                    "{name}: kept in extra {extra:?}, expected {kept:?}"
                ));
            }
        }
        let written = serde_json::to_value(parsed.value()).unwrap();
        let sent: serde_json::Value = serde_json::from_str(&json).unwrap();
        if written != sent {
            wrong.push(format!("{name}: written back differs"));
        }
        // And detached from the input, the same.
        let owned = parsed.into_owned();
        if serde_json::to_value(owned.value()).unwrap() != sent {
            wrong.push(format!("{name}: detached, written back differs"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Only posts and products are articles; a revision is one on request.
#[cfg(all(feature = "html", feature = "frontmatter"))]
#[test]
fn only_posts_and_products_are_articles() {
    for (name, kind, _) in ROWS {
        let json = common::fixture(&format!("wordpress/resources/{name}"));
        let content = pressmark::from_slice(json.as_bytes()).unwrap();
        let articles = content.articles().len();
        let want = usize::from(matches!(kind, Kind::Post | Kind::Product));
        assert_eq!(articles, want, "{name}");
    }
}

/// A collection reads each object as the kind it is alone, whatever kind
/// comes first and whatever follows it: every ordered pair of the objects
/// of the fixtures above (posts first and not, a first object that does
/// not read as a post, mixed kinds), and each one alone in a collection.
#[test]
fn collections_read_each_object_as_its_kind_whatever_comes_first() {
    let mut objects: Vec<(Kind, serde_json::Value)> = Vec::new();
    for (name, _, _) in ROWS {
        let json = common::fixture(&format!("wordpress/resources/{name}"));
        let parsed = wordpress::from_str::<Response>(&json).unwrap();
        for object in parsed.objects() {
            objects.push((object.kind(), serde_json::to_value(object).unwrap()));
        }
    }
    let read = |items: &[&(Kind, serde_json::Value)]| -> Vec<(Kind, serde_json::Value)> {
        let values: Vec<&serde_json::Value> = items.iter().map(|(_, value)| value).collect();
        let json = serde_json::to_string(&values).unwrap();
        let parsed = wordpress::from_str::<Response>(&json).unwrap();
        assert!(
            parsed.failures().is_empty(),
            "{json}: {:?}",
            parsed.failures()
        );
        parsed
            .objects()
            .map(|object| (object.kind(), serde_json::to_value(object).unwrap()))
            .collect()
    };
    let mut wrong = Vec::new();
    for a in &objects {
        if read(&[a]) != [a.clone()] {
            wrong.push(format!("[{}] alone", a.0));
        }
        for b in &objects {
            if read(&[a, b]) != [a.clone(), b.clone()] {
                wrong.push(format!("[{}, {}]", a.0, b.0));
            }
        }
    }
    assert!(objects.len() > 40, "{} objects", objects.len());
    assert!(wrong.is_empty(), "{} wrong: {wrong:#?}", wrong.len());
}

/// A collection whose first object does not read as a post (a post type's
/// `template` is an array) and runs past the bytes looked at to tell its
/// kind (4 KiB), ending inside a character, still reads each object as its
/// kind.
#[test]
fn a_long_first_object_that_is_no_post_reads_as_its_kind() {
    let json = common::fixture("wordpress/resources/post-type.json");
    let mut long: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Three-byte characters, shifted until the look ends inside one.
    for pad in 0.. {
        let text = format!("{}{}", "a".repeat(pad), "€".repeat(2000));
        long["description"] = serde_json::Value::String(text);
        if !serde_json::to_string(&long).unwrap().is_char_boundary(4096) {
            break;
        }
    }
    let short: serde_json::Value = serde_json::from_str(&json).unwrap();
    let collection = serde_json::to_string(&[&long, &short]).unwrap();
    let parsed = wordpress::from_str::<Response>(&collection).unwrap();
    let kinds: Vec<Kind> = parsed.objects().map(|o| o.kind()).collect();
    assert_eq!(kinds, [Kind::PostType, Kind::PostType]);
    let back: Vec<serde_json::Value> = parsed
        .objects()
        .map(|o| serde_json::to_value(o).unwrap())
        .collect();
    assert_eq!(back, [long, short]);
}
