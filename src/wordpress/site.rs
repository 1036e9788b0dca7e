//! The site's settings (`/wp/v2/settings`) and search results
//! (`/wp/v2/search`), every field of core's schema.

use super::object::wp_object;
use super::{Discussion, Lazy, Links};
use crate::Text;

wp_object! {
    "settings"
    /// The site's settings (`/wp/v2/settings`, edit context only).
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Kind, Response};
    ///
    /// let json = r#"{"title":"Tides","description":"Sea news","url":"https://e.x",
    ///     "date_format":"F j, Y","posts_per_page":10,"site_logo":null}"#;
    /// let response = wordpress::from_str::<Response>(json)?;
    /// assert_eq!(response.objects().next().unwrap().kind(), Kind::Settings);
    /// assert_eq!(response.posts().count(), 0); // not an article
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub struct Settings<'a> {
        /// The site's title.
        title: Text<'a> = "title",
        /// The site's tagline.
        description: Text<'a> = "description",
        /// The site's URL.
        url: Text<'a> = "url",
        /// The administrator's email address.
        email: Text<'a> = "email",
        /// A city in the site's time zone.
        timezone: Text<'a> = "timezone",
        /// The format of dates (PHP's `date` letters).
        date_format: Text<'a> = "date_format",
        /// The format of times.
        time_format: Text<'a> = "time_format",
        /// The day a week starts on (0 is Sunday).
        start_of_week: u64 = "start_of_week" [lenient],
        /// The site's language code (`en_US`).
        language: Text<'a> = "language",
        /// Whether emoticons become graphics.
        use_smilies: bool = "use_smilies",
        /// The default category's id.
        default_category: u64 = "default_category" [lenient],
        /// The default post format (`0` for standard).
        default_post_format: Text<'a> = "default_post_format",
        /// How many posts a page of the blog shows.
        posts_per_page: u64 = "posts_per_page" [lenient],
        /// What the front page shows: `posts` or `page`.
        show_on_front: Text<'a> = "show_on_front",
        /// The front page's id.
        page_on_front: u64 = "page_on_front" [lenient],
        /// The posts page's id.
        page_for_posts: u64 = "page_for_posts" [lenient],
        /// Whether new posts accept pings by default.
        default_ping_status: Discussion<'a> = "default_ping_status",
        /// Whether new posts accept comments by default.
        default_comment_status: Discussion<'a> = "default_comment_status",
        /// The site logo's media id, or `null`.
        site_logo: u64 = "site_logo" [lenient],
        /// The site icon's media id, or `null`.
        site_icon: u64 = "site_icon" [lenient],
    }
}

wp_object! {
    "search result"
    /// A search result (`/wp/v2/search`): a post, a term or a post format
    /// that matched.
    pub struct SearchResult<'a> {
        /// The object's id (a post format's is its slug, kept in `extra`).
        id: u64 = "id" [lenient],
        /// The object's title.
        title: Text<'a> = "title",
        /// The object's URL.
        url: Text<'a> = "url",
        /// What the object is: `post`, `term` or `post-format`.
        object_type: Text<'a> = "type",
        /// Its subtype: the post type or taxonomy (`post`, `category`).
        subtype: Text<'a> = "subtype",
        /// Hypermedia links (`self` is the object itself).
        links: Lazy<'a, Links<'a>> = "_links",
    }
}
