//! Telling what a REST API object is from its keys — and whether it is a
//! WordPress object at all.
//!
//! # The rule
//!
//! An object is recognised by the keys (and, for a few, the shapes of
//! values) that WordPress core, WooCommerce and the REST API's own
//! conventions give it; [`Kind`] lists them, and [`classify`] checks them
//! in a fixed order, the most specific first. An object none of them fits
//! is WordPress only when its `_links` say so (a relation under
//! `https://api.w.org/` or a `wp:` CURIE, or an `href` under `/wp-json/`
//! or `?rest_route=`) or its `_embedded` has WordPress's relations
//! (`author`, `wp:featuredmedia`, `wp:term`); a post fetched with
//! `?_fields=` is recognised by `id` and `type` with `link` or `slug`, a
//! user or term by `id`, `name`, `slug` and a `link` to WordPress's author
//! or term archive (`/author/`, `?author=`, `/category/`, `/tag/`). In
//! a collection that has WordPress objects, an object none of these fit
//! is read as a post (the collection says what it is). Anything else — an array of `{id, title, likes}`
//! objects, a `package.json`, another CMS's export — is not a WordPress
//! response, and the error says which markers were looked for.
//!
//! Keys common to many APIs (`id`, `title` as a string, `name`, `slug`,
//! `date`) tell nothing alone: a post is recognised by a rendered field
//! (`title`, `content`, `excerpt` or `guid` as `{"rendered": ...}`), a
//! `*_gmt` date, or a key only WordPress posts have (`featured_media`,
//! `comment_status`, `sticky`, `class_list`, `yoast_head`, ...).

use std::borrow::Cow;
use std::fmt;

use super::parse::Model;
use super::{
    ApiError, Comment, Media, MenuItem, Post, PostStatusObject, PostTypeObject, Product, RawJson,
    SearchResult, Settings, TaxonomyObject, Template, Term, User,
};
use crate::Text;
use crate::map_text::MapText;

/// What kind of object a REST API object is, told from its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A post, page or custom post type: the kind that makes an
    /// [`Article`](crate::article::Article).
    Post,
    /// A revision of a post (`/posts/1/revisions`).
    Revision,
    /// An autosave of a post (`/posts/1/autosaves`).
    Autosave,
    /// A reusable block (`wp_block`, `/wp/v2/blocks`).
    ReusableBlock,
    /// A block navigation menu (`wp_navigation`).
    Navigation,
    /// A media item (an attachment).
    Media,
    /// A taxonomy term.
    Term,
    /// A user.
    User,
    /// A comment.
    Comment,
    /// An error response.
    Error,
    /// A post type's description (`/wp/v2/types/post`).
    PostType,
    /// A taxonomy's description (`/wp/v2/taxonomies/category`).
    Taxonomy,
    /// A post status's description (`/wp/v2/statuses/publish`).
    Status,
    /// The site's settings (`/wp/v2/settings`).
    Settings,
    /// A search result (`/wp/v2/search`).
    SearchResult,
    /// A block template or template part (`/wp/v2/templates`,
    /// `/wp/v2/template-parts`).
    Template,
    /// A classic menu (`/wp/v2/menus`).
    Menu,
    /// A menu item (`/wp/v2/menu-items`).
    MenuItem,
    /// A menu location (`/wp/v2/menu-locations`).
    MenuLocation,
    /// A block type (`/wp/v2/block-types`).
    BlockType,
    /// Global styles (`/wp/v2/global-styles`).
    GlobalStyles,
    /// A plugin (`/wp/v2/plugins`).
    Plugin,
    /// A theme (`/wp/v2/themes`).
    Theme,
    /// A widget area (`/wp/v2/sidebars`).
    Sidebar,
    /// A widget (`/wp/v2/widgets`).
    Widget,
    /// A widget type (`/wp/v2/widget-types`).
    WidgetType,
    /// The API index (`/wp-json/`) or a namespace's (`/wp-json/wp/v2`).
    Index,
    /// An oEmbed response (`/oembed/1.0/embed`, `/oembed/1.0/proxy`).
    OEmbed,
    /// A WooCommerce product (`wc/v3` or the Store API, `wc/store`).
    Product,
    /// Another WooCommerce object (an order, a coupon, a customer, a
    /// variation).
    WooCommerce,
    /// A WordPress object of no kind above (its `_links` say it is one).
    Other,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Post => "post",
            Kind::Revision => "revision",
            Kind::Autosave => "autosave",
            Kind::ReusableBlock => "reusable block",
            Kind::Navigation => "navigation",
            Kind::Media => "media",
            Kind::Term => "term",
            Kind::User => "user",
            Kind::Comment => "comment",
            Kind::Error => "error",
            Kind::PostType => "post type",
            Kind::Taxonomy => "taxonomy",
            Kind::Status => "status",
            Kind::Settings => "settings",
            Kind::SearchResult => "search result",
            Kind::Template => "template",
            Kind::Menu => "menu",
            Kind::MenuItem => "menu item",
            Kind::MenuLocation => "menu location",
            Kind::BlockType => "block type",
            Kind::GlobalStyles => "global styles",
            Kind::Plugin => "plugin",
            Kind::Theme => "theme",
            Kind::Sidebar => "sidebar",
            Kind::Widget => "widget",
            Kind::WidgetType => "widget type",
            Kind::Index => "api index",
            Kind::OEmbed => "oembed",
            Kind::Product => "product",
            Kind::WooCommerce => "woocommerce",
            Kind::Other => "other",
        })
    }
}

