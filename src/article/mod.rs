//! [`Article`]: one normalized record for a WordPress post, an aggregator
//! item or a static site's page, for search indexes and datasets.
//!
//! Build one with `From` ([`Post`](crate::wordpress::Post),
//! [`NewsItem`](crate::frontmatter::NewsItem),
//! [`Item`](crate::frontmatter::Item) and
//! [`Page`](crate::frontmatter::Page) documents), or let
//! [`crate::from_slice`] recognise the input and give every article in it.
//!
//! It serializes with serde under the field names below, which are stable:
//! a change to them is a breaking change of the crate.
//!
//! | field | WordPress post | aggregator item | static site page |
//! | --- | --- | --- | --- |
//! | `source` | `"wordpress"` (`"woocommerce"` for a product) | `"aggregator"` | `"page"` |
//! | `id` | `id` | — | — |
//! | `url` | Yoast `canonical`, else `link` | `webUrl`, else `originalUrl` | `url`, else `permalink` (a path as written) |
//! | `title` | `title.rendered` as text | `title` (or `name`) as text | `title` as text |
//! | `excerpt` | `excerpt.rendered` as text | `excerpt` as text | `description`, `summary` or `excerpt` |
//! | `body` | `content.rendered` as text | the body as text, else the excerpt | the body (Markdown as written), else the excerpt |
//! | `body_markdown` (only when asked, see [`ArticleOptions::body_markdown`]) | `content.rendered` as Markdown | the body as written (HTML bodies as Markdown) | the body as written (HTML bodies as Markdown) |
//! | `published` | `date_gmt` at the offset `date` − `date_gmt` | `publishedDateTime` | `date`, `publishDate` or `pubDate` (UTC when no offset is written) |
//! | `modified` | `modified_gmt` likewise | — | `lastmod`, `updated`, `last_modified_at` or `updatedDate` |
//! | `author` | embedded author's `name`, else Yoast `author` | — | the first of `author`, `authors` |
//! | `site` | Yoast `og_site_name`; the URL's host | `provider` `name`, `domain` | — |
//! | `language` | Yoast `og_locale` (`en_US`) | — | `lang`, else `language` |
//! | `categories`, `tags` | ids, with names from embedded `wp:term` | — | names: `categories` and `category`; `tags` |
//! | `topics` | — | `topics` | — |
//! | `images` | featured media, Yoast `og_image` | `images` | `image`, `heroImage`, `images[0]` or `cover` |
//! | `related` | — | `related` | — |
//!
//! Dates serialize as RFC 3339; absent values as `null` or `[]`.

mod article_options;
#[cfg(feature = "frontmatter")]
mod from_aggregator;
#[cfg(feature = "frontmatter")]
mod from_page;
#[cfg(feature = "wordpress")]
mod from_woocommerce;
#[cfg(feature = "wordpress")]
mod from_wordpress;

pub use article_options::ArticleOptions;

use serde::Serialize;
use time::OffsetDateTime;

use crate::Text;
use crate::map_text::{map_text_identity, map_text_struct};

/// Where an [`Article`] comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Source {
    /// A WordPress REST API post, page or custom post type.
    WordPress,
    /// A WooCommerce product.
    #[serde(rename = "woocommerce")]
    WooCommerce,
    /// A news aggregator's front-matter file.
    Aggregator,
    /// A static site's page or post (Hugo, Jekyll, Eleventy, Astro...).
    Page,
}

map_text_identity!(Source);

