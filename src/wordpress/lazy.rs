//! [`Lazy`]: a value kept as its checked JSON text while the object around
//! it is read, and read into its model when it is asked for.
//!
//! `_links` and `_embedded` are most of a post fetched with `?_embed` (the
//! embedded author, media with every image size, terms) and most readers
//! never look at them: building them while reading took more than half of
//! the time. Checking their text is a skip, at the cost of serde_json's
//! `IgnoredAny`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::RawJson;
use super::json::Controls;
use super::json::from_str_seed;
use crate::map_text::MapText;
use crate::{Error, Text};

/// A JSON value kept as its text (checked to be JSON when the object
/// around it was read) and read into `T` when asked for, with
/// [`Lazy::read`]: `_links` ([`Links`](super::Links)) and `_embedded`
/// ([`Embedded`](super::Embedded)).
///
/// Each `read` reads the text again (nothing is cached, so that a model
/// holding one stays covariant, and `Post<'static>` is a `Post<'a>`): keep
/// what it gives while you use it. It writes back as the text it was read
/// from.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let post = wordpress::from_str::<Post>(
///     r#"{"id":1,"_links":{"self":[{"href":"https:\/\/e.x\/wp-json\/wp\/v2\/posts\/1"}]},
///         "_embedded":{"author":[{"id":2,"name":"Ann"}]}}"#,
/// )?;
/// let links = post.links.as_ref().unwrap();
/// assert!(links.raw().get().starts_with(r#"{"self""#));
/// let href = links.read()?.get("self").unwrap()[0].href().unwrap();
/// assert_eq!(href, "https://e.x/wp-json/wp/v2/posts/1");
/// let embedded = post.embedded.as_ref().unwrap().read()?;
/// let author = &embedded.author.as_ref().unwrap()[0];
/// assert_eq!(author.item().unwrap().name.as_deref(), Some("Ann"));
/// # Ok::<(), pressmark::Error>(())
/// ```
pub struct Lazy<'a, T> {
    raw: RawJson<'a>,
    _model: PhantomData<fn() -> T>,
}

impl<'a, T: LazyModel<'a>> Lazy<'a, T> {
    /// Reads the value from the text.
    ///
    /// # Errors
    ///
    /// When the text, which is JSON, is not a `T` (`"_links":{"self":5}`):
    /// the error's path starts at the field, and its position is in the
    /// field's text (the input is not kept).
    pub fn read(&self) -> Result<T, Error> {
        T::read_lazily(&self.raw)
    }
}

impl<'a, T> Lazy<'a, T> {
    /// A value of `raw`'s text, read when asked for.
    pub(crate) fn from_raw(raw: RawJson<'a>) -> Lazy<'a, T> {
        Lazy {
            raw,
            _model: PhantomData,
        }
    }

    /// The text, as in the input.
    #[must_use]
    pub fn raw(&self) -> &RawJson<'a> {
        &self.raw
    }

    /// Detaches the value from the input.
    #[must_use]
    pub fn into_owned(self) -> Lazy<'static, T::Out<'static>>
    where
        T: MapText<'a>,
    {
        Lazy {
            raw: self.raw.into_owned(),
            _model: PhantomData,
        }
    }
}

/// The models a [`Lazy`] reads: `_links`, `_embedded`, and
/// [`Post::acf`](super::Post::acf).
pub trait LazyModel<'a>: Sized + private::Sealed {
    /// Reads the value from its text.
    #[doc(hidden)]
    fn read_lazily(raw: &RawJson<'a>) -> Result<Self, Error>;
}

mod private {
    pub trait Sealed {}
    impl Sealed for super::super::Links<'_> {}
    impl Sealed for super::super::Embedded<'_> {}
    impl Sealed for super::super::AcfFields<'_> {}
}

/// Reads `T` from `json`, the text of the field `key`; an error's path
/// starts at the field, its position is in the text.
fn read_field<'j, T: Deserialize<'j>>(json: &'j str, key: &str) -> Result<T, Error> {
    let controls = Controls::default();
    from_str_seed(json, 0, Some(&controls), std::marker::PhantomData).map_err(|e| {
        super::error_path::json_error(json, 0, e)
            .relocate(json.as_bytes(), |b| b)
            .in_field(key)
    })
}

/// Implements [`LazyModel`]: borrowing from the input when the text is a
/// slice of it; from a text the reader escaped (raw control characters in
/// a dump), as owned values.
macro_rules! lazy_model {
    ($ty:ident, $key:literal) => {
        impl<'a> LazyModel<'a> for super::$ty<'a> {
            fn read_lazily(raw: &RawJson<'a>) -> Result<Self, Error> {
                let text = raw.clone().into_text();
                match text.as_borrowed() {
                    Some(json) => read_field(json, $key),
                    None => read_field::<super::$ty<'_>>(text.as_str(), $key)
                        .map(super::$ty::into_owned),
                }
            }
        }
    };
}

lazy_model!(Links, "_links");
lazy_model!(Embedded, "_embedded");
lazy_model!(AcfFields, "acf");

impl<'de: 'a, 'a, T> Deserialize<'de> for Lazy<'a, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawJson::deserialize(deserializer).map(|raw| Lazy {
            raw,
            _model: PhantomData,
        })
    }
}

impl<T> Serialize for Lazy<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

impl<T> Clone for Lazy<'_, T> {
    fn clone(&self) -> Self {
        Lazy {
            raw: self.raw.clone(),
            _model: PhantomData,
        }
    }
}

/// Equal when the texts are.
impl<T> PartialEq for Lazy<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<T> fmt::Debug for Lazy<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lazy({})", self.raw.get())
    }
}

impl<'a, T: MapText<'a>> MapText<'a> for Lazy<'a, T> {
    type Out<'b> = Lazy<'b, T::Out<'b>>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        Lazy {
            raw: self.raw.map_text(f),
            _model: PhantomData,
        }
    }
}

impl<T> super::object::FieldShape for Lazy<'_, T> {
    fn is_json_object(&self) -> bool {
        self.raw.get().starts_with('{')
    }

    fn says_wordpress(&self) -> bool {
        let raw = self.raw.get();
        super::kind::links_say_wordpress(raw) || raw.contains("\"author\"")
    }
}
