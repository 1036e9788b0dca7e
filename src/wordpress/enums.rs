//! Open enums for WordPress's enumerated strings: known values are variants,
//! anything else is kept as `Other` instead of being rejected.

use crate::open_enum::open_enum;

open_enum! {
    /// A post's `status`.
    ///
    /// ```
    /// use pressmark::wordpress::Status;
    /// assert_eq!(Status::from(pressmark::Text::borrowed("publish")), Status::Publish);
    /// assert_eq!(Status::from(pressmark::Text::borrowed("archived")).as_str(), "archived");
    /// ```
    pub enum Status<'a> {
        /// Published.
        Publish = "publish",
        /// Scheduled for later.
        Future = "future",
        /// A draft.
        Draft = "draft",
        /// Awaiting review.
        Pending = "pending",
        /// Visible to editors only.
        Private = "private",
        /// In the trash.
        Trash = "trash",
        /// Created automatically, never saved.
        AutoDraft = "auto-draft",
        /// Takes its status from its parent (attachments, revisions).
        Inherit = "inherit",
    }
}

open_enum! {
    /// A post's `format`.
    pub enum PostFormat<'a> {
        /// The default format.
        Standard = "standard",
        /// An aside.
        Aside = "aside",
        /// A chat transcript.
        Chat = "chat",
        /// A gallery.
        Gallery = "gallery",
        /// A link.
        Link = "link",
        /// An image.
        Image = "image",
        /// A quotation.
        Quote = "quote",
        /// A status update.
        Status = "status",
        /// A video.
        Video = "video",
        /// An audio file.
        Audio = "audio",
    }
}

open_enum! {
    /// Whether comments or pings are accepted (`comment_status`, `ping_status`).
    pub enum Discussion<'a> {
        /// Accepted.
        Open = "open",
        /// Not accepted.
        Closed = "closed",
    }
}

open_enum! {
    /// A post's `type`: the built-in types, or a custom post type's name.
    pub enum PostType<'a> {
        /// A blog post.
        Post = "post",
        /// A page.
        Page = "page",
        /// A media item.
        Attachment = "attachment",
        /// A navigation menu item.
        NavMenuItem = "nav_menu_item",
        /// A reusable block.
        Block = "wp_block",
    }
}