/// One article, normalized from any source. See the [module](self) for
/// where each field comes from.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// use pressmark::article::{Article, Source};
///
/// let post = wordpress::from_str::<Post>(r#"{"id":7,"link":"https:\/\/www.e.x\/a\/",
///     "title":{"rendered":"Tides &#038; storms"},"content":{"rendered":"<p>High water.<\/p>"}}"#)?;
/// let article = Article::from(post.value());
/// assert_eq!(article.source, Source::WordPress);
/// assert_eq!(article.title.as_deref(), Some("Tides & storms"));
/// assert_eq!(article.body.as_deref(), Some("High water."));
/// assert_eq!(article.site.as_ref().unwrap().domain.as_deref(), Some("e.x"));
/// let json = serde_json::to_value(&article).unwrap();
/// assert_eq!(json["url"], "https://www.e.x/a/");
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Article<'a> {
    /// Where it comes from.
    pub source: Source,
    /// The source's id (a WordPress post id, in decimal).
    pub id: Option<Text<'a>>,
    /// The canonical URL.
    pub url: Option<Text<'a>>,
    /// The title, as one line of plain text.
    pub title: Option<Text<'a>>,
    /// The excerpt, as plain text.
    pub excerpt: Option<Text<'a>>,
    /// The body, as plain text.
    pub body: Option<Text<'a>>,
    /// The body as Markdown (`body_markdown` in JSON): `None`, and left out
    /// of the JSON, unless asked for with [`Article::with_body_markdown`]
    /// (or [`Article::from_post_with_markdown`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_markdown: Option<Text<'a>>,
    /// When it was published, with the UTC offset the source gives.
    #[serde(with = "time::serde::rfc3339::option")]
    pub published: Option<OffsetDateTime>,
    /// When it was last modified.
    #[serde(with = "time::serde::rfc3339::option")]
    pub modified: Option<OffsetDateTime>,
    /// The author's name.
    pub author: Option<Text<'a>>,
    /// The site or provider.
    pub site: Option<Site<'a>>,
    /// The language, as the source writes it (Yoast's `og_locale`: `en_US`).
    pub language: Option<Text<'a>>,
    /// Categories.
    pub categories: Vec<Label<'a>>,
    /// Tags.
    pub tags: Vec<Label<'a>>,
    /// Topics.
    pub topics: Vec<Text<'a>>,
    /// Images, each URL once, the featured image first.
    pub images: Vec<Image<'a>>,
    /// Related articles.
    pub related: Vec<RelatedLink<'a>>,
}

/// The site or provider an article comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Site<'a> {
    /// The site's name.
    pub name: Option<Text<'a>>,
    /// Its domain, without `www.`.
    pub domain: Option<Text<'a>>,
}

/// A category or tag: its id, and its name when the source gives it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Label<'a> {
    /// The term id.
    pub id: Option<u64>,
    /// The name, as plain text.
    pub name: Option<Text<'a>>,
}

/// An image of an article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Image<'a> {
    /// The URL.
    pub url: Text<'a>,
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
    /// The alternative text or title.
    pub alt: Option<Text<'a>>,
}

/// A link to a related article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RelatedLink<'a> {
    /// The URL.
    pub url: Option<Text<'a>>,
    /// The title, as plain text.
    pub title: Option<Text<'a>>,
    /// When it was published.
    #[serde(with = "time::serde::rfc3339::option")]
    pub published: Option<OffsetDateTime>,
    /// The site it is on.
    pub site: Option<Text<'a>>,
}

map_text_struct!(Article {
    source,
    id,
    url,
    title,
    excerpt,
    body,
    body_markdown,
    published,
    modified,
    author,
    site,
    language,
    categories,
    tags,
    topics,
    images,
    related,
});
map_text_struct!(Site { name, domain });
map_text_struct!(Label { id, name });
map_text_struct!(Image {
    url,
    width,
    height,
    alt
});
map_text_struct!(RelatedLink {
    url,
    title,
    published,
    site
});

impl<'a> Article<'a> {
    /// The article with `body_markdown` set to the Markdown of `html` (the
    /// body's HTML: a post's `content.rendered`), borrowed from it when it
    /// is its own Markdown.
    ///
    /// ```
    /// use pressmark::article::{Article, Source};
    /// use pressmark::Text;
    ///
    /// let html = Text::borrowed("<p>High <em>water</em>.</p>");
    /// let article = Article::new(Source::WordPress).with_body_markdown(&html);
    /// assert_eq!(article.body_markdown.as_deref(), Some("High *water*."));
    /// let json = serde_json::to_value(&article).unwrap();
    /// assert_eq!(json["body_markdown"], "High *water*.");
    /// assert!(serde_json::to_value(Article::new(Source::WordPress)).unwrap().get("body_markdown").is_none());
    /// ```
    #[must_use]
    pub fn with_body_markdown(mut self, html: &Text<'a>) -> Self {
        let md = crate::html::markdown_of(html, &crate::html::MarkdownOptions::default());
        self.body_markdown = non_empty(md);
        self
    }

