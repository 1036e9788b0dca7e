//! Yoast SEO's `yoast_head_json`.

use super::object::wp_object;
use super::{PhpMap, RawJson, ZonedDateTime};
use crate::Text;

wp_object! {
    "yoast head"
    /// Yoast SEO's head data for a post (`yoast_head_json`).
    ///
    /// Strings are as Yoast sends them: HTML entities are kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Post};
    ///
    /// let post = wordpress::from_str::<Post>(r#"{"yoast_head_json":{
    ///     "og_title":"Fined","og_image":[{"width":600,"height":315,"url":"https://e.x/a.png","id":"42"}],
    ///     "twitter_misc":{"Written by":"Ann"},"article_published_time":"2023-05-17T06:42:31+00:00"}}"#)?;
    /// let yoast = post.yoast_head_json.as_ref().unwrap();
    /// assert_eq!(yoast.og_title.as_deref(), Some("Fined"));
    /// let image = &yoast.og_image.as_ref().unwrap()[0];
    /// assert_eq!((image.width, image.height, image.id), (Some(600), Some(315), Some(42)));
    /// assert_eq!(yoast.twitter_misc.as_ref().unwrap().get("Written by").unwrap(), "Ann");
    /// assert_eq!(yoast.published().unwrap().year(), 2023);
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub struct YoastHeadJson<'a> {
        /// The document title.
        title: Text<'a> = "title",
        /// The meta description.
        description: Text<'a> = "description",
        /// Robots directives by name (`index`, `max-snippet`, ...).
        robots: PhpMap<'a, Text<'a>> = "robots",
        /// The canonical URL.
        canonical: Text<'a> = "canonical",
        /// The Open Graph locale (`en_US`).
        og_locale: Text<'a> = "og_locale",
        /// The Open Graph type (`article`).
        og_type: Text<'a> = "og_type",
        /// The Open Graph title.
        og_title: Text<'a> = "og_title",
        /// The Open Graph description.
        og_description: Text<'a> = "og_description",
        /// The Open Graph URL.
        og_url: Text<'a> = "og_url",
        /// The Open Graph site name.
        og_site_name: Text<'a> = "og_site_name",
        /// The publisher's Facebook page.
        article_publisher: Text<'a> = "article_publisher",
        /// The author's Facebook page.
        article_author: Text<'a> = "article_author",
        /// Publication time, with offset.
        article_published_time: ZonedDateTime<'a> = "article_published_time",
        /// Last modification time, with offset.
        article_modified_time: ZonedDateTime<'a> = "article_modified_time",
        /// Open Graph images.
        og_image: Vec<OgImage<'a>> = "og_image",
        /// The author's name.
        author: Text<'a> = "author",
        /// The Twitter card type.
        twitter_card: Text<'a> = "twitter_card",
        /// The Twitter creator handle.
        twitter_creator: Text<'a> = "twitter_creator",
        /// The Twitter site handle.
        twitter_site: Text<'a> = "twitter_site",
        /// Extra Twitter labels, keyed in the site's language
        /// (`"Written by"`, `"Est. reading time"`).
        twitter_misc: PhpMap<'a, Text<'a>> = "twitter_misc",
        /// The schema.org graph, kept as raw JSON.
        schema: RawJson<'a> = "schema",
    }
}

wp_object! {
    "open graph image"
    /// An Open Graph image in [`YoastHeadJson::og_image`].
    pub struct OgImage<'a> {
        /// Width in pixels.
        width: u32 = "width" [lenient],
        /// Height in pixels.
        height: u32 = "height" [lenient],
        /// The URL.
        url: Text<'a> = "url",
        /// The MIME type.
        mime_type: Text<'a> = "type",
        /// The attachment id (Yoast sends it as a string).
        id: u64 = "id" [lenient],
    }
}

impl YoastHeadJson<'_> {
    /// `article_published_time`, when present and not a zero date.
    #[must_use]
    pub fn published(&self) -> Option<time::OffsetDateTime> {
        self.article_published_time
            .as_ref()
            .and_then(ZonedDateTime::value)
    }

    /// `article_modified_time`, when present and not a zero date.
    #[must_use]
    pub fn modified(&self) -> Option<time::OffsetDateTime> {
        self.article_modified_time
            .as_ref()
            .and_then(ZonedDateTime::value)
    }
}
