//! [`Post`]: a post, page or custom post type object, and its rendered fields.

use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

use super::date::offset_between;
use super::object::wp_object;
use super::{
    AcfFields, AioseoHeadJson, Discussion, Embedded, JsonStr, Lazy, Links, LocalDateTime, PhpList,
    PhpMap, PostFormat, PostType, RawJson, Status, WpmlTranslation, YoastHeadJson,
};
use crate::Text;

wp_object! {
    "post"
    /// A post, page or custom post type object from `/wp-json/wp/v2/...`, in
    /// the view, edit or embed context.
    ///
    /// Every field is optional: a response fetched with `_fields=id,title`
    /// still reads. Keys the model does not know (custom taxonomies, `acf`,
    /// plugin fields) are kept in [`Post::extra`], so that serializing the
    /// post gives back a document equal to the input.
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Post, Status};
    ///
    /// let json = r#"{"id":7,"date":"2024-03-01T10:00:00","date_gmt":"2024-03-01T09:00:00",
    ///     "status":"publish","title":{"rendered":"Caf\u00e9 &#038; more"},"acf":false}"#;
    /// let post = wordpress::from_str::<Post>(json)?;
    /// assert_eq!(post.id, Some(7));
    /// assert_eq!(post.status, Some(Status::Publish));
    /// assert_eq!(post.title_html().unwrap(), "Café &#038; more");
    /// assert_eq!(post.published().unwrap().offset(), time::macros::offset!(+1));
    /// assert_eq!(post.extra.get("acf").unwrap().get(), "false");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub struct Post<'a> {
        /// The post's id.
        id: u64 = "id" [lenient],
        /// Publication date-time in the site's time zone, without offset.
        date: LocalDateTime<'a> = "date",
        /// Publication date-time in UTC, without `Z`.
        date_gmt: LocalDateTime<'a> = "date_gmt",
        /// The globally unique identifier (a URL that never changes).
        guid: Rendered<'a> = "guid" [object],
        /// Last modification date-time in the site's time zone.
        modified: LocalDateTime<'a> = "modified",
        /// Last modification date-time in UTC.
        modified_gmt: LocalDateTime<'a> = "modified_gmt",
        /// The password protecting the post (edit context).
        password: Text<'a> = "password",
        /// The URL slug.
        slug: Text<'a> = "slug",
        /// Publication status.
        status: Status<'a> = "status",
        /// Post type: `post`, `page`, or a custom type's name.
        post_type: PostType<'a> = "type",
        /// The post's URL.
        link: Text<'a> = "link",
        /// The title, as rendered HTML (with entities such as `&#8217;`).
        title: Rendered<'a> = "title" [object],
        /// The content.
        content: Rendered<'a> = "content" [object],
        /// The excerpt.
        excerpt: Rendered<'a> = "excerpt" [object],
        /// The author's user id.
        author: u64 = "author" [lenient],
        /// The featured media's id; `0` when there is none.
        featured_media: u64 = "featured_media" [lenient],
        /// The parent's id (pages and hierarchical types).
        parent: u64 = "parent" [lenient],
        /// Sort order among siblings (pages).
        menu_order: i64 = "menu_order" [lenient],
        /// Whether comments are open.
        comment_status: Discussion<'a> = "comment_status",
        /// Whether pings are open.
        ping_status: Discussion<'a> = "ping_status",
        /// Whether the post is sticky.
        sticky: bool = "sticky",
        /// The theme template file, empty for the default.
        template: Text<'a> = "template",
        /// The post format.
        format: PostFormat<'a> = "format",
        /// Registered meta fields (PHP sends an empty one as `[]`).
        meta: PhpMap<'a, RawJson<'a>> = "meta",
        /// Category ids.
        categories: PhpList<'a, u64> = "categories",
        /// Tag ids.
        tags: PhpList<'a, u64> = "tags",
        /// CSS classes for the post (WordPress 6.6+).
        class_list: PhpList<'a, Text<'a>> = "class_list",
        /// The permalink with `%postname%` left in (edit context).
        permalink_template: Text<'a> = "permalink_template",
        /// The slug WordPress would generate (edit context).
        generated_slug: Text<'a> = "generated_slug",
        /// Yoast SEO's `<head>` HTML.
        yoast_head: JsonStr<'a> = "yoast_head",
        /// Yoast SEO's head as structured data.
        yoast_head_json: Box<YoastHeadJson<'a>> = "yoast_head_json" [object],
        /// Polylang: the post's language code (`en`).
        lang: Text<'a> = "lang",
        /// Polylang: the ids of its translations, by language code.
        translations: PhpMap<'a, u64> = "translations",
        /// WPML: the post's locale (`en_US`).
        wpml_current_locale: Text<'a> = "wpml_current_locale",
        /// WPML: its translations.
        wpml_translations: Vec<WpmlTranslation<'a>> = "wpml_translations",
        /// Jetpack: the featured image's URL (empty when there is none).
        jetpack_featured_media_url: Text<'a> = "jetpack_featured_media_url",
        /// Jetpack: the post's short link.
        jetpack_shortlink: Text<'a> = "jetpack_shortlink",
        /// Rank Math: the SEO title.
        rank_math_title: Text<'a> = "rank_math_title",
        /// Rank Math: the meta description.
        rank_math_description: Text<'a> = "rank_math_description",
        /// Rank Math: the canonical URL.
        rank_math_canonical_url: Text<'a> = "rank_math_canonical_url",
        /// Rank Math: the focus keyword(s).
        rank_math_focus_keyword: Text<'a> = "rank_math_focus_keyword",
        /// All in One SEO: the `<head>` HTML.
        aioseo_head: JsonStr<'a> = "aioseo_head",
        /// All in One SEO: the head as structured data.
        aioseo_head_json: Box<AioseoHeadJson<'a>> = "aioseo_head_json" [object],
        /// Hypermedia links, by relation, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
        /// Embedded related objects (`?_embed`), read on first access.
        embedded: Lazy<'a, Embedded<'a>> = "_embedded",
    }
}