/// What [`classify`] asks of an object: which of the keys it looks for
/// the object has, and the shape of a few values.
pub(crate) trait KeyView {
    /// The keys of [`MARKER_KEYS`] the object has (`null` counts).
    fn key_set(&self) -> KeySet;
    /// The value of `key`, when it is a string.
    fn string(&self, key: &str) -> Option<Cow<'_, str>>;
    /// Whether the value of `key` is a JSON object.
    fn is_object(&self, key: &str) -> bool;
    /// Whether `_links` has a WordPress relation or URL, or `_embedded`
    /// a WordPress relation.
    fn wordpress_links(&self) -> bool;
    /// The keys, for the message when nothing fits.
    fn key_names(&self) -> Vec<&str>;
}

/// Every key [`classify`] looks for, in byte order: an object's keys among
/// them are one [`KeySet`], made once, so that each rule is a mask test
/// rather than a search of the object's keys by name (which was most of
/// the time of reading a collection of small objects).
const MARKER_KEYS: [&str; MARKER_COUNT] = [
    "_embedded",
    "amount",
    "api_version",
    "attributes",
    "author_name",
    "auto_add",
    "avatar_urls",
    "before_widget",
    "billing",
    "capabilities",
    "class_list",
    "classname",
    "code",
    "comment_status",
    "content",
    "date_floating",
    "date_format",
    "date_gmt",
    "default_comment_status",
    "description",
    "discount_type",
    "email",
    "excerpt",
    "featured_media",
    "generated_slug",
    "guid",
    "html",
    "id",
    "id_base",
    "is_multi",
    "is_purchasable",
    "line_items",
    "link",
    "locations",
    "media_details",
    "media_type",
    "menu",
    "menus",
    "message",
    "modified_gmt",
    "name",
    "namespace",
    "namespaces",
    "network_only",
    "object_id",
    "order_key",
    "origin",
    "parent",
    "permalink_template",
    "ping_status",
    "plugin",
    "plugin_uri",
    "post",
    "posts_per_page",
    "provider_name",
    "queryable",
    "registered_date",
    "regular_price",
    "rest_base",
    "roles",
    "routes",
    "settings",
    "shipping",
    "show_in_list",
    "sidebar",
    "sku",
    "slug",
    "source",
    "status",
    "sticky",
    "stock_status",
    "styles",
    "stylesheet",
    "subtype",
    "supports",
    "taxonomy",
    "template",
    "theme",
    "theme_supports",
    "title",
    "type",
    "type_label",
    "types",
    "url",
    "username",
    "version",
    "yoast_head",
    "yoast_head_json",
];

const MARKER_COUNT: usize = 88;

/// Which of [`MARKER_KEYS`] an object has, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct KeySet(u128);

impl KeySet {
    /// Adds `key`, when it is one of [`MARKER_KEYS`]: the keys of its
    /// length and first byte, looked up in two tables, are most often
    /// none (a plugin's key) or one, compared in full.
    #[inline]
    pub(crate) fn add(&mut self, key: &str) {
        let bytes = key.as_bytes();
        let (Some(&first), Some(by_len)) = (bytes.first(), BY_LEN.get(bytes.len())) else {
            return;
        };
        let mut candidates = BY_FIRST[usize::from(first)] & by_len;
        while candidates != 0 {
            let i = candidates.trailing_zeros();
            if MARKER_KEYS[i as usize] == key {
                self.0 |= 1 << i;
                return;
            }
            candidates &= candidates - 1;
        }
    }

