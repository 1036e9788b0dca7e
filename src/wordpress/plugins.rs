//! The fields widespread plugins add to posts: Advanced Custom Fields'
//! `acf` (kept in `extra`, read by [`Post::acf`](super::Post::acf)),
//! WPML's translations, All in One SEO's head. (Yoast SEO's is in
//! `yoast_json.rs`; Polylang, Jetpack and Rank Math send plain strings and
//! maps, typed on [`Post`](super::Post) itself.)

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::object::wp_object;
use super::{PhpMap, RawJson};
use crate::Text;
use crate::map_text::MapText;

/// Advanced Custom Fields' `acf`, from [`Post::acf`](super::Post::acf):
/// the post's fields by name, as raw JSON (their types are the site's
/// own). ACF sends `false` for a post without fields, and PHP `[]` for an
/// empty set; both read as no fields and write back as sent.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let none = wordpress::from_str::<Post>(r#"{"id":2,"acf":false}"#)?;
/// let acf = none.acf().unwrap()?;
/// assert!(acf.is_empty());
/// assert_eq!(serde_json::to_string(&acf).unwrap(), "false");
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AcfFields<'a> {
    fields: PhpMap<'a, RawJson<'a>>,
    sent_as: Sent,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Sent {
    #[default]
    Object,
    False,
    EmptyArray,
}

impl<'a> AcfFields<'a> {
    /// The field `name`'s value, as raw JSON.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&RawJson<'a>> {
        self.fields.get(name)
    }

    /// The field `name`'s value when it is a string, decoded.
    #[must_use]
    pub fn get_str(&self, name: &str) -> Option<Text<'a>> {
        let raw = self.fields.get(name)?;
        raw.get()
            .starts_with('"')
            .then(|| super::JsonStr::from_literal_text(raw.clone().into_text()).decode())
    }

    /// The fields, in input order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Text<'a>, &RawJson<'a>)> {
        self.fields.iter()
    }

    /// Whether there are no fields (`false`, `[]` or `{}`).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Detaches the fields from the input.
    #[must_use]
    pub fn into_owned(self) -> AcfFields<'static> {
        self.map_text(&mut Text::into_owned)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for AcfFields<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AcfVisitor;

        impl<'de> Visitor<'de> for AcfVisitor {
            type Value = AcfFields<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of fields (or `false`, or `[]`)")
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                match v {
                    false => Ok(AcfFields {
                        fields: PhpMap::default(),
                        sent_as: Sent::False,
                    }),
                    true => Err(E::invalid_value(de::Unexpected::Bool(true), &self)),
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = PhpMap::default();
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    fields.push(key, map.next_value()?);
                }
                Ok(AcfFields {
                    fields,
                    sent_as: Sent::Object,
                })
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                super::php::empty_object_as_array(seq)?;
                Ok(AcfFields {
                    fields: PhpMap::default(),
                    sent_as: Sent::EmptyArray,
                })
            }
        }

        deserializer.deserialize_any(AcfVisitor)
    }
}

impl Serialize for AcfFields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.sent_as {
            Sent::False if self.fields.is_empty() => serializer.serialize_bool(false),
            Sent::EmptyArray if self.fields.is_empty() => serializer.serialize_seq(Some(0))?.end(),
            _ => {
                let mut map = serializer.serialize_map(Some(self.fields.len()))?;
                for (k, v) in self.fields.iter() {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'a> MapText<'a> for AcfFields<'a> {
    type Out<'b> = AcfFields<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> AcfFields<'b> {
        AcfFields {
            fields: self.fields.map_text(f),
            sent_as: self.sent_as,
        }
    }
}

impl super::object::FieldShape for AcfFields<'_> {
    fn is_json_object(&self) -> bool {
        self.sent_as == Sent::Object
    }
}

wp_object! {
    "wpml translation"
    /// One of WPML's translations of a post (`wpml_translations`).
    pub struct WpmlTranslation<'a> {
        /// The translation's locale (`fr_FR`).
        locale: Text<'a> = "locale",
        /// The translated post's id.
        id: u64 = "id" [lenient],
        /// Its slug.
        slug: Text<'a> = "slug",
        /// Its title.
        post_title: Text<'a> = "post_title",
        /// Its URL.
        href: Text<'a> = "href",
    }
}

wp_object! {
    "all in one seo head"
    /// All in One SEO's head as structured data (`aioseo_head_json`): its
    /// keys are the meta tags' names (`og:title`).
    pub struct AioseoHeadJson<'a> {
        /// The document title.
        title: Text<'a> = "title",
        /// The meta description.
        description: Text<'a> = "description",
        /// The canonical URL.
        canonical_url: Text<'a> = "canonical_url",
        /// The robots directives.
        robots: Text<'a> = "robots",
        /// The Open Graph locale (`en_US`).
        og_locale: Text<'a> = "og:locale",
        /// The Open Graph site name.
        og_site_name: Text<'a> = "og:site_name",
        /// The Open Graph type.
        og_type: Text<'a> = "og:type",
        /// The Open Graph title.
        og_title: Text<'a> = "og:title",
        /// The Open Graph description.
        og_description: Text<'a> = "og:description",
        /// The Open Graph URL.
        og_url: Text<'a> = "og:url",
        /// The Open Graph image's URL.
        og_image: Text<'a> = "og:image",
        /// Publication time, as written.
        article_published_time: Text<'a> = "article:published_time",
        /// Last modification time, as written.
        article_modified_time: Text<'a> = "article:modified_time",
        /// The Twitter card type.
        twitter_card: Text<'a> = "twitter:card",
        /// The Twitter title.
        twitter_title: Text<'a> = "twitter:title",
        /// The Twitter description.
        twitter_description: Text<'a> = "twitter:description",
    }
}