    /// [`Article::from`] a post, with the body as Markdown too (from
    /// `content.rendered`).
    ///
    /// ```
    /// use pressmark::article::Article;
    /// use pressmark::wordpress::{self, Post};
    ///
    /// let post = wordpress::from_str::<Post>(r#"{"id":7,"content":{"rendered":"<h2>Tides<\/h2><p>High water.<\/p>"}}"#)?;
    /// let article = Article::from_post_with_markdown(post.value());
    /// assert_eq!(article.body.as_deref(), Some("Tides\n\nHigh water."));
    /// assert_eq!(article.body_markdown.as_deref(), Some("## Tides\n\nHigh water."));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[cfg(feature = "wordpress")]
    #[must_use]
    pub fn from_post_with_markdown(post: &crate::wordpress::Post<'a>) -> Article<'a> {
        let article = Article::from(post);
        match post.content_html() {
            Some(html) => article.with_body_markdown(&html),
            None => article,
        }
    }

    /// The article of a WordPress object, as
    /// [`Content::articles_with`](crate::Content::articles_with) makes
    /// them: from a post, page or custom post type, a WooCommerce product,
    /// and a revision or autosave when `options` asks for them; `None` for
    /// the other kinds. With the body as Markdown when `options` asks.
    ///
    /// ```
    /// use pressmark::article::{Article, ArticleOptions};
    /// use pressmark::wordpress::{self, Response};
    ///
    /// let mut options = ArticleOptions::default();
    /// options.body_markdown = true;
    /// let response = wordpress::from_str::<Response>(r#"[{"id":7,"content":{"rendered":"<h2>Tides<\/h2>"}},
    ///     {"id":3,"name":"News","taxonomy":"category"}]"#)?;
    /// let articles: Vec<Article> = response
    ///     .objects()
    ///     .filter_map(|object| Article::from_object_with(object, &options))
    ///     .collect();
    /// assert_eq!(articles.len(), 1);
    /// assert_eq!(articles[0].body_markdown.as_deref(), Some("## Tides"));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[cfg(feature = "wordpress")]
    #[must_use]
    pub fn from_object_with(
        object: &crate::wordpress::Object<'a>,
        options: &ArticleOptions,
    ) -> Option<Article<'a>> {
        use crate::wordpress::Object;
        match object {
            Object::Post(post) => Some(Article::from_post_with(post, options)),
            Object::Revision(_, post) if options.revisions => {
                Some(Article::from_post_with(post, options))
            }
            Object::Product(product) => {
                let article = Article::from(&**product);
                Some(match &product.description {
                    Some(html) if options.body_markdown => {
                        article.with_body_markdown(&html.decode())
                    }
                    _ => article,
                })
            }
            _ => None,
        }
    }

    #[cfg(feature = "wordpress")]
    fn from_post_with(post: &crate::wordpress::Post<'a>, options: &ArticleOptions) -> Article<'a> {
        if options.body_markdown {
            Article::from_post_with_markdown(post)
        } else {
            Article::from(post)
        }
    }

    /// `self`, made from the front-matter document `doc`, with its body as
    /// Markdown when `options` asks.
    #[cfg(feature = "frontmatter")]
    pub(crate) fn front_matter_markdown<T>(
        mut self,
        doc: &crate::frontmatter::Document<'a, T>,
        options: &ArticleOptions,
    ) -> Article<'a> {
        if options.body_markdown {
            self.body_markdown = from_aggregator::body_markdown(doc.body_text());
        }
        self
    }

    /// An empty article from `source`.
    #[must_use]
    pub fn new(source: Source) -> Article<'a> {
        Article {
            source,
            id: None,
            url: None,
            title: None,
            excerpt: None,
            body: None,
            body_markdown: None,
            published: None,
            modified: None,
            author: None,
            site: None,
            language: None,
            categories: Vec::new(),
            tags: Vec::new(),
            topics: Vec::new(),
            images: Vec::new(),
            related: Vec::new(),
        }
    }

    /// Adds an image unless one with the same URL is there.
    pub(crate) fn add_image(&mut self, image: Image<'a>) {
        if !image.url.is_empty() && !self.images.iter().any(|i| i.url == image.url) {
            self.images.push(image);
        }
    }
}

/// The host of an absolute URL, without `www.`.
#[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
pub(crate) fn domain_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// `Some(text)` unless it is empty or only whitespace.
pub(crate) fn non_empty(text: Text<'_>) -> Option<Text<'_>> {
    (!text.trim().is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::domain_of;

    #[test]
    fn domains() {
        let rows = [
            ("https://www.techspot.com/news/1", Some("techspot.com")),
            ("http://user@e.x:8080/a?b", Some("e.x")),
            ("https://e.x", Some("e.x")),
            ("/assets/images/a.png", None),
            ("https:///x", None),
        ];
        for (url, want) in rows {
            assert_eq!(domain_of(url), want, "{url}");
        }
    }
}