wp_object! {
    "rendered" or string into rendered
    /// A field WordPress sends as `{rendered, raw?, protected?, block_version?}`:
    /// `guid`, `title`, `content`, `excerpt`, and media `caption` and
    /// `description`.
    ///
    /// The strings are [`JsonStr`]s: read without a copy, decoded on demand.
    /// Old API versions send a bare string (`"caption": ""`): it reads as
    /// `rendered` and writes back as a bare string.
    pub struct Rendered<'a> {
        /// The HTML as displayed.
        rendered: JsonStr<'a> = "rendered",
        /// The text as stored (edit context).
        raw: JsonStr<'a> = "raw",
        /// Whether a password protects it.
        protected: bool = "protected",
        /// The block format version of `raw` (edit context).
        block_version: u32 = "block_version" [lenient],
    }
}

impl<'a> Rendered<'a> {
    /// The rendered HTML, decoded.
    #[must_use]
    pub fn html(&self) -> Option<Text<'a>> {
        self.rendered.as_ref().map(JsonStr::decode)
    }
}

impl<'a> Post<'a> {
    /// Advanced Custom Fields' `acf`, read from [`Post::extra`] (where it
    /// stays, as sent): `None` when the post has none.
    ///
    /// ```
    /// use pressmark::wordpress::{self, Post};
    ///
    /// let post = wordpress::from_str::<Post>(r#"{"id":1,"acf":{"rating":5,"venue":"Pier"}}"#)?;
    /// let acf = post.acf().unwrap()?;
    /// assert_eq!(acf.get("rating").unwrap().get(), "5");
    /// assert_eq!(acf.get_str("venue").as_deref(), Some("Pier"));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `acf` is neither an object, `false` nor `[]`.
    #[must_use]
    pub fn acf(&self) -> Option<Result<AcfFields<'a>, crate::Error>> {
        let raw = self.extra.get("acf")?;
        Some(super::Lazy::<AcfFields<'a>>::from_raw(raw.clone()).read())
    }

    /// `title.rendered`, decoded from JSON; HTML entities are kept.
    #[must_use]
    pub fn title_html(&self) -> Option<Text<'a>> {
        self.title.as_ref().and_then(Rendered::html)
    }

    /// `content.rendered`, decoded from JSON.
    #[must_use]
    pub fn content_html(&self) -> Option<Text<'a>> {
        self.content.as_ref().and_then(Rendered::html)
    }

    /// `excerpt.rendered`, decoded from JSON.
    #[must_use]
    pub fn excerpt_html(&self) -> Option<Text<'a>> {
        self.excerpt.as_ref().and_then(Rendered::html)
    }

    /// `date`: site-local, `None` when absent, `null` or a zero date.
    #[must_use]
    pub fn date_local(&self) -> Option<PrimitiveDateTime> {
        self.date.as_ref().and_then(LocalDateTime::value)
    }

    /// The site's UTC offset at publication, `date` − `date_gmt`.
    #[must_use]
    pub fn utc_offset(&self) -> Option<UtcOffset> {
        let local = self.date.as_ref()?.value()?;
        let utc = self.date_gmt.as_ref()?.value()?;
        offset_between(local, utc)
    }

    /// The publication instant, in the site's UTC offset (`date_gmt` as
    /// UTC, shown at the offset `date` − `date_gmt`).
    ///
    /// `None` when `date_gmt` is absent, `null` or a zero date (drafts).
    #[must_use]
    pub fn published(&self) -> Option<OffsetDateTime> {
        instant(self.date.as_ref(), self.date_gmt.as_ref())
    }

    /// The last modification instant, in the site's UTC offset.
    #[must_use]
    pub fn modified_at(&self) -> Option<OffsetDateTime> {
        instant(self.modified.as_ref(), self.modified_gmt.as_ref())
    }
}

/// `gmt` as an instant, at the offset `local` − `gmt` (UTC if unknown).
pub(crate) fn instant(
    local: Option<&LocalDateTime<'_>>,
    gmt: Option<&LocalDateTime<'_>>,
) -> Option<OffsetDateTime> {
    let utc = gmt?.value()?.assume_utc();
    let offset = local
        .and_then(LocalDateTime::value)
        .and_then(|l| offset_between(l, utc_naive(utc)))
        .unwrap_or(UtcOffset::UTC);
    Some(utc.to_offset(offset))
}

fn utc_naive(t: OffsetDateTime) -> PrimitiveDateTime {
    PrimitiveDateTime::new(t.date(), t.time())
}
