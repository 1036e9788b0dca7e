//! `_links`: hypermedia links by relation, with CURIE resolution.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::object::{append_in_place, wp_object};
use super::php::empty_object_as_array;
use super::{JsonStr, PhpMap};
use crate::Text;
use crate::map_text::MapText;

wp_object! {
    "link"
    /// One link object of a relation in `_links`.
    pub struct Link<'a> {
        /// The target URL (or URI template when `templated`), as the JSON
        /// literal: [`Link::href`] decodes it.
        href: JsonStr<'a> = "href",
        /// Whether `?_embed` embeds the target.
        embeddable: bool = "embeddable",
        /// Whether `href` is a URI template (`{rel}`).
        templated: bool = "templated",
        /// The CURIE prefix (in `curies`).
        name: Text<'a> = "name",
        /// How many items the target holds (`version-history`).
        count: u64 = "count" [lenient],
        /// The target's id (`predecessor-version`).
        id: u64 = "id" [lenient],
        /// The taxonomy of a `wp:term` link.
        taxonomy: Text<'a> = "taxonomy",
        /// Hints about the target, such as the allowed HTTP methods.
        target_hints: PhpMap<'a, Vec<Text<'a>>> = "targetHints",
    }
}

impl<'a> Link<'a> {
    /// The target URL (or URI template when `templated`), decoded from
    /// JSON (`https:\/\/` is `https://`).
    ///
    /// `_links` is a fifth of a post and most readers never look at it, so
    /// its URLs, every one of them escaped, are decoded here rather than
    /// when the post is read.
    ///
    /// ```
    /// use pressmark::wordpress::{self, Post};
    ///
    /// let post = wordpress::from_str::<Post>(
    ///     r#"{"_links":{"self":[{"href":"https:\/\/e.x\/wp-json\/wp\/v2\/posts\/1"}]}}"#,
    /// )?;
    /// let links = post.links.as_ref().unwrap().read()?;
    /// let link = &links.get("self").unwrap()[0];
    /// assert_eq!(link.href().unwrap(), "https://e.x/wp-json/wp/v2/posts/1");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn href(&self) -> Option<Text<'a>> {
        self.href.as_ref().map(JsonStr::decode)
    }
}

/// `_links`: link objects by relation name, in input order.
///
/// Relations under `https://api.w.org/` are sent shortened by a CURIE
/// (`wp:term`); [`Links::get`] accepts either form.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let post = wordpress::from_str::<Post>(r#"{"_links":{
///     "wp:term":[{"taxonomy":"category","embeddable":true,"href":"https://e.x/categories?post=1"}],
///     "curies":[{"name":"wp","href":"https://api.w.org/{rel}","templated":true}]}}"#)?;
/// let links = post.links.as_ref().unwrap().read()?;
/// assert_eq!(links.expand("wp:term"), "https://api.w.org/term");
/// assert_eq!(links.compact("https://api.w.org/term"), "wp:term");
/// let term = &links.get("https://api.w.org/term").unwrap()[0];
/// assert_eq!(term.taxonomy.as_deref(), Some("category"));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links<'a> {
    /// The relation names, each with the end of its links in `links`: one
    /// vector for all links, not one per relation (a post has a dozen
    /// relations of one link each).
    relations: Vec<(Text<'a>, usize)>,
    links: Vec<Link<'a>>,
    /// `_links: []`, PHP's empty object.
    sent_as_array: bool,
}

impl<'a> Links<'a> {
    /// The links of relation `rel`, given as sent (`wp:term`) or expanded
    /// (`https://api.w.org/term`).
    #[must_use]
    pub fn get(&self, rel: &str) -> Option<&[Link<'a>]> {
        self.find(rel)
            .or_else(|| self.find(&self.compact(rel)))
            .or_else(|| self.find(&self.expand(rel)))
    }

    /// The links of the first relation named exactly `rel`.
    fn find(&self, rel: &str) -> Option<&[Link<'a>]> {
        let i = self.relations.iter().position(|(name, _)| name == rel)?;
        Some(self.links_of(i))
    }

    fn links_of(&self, i: usize) -> &[Link<'a>] {
        let start = i.checked_sub(1).map_or(0, |p| self.relations[p].1);
        &self.links[start..self.relations[i].1]
    }

