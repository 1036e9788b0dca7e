//! Open enums for WordPress's enumerated strings: known values are variants,
//! anything else is kept as `Other` instead of being rejected.

/// Defines an open enum over string values.
macro_rules! open_enum {
    (
        $(#[$attr:meta])*
        pub enum $name:ident<$lt:lifetime> {
            $( $(#[$vattr:meta])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name<$lt> {
            $( $(#[$vattr])* #[doc = concat!("\n\n`\"", $value, "\"`")] $variant, )*
            /// A value this crate does not know, kept as sent.
            Other($crate::Text<$lt>),
        }

        impl<$lt> $name<$lt> {
            /// The value as sent.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )*
                    $name::Other(s) => s,
                }
            }

            /// Detaches the value from the input.
            #[must_use]
            pub fn into_owned(self) -> $name<'static> {
                $crate::map_text::MapText::map_text(self, &mut $crate::Text::into_owned)
            }
        }

        impl<$lt> From<$crate::Text<$lt>> for $name<$lt> {
            fn from(text: $crate::Text<$lt>) -> Self {
                match text.as_str() {
                    $( $value => $name::$variant, )*
                    _ => $name::Other(text),
                }
            }
        }

        impl std::fmt::Display for $name<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de: $lt, $lt> serde::Deserialize<'de> for $name<$lt> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::Text::deserialize(deserializer).map($name::from)
            }
        }

        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<$lt> $crate::map_text::MapText<$lt> for $name<$lt> {
            type Out<'b> = $name<'b>;
            fn map_text<'b, F: FnMut($crate::Text<$lt>) -> $crate::Text<'b>>(self, f: &mut F) -> $name<'b> {
                match self {
                    $( $name::$variant => $name::$variant, )*
                    $name::Other(s) => $name::Other(f(s)),
                }
            }
        }
    };
}

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
    pub enum Format<'a> {
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
