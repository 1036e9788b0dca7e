//! Containers for the shapes PHP's `json_encode` gives arrays: an empty map
//! sent as `[]`, a list sent as an object with numeric keys, a number sent as
//! a string. Each remembers the shape it was read in, so it serializes back
//! the same.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::Text;
use crate::map_text::MapText;

/// A JSON object kept as its entries in input order; PHP sends an empty one
/// as `[]` (`meta: []`), which reads as an empty map and writes back as `[]`.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let post = wordpress::from_str::<Post>(r#"{"meta":{"footnotes":""}}"#)?.into_value();
/// let meta = post.meta.unwrap();
/// assert_eq!(meta.get("footnotes").unwrap().get(), r#""""#);
///
/// let post = wordpress::from_str::<Post>(r#"{"meta":[]}"#)?.into_value();
/// assert!(post.meta.unwrap().is_empty());
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PhpMap<'a, V> {
    entries: Vec<(Text<'a>, V)>,
    sent_as_array: bool,
}

impl<V> Default for PhpMap<'_, V> {
    fn default() -> Self {
        PhpMap {
            entries: Vec::new(),
            sent_as_array: false,
        }
    }
}

impl<'a, V> PhpMap<'a, V> {
    /// The value of the first entry named `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The entries, in input order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Text<'a>, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys, in input order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Text<'a>> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// How many entries there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the input sent this (empty) map as `[]`.
    #[must_use]
    pub fn sent_as_array(&self) -> bool {
        self.sent_as_array
    }

    /// Appends an entry.
    pub fn push(&mut self, key: impl Into<Text<'a>>, value: V) {
        self.entries.push((key.into(), value));
        self.sent_as_array = false;
    }

    /// The entries, in input order.
    #[must_use]
    pub fn into_entries(self) -> Vec<(Text<'a>, V)> {
        self.entries
    }
}

impl<'a, V: MapText<'a>> MapText<'a> for PhpMap<'a, V> {
    type Out<'b> = PhpMap<'b, V::Out<'b>>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        PhpMap {
            entries: self.entries.map_text(f),
            sent_as_array: self.sent_as_array,
        }
    }
}

impl<'a, V: MapText<'a>> PhpMap<'a, V> {
    /// Detaches the map from the input.
    #[must_use]
    pub fn into_owned(self) -> PhpMap<'static, V::Out<'static>> {
        self.map_text(&mut Text::into_owned)
    }
}

impl<'de: 'a, 'a, V: Deserialize<'de>> Deserialize<'de> for PhpMap<'a, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<'a, V>(PhantomData<(Text<'a>, V)>);

        impl<'de: 'a, 'a, V: Deserialize<'de>> Visitor<'de> for MapVisitor<'a, V> {
            type Value = PhpMap<'a, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object (or `[]` for an empty one)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    room_for_first(&mut entries);
                    entries.push((key, map.next_value()?));
                }
                Ok(PhpMap {
                    entries,
                    sent_as_array: false,
                })
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                empty_object_as_array(seq)?;
                Ok(PhpMap {
                    entries: Vec::new(),
                    sent_as_array: true,
                })
            }
        }

        deserializer.deserialize_any(MapVisitor(PhantomData))
    }
}

/// Accepts `[]` where an object is expected (PHP's empty array); any other
/// array is an error.
pub(crate) fn empty_object_as_array<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    match seq.next_element::<de::IgnoredAny>()? {
        None => Ok(()),
        Some(_) => Err(de::Error::invalid_value(
            de::Unexpected::Seq,
            &"an object (an array only when empty)",
        )),
    }
}

impl<V: Serialize> Serialize for PhpMap<'_, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.sent_as_array && self.entries.is_empty() {
            return serializer.serialize_seq(Some(0))?.end();
        }
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A JSON array; PHP sends one whose indices have gaps as an object with
/// numeric keys (`class_list: {"0":"post-1","2":"post"}`), which reads as the
/// list of its values and writes back with the same keys.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let post = wordpress::from_str::<Post>(r#"{"class_list":{"0":"post-7","2":"hentry"}}"#)?.into_value();
/// let classes = post.class_list.unwrap();
/// assert_eq!(classes.as_slice(), ["post-7", "hentry"]);
/// assert_eq!(classes.keys().unwrap().collect::<Vec<_>>(), ["0", "2"]);
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PhpList<'a, T> {
    items: Vec<T>,
    keys: Option<Vec<Text<'a>>>,
}

impl<T> Default for PhpList<'_, T> {
    fn default() -> Self {
        PhpList {
            items: Vec::new(),
            keys: None,
        }
    }
}

impl<'a, T> PhpList<'a, T> {
    /// The values, in input order.
    #[must_use]
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// The keys the input gave, when it sent the list as an object.
    #[must_use]
    pub fn keys(&self) -> Option<impl ExactSizeIterator<Item = &str>> {
        self.keys.as_ref().map(|k| k.iter().map(|k| k.as_str()))
    }

