//! The aggregator's news item: [`NewsItem`] and the types it is made of.

use time::OffsetDateTime;

use super::model::{front_matter_model, text_field};
use crate::Text;
use crate::open_enum::open_enum;

open_enum! {
    /// What an item is (`type:`). Open: a kind this crate does not know is
    /// kept in [`ItemType::Other`], not rejected.
    pub enum ItemType<'a> {
        /// A news article.
        Article = "article",
        /// A video (older news items, `_learning/videos`).
        Video = "video",
        /// A course (`_learning/courses`).
        Course = "course",
        /// A playlist of other items (`_learning/collections`).
        Collection = "collection",
        /// A downloadable sample (`_samples`).
        Download = "download",
        /// A community (`_communities`).
        Forum = "forum",
        /// A person (`_people`).
        Profile = "profile",
    }
}
text_field!(ItemType);

front_matter_model! {
    /// An image: a provider's logo or an item's picture.
    pub struct NewsImage<'a> {
        /// `url`: absolute, or relative to the aggregator's site
        /// (`/assets/images/...`).
        "url" => url: Text<'a>,
        /// `width` in pixels.
        "width" => width: Option<u32>,
        /// `height` in pixels.
        "height" => height: Option<u32>,
        /// `isCached`: whether the aggregator keeps a copy.
        "isCached" => is_cached: Option<bool>,
        /// `title`, on some images.
        "title" => title: Option<Text<'a>>,
    }
}

front_matter_model! {
    /// The site an item comes from (`provider:`); people have the same shape
    /// under `affiliation:`.
    pub struct Provider<'a> {
        /// `name`: the site's name (`TechSpot`).
        "name" => name: Text<'a>,
        /// `domain`: its domain (`techspot.com`).
        "domain" => domain: Option<Text<'a>>,
        /// `images`: its logos.
        "images" => images: Vec<NewsImage<'a>>,
    }
}

front_matter_model! {
    /// An item related to a news item (`related:`).
    pub struct Related<'a> {
        /// `title`, raw (may hold HTML entities).
        "title" => title: Text<'a>,
        /// `excerpt`, raw.
        "excerpt" => excerpt: Option<Text<'a>>,
        /// `publishedDateTime`.
        "publishedDateTime" => published_date_time: Option<OffsetDateTime>,
        /// `originalUrl`.
        "originalUrl" => original_url: Option<Text<'a>>,
        /// `webUrl`.
        "webUrl" => web_url: Option<Text<'a>>,
        /// `ampWebUrl`.
        "ampWebUrl" => amp_web_url: Option<Text<'a>>,
        /// `cdnAmpWebUrl`.
        "cdnAmpWebUrl" => cdn_amp_web_url: Option<Text<'a>>,
        /// `type`.
        "type" => kind: Option<ItemType<'a>>,
        /// `provider`.
        "provider" => provider: Option<Provider<'a>>,
        /// `quality`: the aggregator's score.
        "quality" => quality: Option<i64>,
        /// `images`.
        "images" => images: Vec<NewsImage<'a>>,
    }
}

front_matter_model! {
    /// A news item as the aggregator writes it in `_news/*.md`.
    ///
    /// Required (present in every news item): `category`, `title`,
    /// `excerpt`, `publishedDateTime`, `type`, `provider`, `secured`; the
    /// rest is optional. Serializing gives the known keys in the
    /// aggregator's order, then [`NewsItem::extra`].
    ///
    /// Read one with [`news_item`](super::news_item).
    pub struct NewsItem<'a> {
        /// `category` (`news`).
        "category" => category: Text<'a>,
        /// `title`, raw: it may hold HTML entities (`&nbsp;`) and stray
        /// U+00A0 characters.
        "title" => title: Text<'a>,
        /// `excerpt`, raw, like the title.
        "excerpt" => excerpt: Text<'a>,
        /// `publishedDateTime`: when the item was published, RFC 3339.
        "publishedDateTime" => published_date_time: OffsetDateTime,
        /// `originalUrl`: where the aggregator found the item.
        "originalUrl" => original_url: Option<Text<'a>>,
        /// `webUrl`: the item's canonical page.
        "webUrl" => web_url: Option<Text<'a>>,
        /// `ampWebUrl`: its AMP page.
        "ampWebUrl" => amp_web_url: Option<Text<'a>>,
        /// `cdnAmpWebUrl`: its AMP page on the AMP cache.
        "cdnAmpWebUrl" => cdn_amp_web_url: Option<Text<'a>>,
        /// `type`: article, video...
        "type" => kind: ItemType<'a>,
        /// `quality`: the aggregator's score.
        "quality" => quality: Option<i64>,
        /// `heat`: the aggregator's popularity score (can be `-1`).
        "heat" => heat: Option<i64>,
        /// `published`: whether the aggregator shows the item.
        "published" => published: Option<bool>,
        /// `featuredContent`: an HTML fragment (an `<iframe>` for videos).
        "featuredContent" => featured_content: Option<Text<'a>>,
        /// `provider`: the site the item comes from.
        "provider" => provider: Provider<'a>,
        /// `topics`.
        "topics" => topics: Vec<Text<'a>>,
        /// `images`.
        "images" => images: Vec<NewsImage<'a>>,
        /// `related`: other items on the same story.
        "related" => related: Vec<Related<'a>>,
        /// `secured`: an opaque string (`base64;base64`), kept as is.
        "secured" => secured: Text<'a>,
    }
}
