//! The other objects of the REST API: terms, users, media, comments, and
//! error responses.

use super::object::wp_object;
use super::{
    Discussion, Lazy, Links, LocalDateTime, PhpList, PhpMap, PostType, RawJson, Rendered, Status,
    ZonedDateTime,
};
use crate::Text;

wp_object! {
    "term"
    /// A category, tag or custom taxonomy term (`/wp/v2/categories`, ...).
    pub struct Term<'a> {
        /// The term's id.
        id: u64 = "id" [lenient],
        /// How many published posts have the term.
        count: u64 = "count" [lenient],
        /// The description.
        description: Text<'a> = "description",
        /// The term archive's URL.
        link: Text<'a> = "link",
        /// The display name (HTML entities kept).
        name: Text<'a> = "name",
        /// The URL slug.
        slug: Text<'a> = "slug",
        /// The taxonomy: `category`, `post_tag`, or a custom one.
        taxonomy: Text<'a> = "taxonomy",
        /// The parent term's id (hierarchical taxonomies).
        parent: u64 = "parent" [lenient],
        /// Registered meta fields.
        meta: PhpMap<'a, RawJson<'a>> = "meta",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}

wp_object! {
    "user"
    /// A user (`/wp/v2/users`, or a post's embedded author), every field
    /// of core's schema in the view, edit and embed contexts.
    pub struct User<'a> {
        /// The user's id.
        id: u64 = "id" [lenient],
        /// The login name (edit context).
        username: Text<'a> = "username",
        /// The display name.
        name: Text<'a> = "name",
        /// The first name (edit context).
        first_name: Text<'a> = "first_name",
        /// The last name (edit context).
        last_name: Text<'a> = "last_name",
        /// The email address (edit context).
        email: Text<'a> = "email",
        /// The user's website.
        url: Text<'a> = "url",
        /// The biography.
        description: Text<'a> = "description",
        /// The author archive's URL.
        link: Text<'a> = "link",
        /// The URL slug.
        slug: Text<'a> = "slug",
        /// The locale (`en_US`; edit context).
        locale: Text<'a> = "locale",
        /// The nickname (edit context).
        nickname: Text<'a> = "nickname",
        /// When the user registered, with its offset (edit context).
        registered_date: ZonedDateTime<'a> = "registered_date",
        /// The roles (`administrator`, `editor`; edit context).
        roles: Vec<Text<'a>> = "roles",
        /// Every capability the user has, by name (edit context).
        capabilities: PhpMap<'a, bool> = "capabilities",
        /// The capabilities granted to the user alone, by name (edit
        /// context).
        extra_capabilities: PhpMap<'a, bool> = "extra_capabilities",
        /// Avatar URLs by pixel size (`"24"`, `"48"`, `"96"`).
        avatar_urls: PhpMap<'a, Text<'a>> = "avatar_urls",
        /// Registered meta fields.
        meta: PhpMap<'a, RawJson<'a>> = "meta",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}

wp_object! {
    "media"
    /// A media item (`/wp/v2/media`, or a post's embedded featured media): an
    /// attachment post with its file's details.
    pub struct Media<'a> {
        /// The attachment's id.
        id: u64 = "id" [lenient],
        /// Upload date-time, site-local.
        date: LocalDateTime<'a> = "date",
        /// Upload date-time, UTC.
        date_gmt: LocalDateTime<'a> = "date_gmt",
        /// The globally unique identifier.
        guid: Rendered<'a> = "guid" [object],
        /// Last modification, site-local.
        modified: LocalDateTime<'a> = "modified",
        /// Last modification, UTC.
        modified_gmt: LocalDateTime<'a> = "modified_gmt",
        /// The URL slug.
        slug: Text<'a> = "slug",
        /// Status (usually `inherit`).
        status: Status<'a> = "status",
        /// Post type (`attachment`).
        post_type: PostType<'a> = "type",
        /// The attachment page's URL.
        link: Text<'a> = "link",
        /// The title.
        title: Rendered<'a> = "title" [object],
        /// The uploader's user id.
        author: u64 = "author" [lenient],
        /// The featured media's id (audio and video can have one).
        featured_media: u64 = "featured_media" [lenient],
        /// Whether comments are open.
        comment_status: Discussion<'a> = "comment_status",
        /// Whether pings are open.
        ping_status: Discussion<'a> = "ping_status",
        /// The theme template file.
        template: Text<'a> = "template",
        /// Registered meta fields.
        meta: PhpMap<'a, RawJson<'a>> = "meta",
        /// The permalink with `%postname%` left in (edit context).
        permalink_template: Text<'a> = "permalink_template",
        /// The slug WordPress would generate (edit context).
        generated_slug: Text<'a> = "generated_slug",
        /// CSS classes.
        class_list: PhpList<'a, Text<'a>> = "class_list",
        /// The description.
        description: Rendered<'a> = "description" [object],
        /// The caption.
        caption: Rendered<'a> = "caption" [object],
        /// The alternative text for images.
        alt_text: Text<'a> = "alt_text",
        /// `image`, `file`, ...
        media_type: Text<'a> = "media_type",
        /// The MIME type.
        mime_type: Text<'a> = "mime_type",
        /// The file's dimensions and sizes.
        media_details: MediaDetails<'a> = "media_details" [object],
        /// The id of the post the media is attached to.
        post: u64 = "post" [lenient],
        /// The original file's URL.
        source_url: Text<'a> = "source_url",
        /// The image sizes WordPress has not generated yet (edit context).
        missing_image_sizes: Vec<Text<'a>> = "missing_image_sizes",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}

wp_object! {
    "media details"
    /// A media item's file details.
    pub struct MediaDetails<'a> {
        /// Width in pixels.
        width: u32 = "width" [lenient],
        /// Height in pixels.
        height: u32 = "height" [lenient],
        /// The file path under the uploads folder.
        file: Text<'a> = "file",
        /// File size in bytes.
        filesize: u64 = "filesize" [lenient],
        /// The generated sizes by name (`thumbnail`, `medium`, `full`, ...).
        sizes: PhpMap<'a, MediaSize<'a>> = "sizes",
        /// EXIF-style metadata (numbers often sent as strings), kept raw.
        image_meta: RawJson<'a> = "image_meta",
    }
}

