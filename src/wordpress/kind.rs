//! Telling what a REST API object is from its keys, and [`Response`], which
//! holds whatever a response held.

use std::fmt;

use super::parse::Model;
use super::{ApiError, Comment, Media, Post, PostType, RawJson, Term, User};
use crate::Text;
use crate::map_text::MapText;

/// What kind of object a REST API object is, told from its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A post, page or custom post type.
    Post,
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
    /// Anything else (a post type or taxonomy description, settings, ...).
    Other,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Post => "post",
            Kind::Media => "media",
            Kind::Term => "term",
            Kind::User => "user",
            Kind::Comment => "comment",
            Kind::Error => "error",
            Kind::Other => "other",
        })
    }
}

/// Keys only a post-like object has.
const POST_KEYS: &[&str] = &[
    "title",
    "content",
    "excerpt",
    "date",
    "date_gmt",
    "guid",
    "modified",
    "status",
    "type",
    "comment_status",
    "format",
    "template",
    "sticky",
];

/// The kind of an object with keys `has`, and the key that told it, for
/// messages ("a term object (it has `taxonomy`)").
pub(crate) fn classify(
    has: impl Fn(&str) -> bool,
    post_type: Option<&str>,
) -> (Kind, &'static str) {
    let found = |k: Kind, why: &'static str| (k, why);
    if has("code") && has("message") && !has("id") {
        return found(
            Kind::Error,
            "a wordpress api error (it has `code` and `message`)",
        );
    }
    if post_type == Some("attachment") || has("media_type") || has("media_details") {
        return found(Kind::Media, "a media object (it has `media_type`)");
    }
    if has("taxonomy") && !has("title") {
        return found(Kind::Term, "a term object (it has `taxonomy`)");
    }
    if has("avatar_urls") && !has("title") {
        return found(Kind::User, "a user object (it has `avatar_urls`)");
    }
    if has("author_name") && has("post") {
        return found(
            Kind::Comment,
            "a comment object (it has `author_name` and `post`)",
        );
    }
    if has("rest_base") {
        return found(
            Kind::Other,
            "a type or taxonomy description (it has `rest_base`)",
        );
    }
    if POST_KEYS.iter().any(|k| has(k)) {
        return found(Kind::Post, "a post object");
    }
    if has("name") && has("slug") {
        return found(Kind::User, "a user object (it has `name` and `slug`)");
    }
    if has("id") {
        return found(Kind::Post, "a post object");
    }
    found(
        Kind::Other,
        "an object with none of the keys of a post, term, user or comment",
    )
}

macro_rules! impl_model {
    ($ty:ident, $kind:expr, $post_type:expr) => {
        impl<'a> Model<'a> for $ty<'a> {
            const KIND: Kind = $kind;
            fn kind(&self) -> (Kind, &'static str) {
                let post_type = $post_type(self);
                classify(|k| self.has_key(k), post_type)
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

fn none<T>(_: &T) -> Option<&str> {
    None
}

fn post_type<'s>(t: Option<&'s PostType<'_>>) -> Option<&'s str> {
    t.map(PostType::as_str)
}

fn post_type_of_post<'s>(p: &'s Post<'_>) -> Option<&'s str> {
    post_type(p.post_type.as_ref())
}

fn post_type_of_media<'s>(m: &'s Media<'_>) -> Option<&'s str> {
    post_type(m.post_type.as_ref())
}

impl_model!(Post, Kind::Post, post_type_of_post);
impl_model!(Media, Kind::Media, post_type_of_media);
impl_model!(Term, Kind::Term, none);
impl_model!(User, Kind::User, none);
impl_model!(Comment, Kind::Comment, none);
impl_model!(ApiError, Kind::Error, none);

/// One object of a response, read as the model its keys say it is.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Object<'a> {
    /// A post, page or custom post type.
    Post(Box<Post<'a>>),
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
    /// An object of another kind, kept as raw JSON.
    Other(RawJson<'a>),
}

impl<'a> Object<'a> {
    /// What kind of object this is.
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Object::Post(_) => Kind::Post,
            Object::Media(_) => Kind::Media,
            Object::Term(_) => Kind::Term,
            Object::User(_) => Kind::User,
            Object::Comment(_) => Kind::Comment,
            Object::Error(_) => Kind::Error,
            Object::Other(_) => Kind::Other,
        }
    }

    /// The post, if this is one.
    #[must_use]
    pub fn as_post(&self) -> Option<&Post<'a>> {
        match self {
            Object::Post(p) => Some(p),
            _ => None,
        }
    }
}

impl serde::Serialize for Object<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Object::Post(v) => v.serialize(serializer),
            Object::Media(v) => v.serialize(serializer),
            Object::Term(v) => v.serialize(serializer),
            Object::User(v) => v.serialize(serializer),
            Object::Comment(v) => v.serialize(serializer),
            Object::Error(v) => v.serialize(serializer),
            Object::Other(v) => v.serialize(serializer),
        }
    }
}

impl<'a> MapText<'a> for Object<'a> {
    type Out<'b> = Object<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Object<'b> {
        match self {
            Object::Post(v) => Object::Post(v.map_text(f)),
            Object::Media(v) => Object::Media(v.map_text(f)),
            Object::Term(v) => Object::Term(v.map_text(f)),
            Object::User(v) => Object::User(v.map_text(f)),
            Object::Comment(v) => Object::Comment(v.map_text(f)),
            Object::Error(v) => Object::Error(v.map_text(f)),
            Object::Other(v) => Object::Other(v.map_text(f)),
        }
    }
}

/// Whatever a REST API response held: one object or a collection.
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
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Response<'a> {
    /// A single object.
    Single(Object<'a>),
    /// A collection (a JSON array of objects).
    Collection(Vec<Object<'a>>),
}

impl<'a> Response<'a> {
    /// Every object, one for a single object.
    pub fn objects(&self) -> impl Iterator<Item = &Object<'a>> {
        match self {
            Response::Single(o) => std::slice::from_ref(o).iter(),
            Response::Collection(v) => v.iter(),
        }
    }

    /// The posts among the objects.
    pub fn posts(&self) -> impl Iterator<Item = &Post<'a>> {
        self.objects().filter_map(Object::as_post)
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
        }
    }
}

impl<'a> MapText<'a> for Response<'a> {
    type Out<'b> = Response<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Response<'b> {
        match self {
            Response::Single(o) => Response::Single(o.map_text(f)),
            Response::Collection(v) => Response::Collection(v.map_text(f)),
        }
    }
}
