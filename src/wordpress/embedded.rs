//! `_embedded`: the related objects `?_embed` puts inside a post.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};

use super::object::{FromMap, wp_object};
use super::{ApiError, Comment, Media, Post, Term, User};
use crate::Text;
use crate::map_text::MapText;

wp_object! {
    "embedded"
    /// `_embedded`: related objects by relation. Relations the model does not
    /// type (`wp:attachment`, plugin relations) are kept in `extra`.
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Embed, Post};
    ///
    /// let post = wordpress::from_str::<Post>(r#"{"_embedded":{
    ///     "author":[{"code":"rest_user_invalid_id","message":"Invalid user ID.","data":{"status":404}}],
    ///     "wp:term":[[{"id":3,"name":"News","taxonomy":"category"}],[]]}}"#)?;
    /// let embedded = post.embedded.as_ref().unwrap().read()?;
    /// let Embed::Error(err) = &embedded.author.as_ref().unwrap()[0] else { panic!() };
    /// assert_eq!(err.status(), Some(404));
    /// let terms = embedded.terms.as_ref().unwrap();
    /// assert_eq!(terms[0][0].item().unwrap().name.as_deref(), Some("News"));
    /// assert!(terms[1].is_empty());
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub struct Embedded<'a> {
        /// The author(s).
        author: Vec<Embed<'a, User<'a>>> = "author",
        /// The featured image or other media.
        featured_media: Vec<Embed<'a, Media<'a>>> = "wp:featuredmedia",
        /// Terms, one inner list per taxonomy link (inner lists can be empty).
        terms: Vec<Vec<Embed<'a, Term<'a>>>> = "wp:term",
        /// Comments, one inner list per `replies` link.
        replies: Vec<Vec<Embed<'a, Comment<'a>>>> = "replies",
        /// The parent post (pages and hierarchical types).
        up: Vec<Embed<'a, Post<'a>>> = "up",
    }
}

/// One embedded object, or the error WordPress put in its place when it
/// could not embed it (`{code, message, data: {status}}`): a failed embed
/// does not fail the post.
///
/// An object whose first key is `code` reads as an error.
#[derive(Clone, Debug, PartialEq)]
pub enum Embed<'a, T> {
    /// The embedded object.
    Item(T),
    /// The error WordPress returned instead.
    Error(Box<ApiError<'a>>),
}

impl<'a, T> Embed<'a, T> {
    /// The object, unless it is an error.
    #[must_use]
    pub fn item(&self) -> Option<&T> {
        match self {
            Embed::Item(item) => Some(item),
            Embed::Error(_) => None,
        }
    }

    /// The error, if this embed failed.
    #[must_use]
    pub fn error(&self) -> Option<&ApiError<'a>> {
        match self {
            Embed::Item(_) => None,
            Embed::Error(err) => Some(err),
        }
    }
}

impl<'de: 'a, 'a, T: FromMap<'a>> Deserialize<'de> for Embed<'a, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EmbedVisitor<'a, T>(PhantomData<(&'a (), T)>);

        impl<'de: 'a, 'a, T: FromMap<'a>> Visitor<'de> for EmbedVisitor<'a, T> {
            type Value = Embed<'a, T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an embedded object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                // One pass: the first key decides which model reads the rest.
                let first = map.next_key::<Text<'de>>()?;
                if first.as_deref() == Some("code") {
                    ApiError::from_map(first, map).map(|e| Embed::Error(Box::new(e)))
                } else {
                    T::from_map(first, map).map(Embed::Item)
                }
            }
        }

        deserializer.deserialize_map(EmbedVisitor(PhantomData))
    }
}

impl<T: Serialize> Serialize for Embed<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Embed::Item(item) => item.serialize(serializer),
            Embed::Error(err) => err.serialize(serializer),
        }
    }
}

impl<'a, T: MapText<'a>> MapText<'a> for Embed<'a, T> {
    type Out<'b> = Embed<'b, T::Out<'b>>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        match self {
            Embed::Item(item) => Embed::Item(item.map_text(f)),
            Embed::Error(err) => Embed::Error(err.map_text(f)),
        }
    }
}