wp_object! {
    "media size"
    /// One generated size of an image.
    pub struct MediaSize<'a> {
        /// The file name.
        file: Text<'a> = "file",
        /// Width in pixels.
        width: u32 = "width" [lenient],
        /// Height in pixels.
        height: u32 = "height" [lenient],
        /// File size in bytes.
        filesize: u64 = "filesize" [lenient],
        /// The MIME type.
        mime_type: Text<'a> = "mime_type",
        /// The URL.
        source_url: Text<'a> = "source_url",
    }
}

wp_object! {
    "comment"
    /// A comment (`/wp/v2/comments`, or a post's embedded `replies`),
    /// every field of core's schema in the view, edit and embed contexts.
    pub struct Comment<'a> {
        /// The comment's id.
        id: u64 = "id" [lenient],
        /// The post's id.
        post: u64 = "post" [lenient],
        /// The parent comment's id; `0` for a top-level comment.
        parent: u64 = "parent" [lenient],
        /// The commenter's user id; `0` for a guest.
        author: u64 = "author" [lenient],
        /// The commenter's name.
        author_name: Text<'a> = "author_name",
        /// The commenter's website.
        author_url: Text<'a> = "author_url",
        /// The commenter's email address (edit context).
        author_email: Text<'a> = "author_email",
        /// The commenter's IP address (edit context).
        author_ip: Text<'a> = "author_ip",
        /// The commenter's browser (edit context).
        author_user_agent: Text<'a> = "author_user_agent",
        /// Date-time, site-local.
        date: LocalDateTime<'a> = "date",
        /// Date-time, UTC.
        date_gmt: LocalDateTime<'a> = "date_gmt",
        /// The comment's text.
        content: Rendered<'a> = "content" [object],
        /// The comment's URL.
        link: Text<'a> = "link",
        /// `approved`, `hold`, ...
        status: Text<'a> = "status",
        /// `comment`, `pingback`, ...
        comment_type: Text<'a> = "type",
        /// Avatar URLs by pixel size.
        author_avatar_urls: PhpMap<'a, Text<'a>> = "author_avatar_urls",
        /// Registered meta fields.
        meta: PhpMap<'a, RawJson<'a>> = "meta",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}

wp_object! {
    "error"
    /// An error response of the REST API, also found in place of an object
    /// that could not be embedded:
    /// `{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}`.
    pub struct ApiError<'a> {
        /// The machine-readable code.
        code: Text<'a> = "code",
        /// The human-readable message.
        message: Text<'a> = "message",
        /// The status and other details.
        data: ApiErrorData<'a> = "data" [object],
        /// Further errors, when several occurred.
        additional_errors: Vec<ApiError<'a>> = "additional_errors",
    }
}

wp_object! {
    "error data"
    /// The `data` of an [`ApiError`].
    pub struct ApiErrorData<'a> {
        /// The HTTP status.
        status: u16 = "status" [lenient],
    }
}

impl ApiError<'_> {
    /// The HTTP status, when sent.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        self.data.as_ref().and_then(|d| d.status)
    }
}

impl std::fmt::Display for ApiError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = self.code.as_deref().unwrap_or("unknown");
        write!(f, "wordpress api error `{code}`")?;
        if let Some(status) = self.status() {
            write!(f, " (status {status})")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}