    /// The values.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

impl<T> std::ops::Deref for PhpList<'_, T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<T> From<Vec<T>> for PhpList<'_, T> {
    fn from(items: Vec<T>) -> Self {
        PhpList { items, keys: None }
    }
}

impl<'a, T: MapText<'a>> MapText<'a> for PhpList<'a, T> {
    type Out<'b> = PhpList<'b, T::Out<'b>>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        PhpList {
            items: self.items.map_text(f),
            keys: self.keys.map_text(f),
        }
    }
}

impl<'a, T: MapText<'a>> PhpList<'a, T> {
    /// Detaches the list from the input.
    #[must_use]
    pub fn into_owned(self) -> PhpList<'static, T::Out<'static>> {
        self.map_text(&mut Text::into_owned)
    }
}

impl<'de: 'a, 'a, T: Deserialize<'de>> Deserialize<'de> for PhpList<'a, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<'a, T>(PhantomData<(Text<'a>, T)>);

        impl<'de: 'a, 'a, T: Deserialize<'de>> Visitor<'de> for ListVisitor<'a, T> {
            type Value = PhpList<'a, T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array (or an object with numeric keys)")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element()? {
                    room_for_first(&mut items);
                    items.push(item);
                }
                Ok(PhpList { items, keys: None })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (mut items, mut keys) = (Vec::new(), Vec::new());
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(de::Error::invalid_value(
                            de::Unexpected::Str(&key),
                            &"a numeric key",
                        ));
                    }
                    keys.push(key);
                    items.push(map.next_value()?);
                }
                Ok(PhpList {
                    items,
                    keys: Some(keys),
                })
            }
        }

        deserializer.deserialize_any(ListVisitor(PhantomData))
    }
}

impl<T: Serialize> Serialize for PhpList<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.keys {
            Some(keys) => {
                let mut map = serializer.serialize_map(Some(self.items.len()))?;
                for (k, v) in keys.iter().zip(&self.items) {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            None => {
                let mut seq = serializer.serialize_seq(Some(self.items.len()))?;
                for v in &self.items {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
        }
    }
}

/// An integer that WordPress or a plugin may send as a string (`"123"`).
/// A string that is not an integer (a plugin's pseudo-term id `"movie"`, an
/// empty width) is handed back as text, for the model to keep in `extra`
/// (and, in a lenient read, to warn about).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Lenient<'a, T> {
    Number(T),
    Quoted(T),
    Text(Text<'a>),
}

impl<'de: 'a, 'a, T> Deserialize<'de> for Lenient<'a, T>
where
    T: TryFrom<u64> + TryFrom<i64> + std::str::FromStr + fmt::Display,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LenientVisitor<'a, T>(PhantomData<(&'a (), T)>);

        impl<'de: 'a, 'a, T> Visitor<'de> for LenientVisitor<'a, T>
        where
            T: TryFrom<u64> + TryFrom<i64> + std::str::FromStr + fmt::Display,
        {
            type Value = Lenient<'a, T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer (or a string)")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                T::try_from(v).map(Lenient::Number).map_err(|_| {
                    E::invalid_value(de::Unexpected::Unsigned(v), &"an integer in range")
                })
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                T::try_from(v).map(Lenient::Number).map_err(|_| {
                    E::invalid_value(de::Unexpected::Signed(v), &"an integer in range")
                })
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Self::quoted(v).unwrap_or(Lenient::Text(Text::borrowed(v))))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Self::quoted(v).unwrap_or_else(|| Lenient::Text(Text::from(v.to_owned()))))
            }
        }

        impl<T: std::str::FromStr + fmt::Display> LenientVisitor<'_, T> {
            /// Only the canonical form ("12", not "012" or "+12"), so that
            /// writing it back gives the same string.
            fn quoted<'x>(v: &str) -> Option<Lenient<'x, T>> {
                v.parse::<T>()
                    .ok()
                    .filter(|n| n.to_string() == v)
                    .map(Lenient::Quoted)
            }
        }

        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

/// Serializes a number as a string, the way it was read.
pub(crate) struct Quoted<'v, T>(pub(crate) &'v T);

impl<T: fmt::Display> Serialize for Quoted<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// Room for [`FIRST_ROOM`] entries once the first arrives (an empty `[]`
/// allocates nothing): a post's `class_list` (7 in the seed) or Yoast's
/// `robots` (5) would otherwise grow from 4 to 8, two allocations instead
/// of one.
fn room_for_first<T>(v: &mut Vec<T>) {
    if v.capacity() == 0 {
        v.reserve_exact(FIRST_ROOM);
    }
}

/// See [`room_for_first`].
const FIRST_ROOM: usize = 8;