    /// The relations and their links, in input order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Text<'a>, &[Link<'a>])> {
        (0..self.relations.len()).map(|i| (&self.relations[i].0, self.links_of(i)))
    }

    /// The relation names, in input order.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = &str> {
        self.relations.iter().map(|(name, _)| name.as_str())
    }

    /// How many relations there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.relations.len()
    }

    /// Whether there are no relations.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.relations.is_empty()
    }

    /// Expands a CURIE (`wp:term`) with the `curies` relation's template;
    /// anything else is returned as it is.
    #[must_use]
    pub fn expand<'r>(&self, rel: &'r str) -> Cow<'r, str> {
        if let Some((prefix, name)) = rel.split_once(':')
            && !name.starts_with("//")
            && let Some(template) = self.curie_template(prefix)
        {
            return Cow::Owned(template.replace("{rel}", name));
        }
        Cow::Borrowed(rel)
    }

    /// Shortens an expanded relation URI to its CURIE (`wp:term`) when a
    /// `curies` template matches; anything else is returned as it is.
    #[must_use]
    pub fn compact<'r>(&self, rel: &'r str) -> Cow<'r, str> {
        for curie in self.find("curies").into_iter().flatten() {
            let (Some(name), Some(href)) = (&curie.name, curie.href()) else {
                continue;
            };
            if let Some((head, tail)) = href.split_once("{rel}")
                && let Some(short) = rel.strip_prefix(head).and_then(|r| r.strip_suffix(tail))
                && !short.is_empty()
            {
                return Cow::Owned(format!("{name}:{short}"));
            }
        }
        Cow::Borrowed(rel)
    }

    fn curie_template(&self, prefix: &str) -> Option<Text<'a>> {
        self.find("curies")?
            .iter()
            .find(|c| c.name.as_deref() == Some(prefix))
            .and_then(Link::href)
    }

    /// Detaches the links from the input.
    #[must_use]
    pub fn into_owned(self) -> Links<'static> {
        self.map_text(&mut Text::into_owned)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Links<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LinksVisitor(PhantomData))
    }
}

struct LinksVisitor<'a>(PhantomData<Links<'a>>);

/// The relations and links a post's `_links` has room for from the start.
const RELATIONS: usize = 16;

impl<'de: 'a, 'a> Visitor<'de> for LinksVisitor<'a> {
    type Value = Links<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of link arrays (or `[]` for an empty one)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Links<'a>, A::Error> {
        // A post has a dozen relations, a user or term two or three: room
        // for a post's up front (growing took three allocations for each
        // vector), and what a small one does not use given back.
        let mut out = Links {
            relations: Vec::with_capacity(RELATIONS),
            links: Vec::with_capacity(RELATIONS),
            sent_as_array: false,
        };
        while let Some(rel) = map.next_key::<Text<'de>>()? {
            map.next_value_seed(AppendLinks(&mut out.links))?;
            out.relations.push((rel, out.links.len()));
        }
        if out.relations.len() <= RELATIONS / 4 {
            out.relations.shrink_to_fit();
        }
        if out.links.len() <= RELATIONS / 4 {
            out.links.shrink_to_fit();
        }
        Ok(out)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Links<'a>, A::Error> {
        empty_object_as_array(seq)?;
        Ok(Links {
            sent_as_array: true,
            ..Links::default()
        })
    }
}

/// Reads one relation's array of links onto the end of the shared vector.
struct AppendLinks<'v, 'a>(&'v mut Vec<Link<'a>>);

impl<'de: 'a, 'a> DeserializeSeed<'de> for AppendLinks<'_, 'a> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for AppendLinks<'_, 'a> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of link objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        append_in_place(seq, self.0)
    }
}

impl Serialize for Links<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.sent_as_array && self.is_empty() {
            return serializer.serialize_seq(Some(0))?.end();
        }
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (rel, links) in self.iter() {
            map.serialize_entry(rel, links)?;
        }
        map.end()
    }
}

impl<'a> MapText<'a> for Links<'a> {
    type Out<'b> = Links<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Links<'b> {
        Links {
            relations: self.relations.map_text(f),
            links: self.links.map_text(f),
            sent_as_array: self.sent_as_array,
        }
    }
}
