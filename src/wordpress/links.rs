//! `_links`: hypermedia links by relation, with CURIE resolution.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::PhpMap;
use super::object::wp_object;
use crate::Text;
use crate::map_text::MapText;

wp_object! {
    "link"
    /// One link object of a relation in `_links`.
    pub struct Link<'a> {
        /// The target URL (or URI template when `templated`).
        href: Text<'a> = "href",
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

/// `_links`: link objects by relation name, in input order.
///
/// Relations under `https://api.w.org/` are sent shortened by a CURIE
/// (`wp:term`); [`Links::get`] accepts either form.
///
/// # Examples
///
/// ```
/// let post = pressmark::wordpress::post_from_str(r#"{"_links":{
///     "wp:term":[{"taxonomy":"category","embeddable":true,"href":"https://e.x/categories?post=1"}],
///     "curies":[{"name":"wp","href":"https://api.w.org/{rel}","templated":true}]}}"#)?;
/// let links = post.links.as_ref().unwrap();
/// assert_eq!(links.expand("wp:term"), "https://api.w.org/term");
/// assert_eq!(links.compact("https://api.w.org/term"), "wp:term");
/// let term = &links.get("https://api.w.org/term").unwrap()[0];
/// assert_eq!(term.taxonomy.as_deref(), Some("category"));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links<'a>(PhpMap<'a, Vec<Link<'a>>>);

impl<'a> Links<'a> {
    /// The links of relation `rel`, given as sent (`wp:term`) or expanded
    /// (`https://api.w.org/term`).
    #[must_use]
    pub fn get(&self, rel: &str) -> Option<&[Link<'a>]> {
        self.0
            .get(rel)
            .or_else(|| self.0.get(&self.compact(rel)))
            .or_else(|| self.0.get(&self.expand(rel)))
            .map(Vec::as_slice)
    }

    /// The relations and their links, in input order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Text<'a>, &[Link<'a>])> {
        self.0.iter().map(|(k, v)| (k, v.as_slice()))
    }

    /// The relation names, in input order.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = &str> {
        self.0.keys().map(|k| k.as_str())
    }

    /// How many relations there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no relations.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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
        for curie in self.0.get("curies").into_iter().flatten() {
            let (Some(name), Some(href)) = (&curie.name, &curie.href) else {
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

    fn curie_template(&self, prefix: &str) -> Option<&str> {
        self.0
            .get("curies")?
            .iter()
            .find(|c| c.name.as_deref() == Some(prefix))
            .and_then(|c| c.href.as_deref())
    }

    /// Detaches the links from the input.
    #[must_use]
    pub fn into_owned(self) -> Links<'static> {
        self.map_text(&mut Text::into_owned)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Links<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PhpMap::deserialize(deserializer).map(Links)
    }
}

impl Serialize for Links<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'a> MapText<'a> for Links<'a> {
    type Out<'b> = Links<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Links<'b> {
        Links(self.0.map_text(f))
    }
}