    /// Adds the keys of `mask` (a [`marker_mask`]).
    #[inline]
    pub(crate) fn add_mask(&mut self, mask: u128) {
        self.0 |= mask;
    }

    /// Whether it has any key of `mask`.
    #[inline]
    fn any(self, mask: u128) -> bool {
        self.0 & mask != 0
    }

    /// Whether it has every key of `mask`.
    #[inline]
    fn all(self, mask: u128) -> bool {
        self.0 & mask == mask
    }
}

/// The keys of [`MARKER_KEYS`] by first byte.
const BY_FIRST: [u128; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < MARKER_COUNT {
        table[MARKER_KEYS[i].as_bytes()[0] as usize] |= 1 << i;
        i += 1;
    }
    table
};

/// The keys of [`MARKER_KEYS`] by length (none is longer than 31 bytes).
const BY_LEN: [u128; 32] = {
    let mut table = [0; 32];
    let mut i = 0;
    while i < MARKER_COUNT {
        table[MARKER_KEYS[i].len()] |= 1 << i;
        i += 1;
    }
    table
};

/// The bit of `key` in a [`KeySet`], or 0 when `classify` does not look
/// for it: for constants (a model's typed keys, a rule's keys).
pub(crate) const fn marker_mask(key: &str) -> u128 {
    let mut i = 0;
    while i < MARKER_COUNT {
        if str_eq(MARKER_KEYS[i], key) {
            return 1 << i;
        }
        i += 1;
    }
    0
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The mask of the keys named, each one [`classify`] looks for (checked
/// when compiling).
macro_rules! keys {
    ($($key:literal),+) => {
        const {
            let mask = 0 $(| {
                let bit = marker_mask($key);
                assert!(bit != 0, concat!("`", $key, "` is not in MARKER_KEYS"));
                bit
            })+;
            mask
        }
    };
}

/// What the markers looked for are, for the "not a WordPress response"
/// message.
pub(crate) const MARKERS: &str = "`_links` with `api.w.org` relations, `title`, `content` or \
    `guid` as `{\"rendered\": ...}`, `date_gmt`, or the keys of another kind of WordPress or \
    WooCommerce object";

/// Keys only WordPress posts (and post-like objects) have.
const POST_ONLY: u128 = keys!(
    "date_gmt",
    "modified_gmt",
    "featured_media",
    "comment_status",
    "ping_status",
    "sticky",
    "class_list",
    "yoast_head",
    "yoast_head_json",
    "permalink_template",
    "generated_slug"
);

/// The kind of an object, and why, for messages ("a term object (it has
/// `taxonomy`)"); `None` when nothing says it is a WordPress object.
///
/// Through `dyn`: one copy of the rules for every model, not one per model
/// (seven), which a read of one object of each kind ran cold in turn.
pub(crate) fn classify(o: &dyn KeyView) -> Option<(Kind, &'static str)> {
    let set = o.key_set();
    let has = |mask: u128| set.any(mask);
    let all = |mask: u128| set.all(mask);
    let found = |kind, why| Some((kind, why));
    let post_type = if has(keys!("type")) {
        o.string("type")
    } else {
        None
    };
    let post_type = post_type.as_deref();

    if all(keys!("code", "message")) && !has(keys!("id")) {
        return found(
            Kind::Error,
            "a wordpress api error (it has `code` and `message`)",
        );
    }
    // WooCommerce, before the post-like keys some of its objects share.
    if has(keys!("is_purchasable")) && o.is_object("prices") {
        return found(Kind::Product, "a woocommerce product (it has `prices`)");
    }
    if all(keys!("regular_price", "sku", "stock_status")) {
        return match post_type {
            Some("variation") => found(
                Kind::WooCommerce,
                "a woocommerce variation (it has `regular_price` and `type` `variation`)",
            ),
            _ => found(
                Kind::Product,
                "a woocommerce product (it has `regular_price` and `sku`)",
            ),
        };
    }
    if all(keys!("order_key", "line_items"))
        || all(keys!("discount_type", "amount", "code"))
        || all(keys!("billing", "shipping", "email"))
    {
        return found(Kind::WooCommerce, "a woocommerce object");
    }
    match post_type {
        Some("wp_template" | "wp_template_part") => {
            return found(Kind::Template, "a template (its `type` is `wp_template`)");
        }
        Some("attachment") => return found(Kind::Media, "a media object (it has `media_type`)"),
        Some("wp_block") => return found(Kind::ReusableBlock, "a reusable block"),
        Some("wp_navigation") => return found(Kind::Navigation, "a navigation menu"),
        _ => {}
    }
    if has(keys!("media_type", "media_details")) {
        return found(Kind::Media, "a media object (it has `media_type`)");
    }
    if has(keys!("type_label")) || all(keys!("object_id", "menus")) {
        return found(Kind::MenuItem, "a menu item (it has `type_label`)");
    }
    if has(keys!("taxonomy")) && !o.is_object("title") {
        return found(Kind::Term, "a term object (it has `taxonomy`)");
    }
    if (has(keys!("avatar_urls")) && !has(keys!("title", "author_name")))
        || all(keys!("username", "roles"))
        || all(keys!("registered_date", "capabilities"))
    {
        return found(Kind::User, "a user object (it has `avatar_urls`)");
    }
    if all(keys!("author_name", "post")) {
        return found(
            Kind::Comment,
            "a comment object (it has `author_name` and `post`)",
        );
    }
    if has(keys!("rest_base")) {
        return if has(keys!("types")) {
            found(
                Kind::Taxonomy,
                "a taxonomy (it has `rest_base` and `types`)",
            )
        } else {
            found(Kind::PostType, "a post type (it has `rest_base`)")
        };
    }
    if all(keys!("queryable", "date_floating")) || has(keys!("show_in_list")) {
        return found(Kind::Status, "a post status (it has `date_floating`)");
    }
    if has(keys!(
        "date_format",
        "posts_per_page",
        "default_comment_status"
    )) {
        return found(Kind::Settings, "the site's settings (it has `date_format`)");
    }
    if all(keys!("subtype", "url")) {
        return found(Kind::SearchResult, "a search result (it has `subtype`)");
    }
    if all(keys!("theme", "source", "origin")) {
        return found(Kind::Template, "a template (it has `theme` and `origin`)");
    }
    if all(keys!("name", "description", "menu")) && !has(keys!("id")) {
        return found(Kind::MenuLocation, "a menu location (it has `menu`)");
    }
    if all(keys!("locations", "auto_add")) {
        return found(Kind::Menu, "a menu (it has `locations` and `auto_add`)");
    }
    if all(keys!("api_version", "name")) && has(keys!("attributes", "supports")) {
        return found(Kind::BlockType, "a block type (it has `api_version`)");
    }
    if all(keys!("styles", "settings")) {
        return found(Kind::GlobalStyles, "global styles");
    }
    if all(keys!("plugin", "network_only")) || has(keys!("plugin_uri")) {
        return found(Kind::Plugin, "a plugin (it has `plugin`)");
    }
    if has(keys!("stylesheet")) && has(keys!("theme_supports", "template")) {
        return found(Kind::Theme, "a theme (it has `stylesheet`)");
    }
    if has(keys!("before_widget")) {
        return found(Kind::Sidebar, "a sidebar (it has `before_widget`)");
    }
    if all(keys!("id_base", "sidebar")) {
        return found(Kind::Widget, "a widget (it has `id_base`)");
    }
    if all(keys!("is_multi", "classname")) {
        return found(Kind::WidgetType, "a widget type (it has `is_multi`)");
    }
    if has(keys!("routes")) && has(keys!("namespaces", "namespace")) {
        return found(Kind::Index, "an api index (it has `routes`)");
    }
    if has(keys!("provider_name")) || all(keys!("version", "html", "type")) {
        return found(Kind::OEmbed, "an oembed response (it has `provider_name`)");
    }
    let rendered = has(keys!("title", "content", "excerpt", "guid"))
        && ["title", "content", "excerpt", "guid"]
            .iter()
            .any(|k| o.is_object(k));
    if rendered || has(POST_ONLY) {
        // Revisions and autosaves have a post's fields but no `type`,
        // `status` or `link`; their slugs say which.
        if has(keys!("parent")) && !has(keys!("type", "status", "link")) {
            let slug = o.string("slug");
            return match slug.as_deref() {
                Some(s) if s.contains("-autosave-v") => found(Kind::Autosave, "an autosave"),
                _ => found(Kind::Revision, "a revision (it has `parent`, no `type`)"),
            };
        }
        return found(Kind::Post, "a post object");
    }
    // A user or term fetched with `?_fields=id,name,slug,link`: its link
    // is WordPress's author or term archive.
    if all(keys!("id", "name", "slug", "link")) {
        let link = o.string("link");
        let link = link.as_deref().unwrap_or("");
        if link.contains("/author/") || link.contains("?author=") {
            return found(
                Kind::User,
                "a user object (its `link` is an author archive)",
            );
        }
        if ["/category/", "/tag/", "?cat=", "?tag="]
            .iter()
            .any(|archive| link.contains(archive))
        {
            return found(Kind::Term, "a term object (its `link` is a term archive)");
        }
    }
    // A post fetched with `?_fields=id,type,link` (WordPress's own
    // front ends do).
    if all(keys!("id", "type")) && has(keys!("link", "slug")) {
        return found(Kind::Post, "a post object (a `?_fields=` subset)");
    }
    if o.wordpress_links() {
        // Only posts embed what their links point to.
        if has(keys!("_embedded")) {
            return found(Kind::Post, "a post object (its `_embedded` says so)");
        }
        return found(
            Kind::Other,
            "a wordpress object of another kind (its `_links` say so)",
        );
    }
    None
}

/// "not a WordPress response: expected ..., found an object with keys ...".
pub(crate) fn not_wordpress(o: &impl KeyView) -> String {
    let keys = o.key_names();
    let shown: Vec<String> = keys.iter().take(8).map(|k| format!("`{k}`")).collect();
    let more = keys.len().saturating_sub(shown.len());
    let found = match (shown.is_empty(), more) {
        (true, _) => "an object with no keys".to_owned(),
        (false, 0) => format!("an object with keys {}", shown.join(", ")),
        (false, n) => format!("an object with keys {} and {n} more", shown.join(", ")),
    };
    format!("not a WordPress response: expected {MARKERS}; found {found}")
}

/// Whether a `_links` object's JSON text names WordPress: a relation
/// under `https://api.w.org/` (or its `wp:` CURIE), or a URL under
/// `/wp-json/` or `?rest_route=`.
pub(crate) fn links_say_wordpress(raw: &str) -> bool {
    raw.contains("api.w.org")
        || raw.contains("\"wp:")
        || raw.contains("wp-json")
        || raw.contains("rest_route=")
}

/// The models read as single objects, and the kind they read; the keys
/// of a read model are its view.
macro_rules! impl_model {
    ($ty:ident, $kind:expr) => {
        impl<'a> Model<'a> for $ty<'a> {
            const KIND: Kind = $kind;
            fn kind(&self) -> (Kind, &'static str) {
                classify(self).unwrap_or((
                    Kind::Other,
                    "an object with none of the keys of a wordpress object",
                ))
            }
            fn is_empty(&self) -> bool {
                self.has_no_keys()
            }
            fn has_known_key(&self) -> bool {
                self.has_known_key()
            }
        }
    };
}

impl_model!(Post, Kind::Post);
impl_model!(Media, Kind::Media);
impl_model!(Term, Kind::Term);
impl_model!(User, Kind::User);
impl_model!(Comment, Kind::Comment);
impl_model!(ApiError, Kind::Error);
impl_model!(PostTypeObject, Kind::PostType);
impl_model!(TaxonomyObject, Kind::Taxonomy);
impl_model!(PostStatusObject, Kind::Status);
impl_model!(Settings, Kind::Settings);
impl_model!(SearchResult, Kind::SearchResult);
impl_model!(Template, Kind::Template);
impl_model!(MenuItem, Kind::MenuItem);
impl_model!(Product, Kind::Product);

/// One object of a response, read as the model its keys say it is.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Object<'a> {
    /// A post, page or custom post type.
    Post(Box<Post<'a>>),
    /// A revision or an autosave of a post ([`Object::kind`] says which),
    /// read as a [`Post`]. Not an article: a version of one.
    Revision(Kind, Box<Post<'a>>),
    /// A reusable block or a navigation menu ([`Object::kind`] says
    /// which): a post type of the block editor, read as a [`Post`]. Not
    /// an article.
    Block(Kind, Box<Post<'a>>),
    /// A media item.
    Media(Box<Media<'a>>),
    /// A taxonomy term.
    Term(Box<Term<'a>>),
    /// A user.
    User(Box<User<'a>>),
    /// A comment.
    Comment(Box<Comment<'a>>),
    /// An error response.
    Error(Box<ApiError<'a>>),
    /// A post type's description.
    PostType(Box<PostTypeObject<'a>>),
    /// A taxonomy's description.
    Taxonomy(Box<TaxonomyObject<'a>>),
    /// A post status's description.
    Status(Box<PostStatusObject<'a>>),
    /// The site's settings.
    Settings(Box<Settings<'a>>),
    /// A search result.
    SearchResult(Box<SearchResult<'a>>),
    /// A block template or template part.
    Template(Box<Template<'a>>),
    /// A menu item.
    MenuItem(Box<MenuItem<'a>>),
    /// A WooCommerce product.
    Product(Box<Product<'a>>),
    /// An object of another kind (a block type, a plugin, an oEmbed
    /// response, a WooCommerce order, ...), named by its kind and kept as
    /// raw JSON.
    Other(Kind, RawJson<'a>),
}

impl<'a> Object<'a> {
    /// What kind of object this is.
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Object::Post(_) => Kind::Post,
            Object::Revision(kind, _) | Object::Block(kind, _) | Object::Other(kind, _) => *kind,
            Object::Media(_) => Kind::Media,
            Object::Term(_) => Kind::Term,
            Object::User(_) => Kind::User,
            Object::Comment(_) => Kind::Comment,
            Object::Error(_) => Kind::Error,
            Object::PostType(_) => Kind::PostType,
            Object::Taxonomy(_) => Kind::Taxonomy,
            Object::Status(_) => Kind::Status,
            Object::Settings(_) => Kind::Settings,
            Object::SearchResult(_) => Kind::SearchResult,
            Object::Template(_) => Kind::Template,
            Object::MenuItem(_) => Kind::MenuItem,
            Object::Product(_) => Kind::Product,
        }
    }

    /// The post, if this is one (a post, page or custom post type; not a
    /// revision or a block).
    #[must_use]
    pub fn as_post(&self) -> Option<&Post<'a>> {
        match self {
            Object::Post(p) => Some(p),
            _ => None,
        }
    }

    /// The post, revision or autosave: every version of a post.
    #[must_use]
    pub fn as_post_or_version(&self) -> Option<&Post<'a>> {
        match self {
            Object::Post(p) | Object::Revision(_, p) => Some(p),
            _ => None,
        }
    }

    /// The product, if this is one.
    #[must_use]
    pub fn as_product(&self) -> Option<&Product<'a>> {
        match self {
            Object::Product(p) => Some(p),
            _ => None,
        }
    }
}

impl serde::Serialize for Object<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Object::Post(v) | Object::Revision(_, v) | Object::Block(_, v) => {
                v.serialize(serializer)
            }
            Object::Media(v) => v.serialize(serializer),
            Object::Term(v) => v.serialize(serializer),
            Object::User(v) => v.serialize(serializer),
            Object::Comment(v) => v.serialize(serializer),
            Object::Error(v) => v.serialize(serializer),
            Object::PostType(v) => v.serialize(serializer),
            Object::Taxonomy(v) => v.serialize(serializer),
            Object::Status(v) => v.serialize(serializer),
            Object::Settings(v) => v.serialize(serializer),
            Object::SearchResult(v) => v.serialize(serializer),
            Object::Template(v) => v.serialize(serializer),
            Object::MenuItem(v) => v.serialize(serializer),
            Object::Product(v) => v.serialize(serializer),
            Object::Other(_, v) => v.serialize(serializer),
        }
    }
}

impl<'a> MapText<'a> for Object<'a> {
    type Out<'b> = Object<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Object<'b> {
        match self {
            Object::Post(v) => Object::Post(v.map_text(f)),
            Object::Revision(k, v) => Object::Revision(k, v.map_text(f)),
            Object::Block(k, v) => Object::Block(k, v.map_text(f)),
            Object::Media(v) => Object::Media(v.map_text(f)),
            Object::Term(v) => Object::Term(v.map_text(f)),
            Object::User(v) => Object::User(v.map_text(f)),
            Object::Comment(v) => Object::Comment(v.map_text(f)),
            Object::Error(v) => Object::Error(v.map_text(f)),
            Object::PostType(v) => Object::PostType(v.map_text(f)),
            Object::Taxonomy(v) => Object::Taxonomy(v.map_text(f)),
            Object::Status(v) => Object::Status(v.map_text(f)),
            Object::Settings(v) => Object::Settings(v.map_text(f)),
            Object::SearchResult(v) => Object::SearchResult(v.map_text(f)),
            Object::Template(v) => Object::Template(v.map_text(f)),
            Object::MenuItem(v) => Object::MenuItem(v.map_text(f)),
            Object::Product(v) => Object::Product(v.map_text(f)),
            Object::Other(k, v) => Object::Other(k, v.map_text(f)),
        }
    }
}

/// Whatever a REST API response held: one object, a collection, or the
/// objects by name that `/wp/v2/types`, `/wp/v2/taxonomies` and
/// `/wp/v2/statuses` send.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Kind, Response};
///
/// let json = r#"[{"id":1,"title":{"rendered":"A"}},{"id":2,"name":"Ann","avatar_urls":{}}]"#;
/// let response = wordpress::from_str::<Response>(json)?.into_value();
/// let kinds: Vec<Kind> = response.objects().map(|o| o.kind()).collect();
/// assert_eq!(kinds, [Kind::Post, Kind::User]);
/// assert_eq!(response.posts().count(), 1);
///
/// let types = r#"{"post":{"name":"Posts","slug":"post","rest_base":"posts","template":[]},
///     "page":{"name":"Pages","slug":"page","rest_base":"pages"}}"#;
/// let response = wordpress::from_str::<Response>(types)?.into_value();
/// let Response::Keyed(types) = &response else { panic!() };
/// assert_eq!(types.keys().collect::<Vec<_>>(), ["post", "page"]);
/// assert!(response.objects().all(|o| o.kind() == Kind::PostType));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Response<'a> {
    /// A single object.
    Single(Object<'a>),
    /// A collection (a JSON array of objects).
    Collection(Vec<Object<'a>>),
    /// Objects by name (post types, taxonomies, statuses).
    Keyed(super::PhpMap<'a, Object<'a>>),
}

impl<'a> Response<'a> {
    /// Every object, one for a single object.
    pub fn objects(&self) -> Box<dyn Iterator<Item = &Object<'a>> + '_> {
        match self {
            Response::Single(o) => Box::new(std::iter::once(o)),
            Response::Collection(v) => Box::new(v.iter()),
            Response::Keyed(m) => Box::new(m.iter().map(|(_, o)| o)),
        }
    }

    /// The posts among the objects (posts, pages and custom post types;
    /// not revisions).
    pub fn posts(&self) -> impl Iterator<Item = &Post<'a>> {
        self.objects().filter_map(Object::as_post)
    }

    /// The WooCommerce products among the objects.
    pub fn products(&self) -> impl Iterator<Item = &Product<'a>> {
        self.objects().filter_map(Object::as_product)
    }

    /// Detaches the response from the input.
    #[must_use]
    pub fn into_owned(self) -> Response<'static> {
        self.map_text(&mut Text::into_owned)
    }
}

impl serde::Serialize for Response<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Response::Single(o) => o.serialize(serializer),
            Response::Collection(v) => v.serialize(serializer),
            Response::Keyed(m) => m.serialize(serializer),
        }
    }
}

impl<'a> MapText<'a> for Response<'a> {
    type Out<'b> = Response<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Response<'b> {
        match self {
            Response::Single(o) => Response::Single(o.map_text(f)),
            Response::Collection(v) => Response::Collection(v.map_text(f)),
            Response::Keyed(m) => Response::Keyed(m.map_text(f)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table lookup finds each marker key, and nothing else: keys
    /// that share a length and a first byte with one, prefixes, and
    /// keys longer than any table row.
    #[test]
    fn key_set_finds_exactly_the_marker_keys() {
        for (i, key) in MARKER_KEYS.iter().enumerate() {
            let mut set = KeySet::default();
            set.add(key);
            assert_eq!(set, KeySet(1 << i), "{key}");
            assert_eq!(marker_mask(key), 1 << i, "{key}");
        }
        let others = [
            "",
            "i",
            "ids",
            "tipe",
            "typf",
            "titles",
            "_link",
            "yoast_head_jsom",
            "a_key_longer_than_any_row_of_the_table_is",
        ];
        for key in others {
            let mut set = KeySet::default();
            set.add(key);
            assert_eq!(set, KeySet::default(), "{key}");
            assert_eq!(marker_mask(key), 0, "{key}");
        }
    }
}
