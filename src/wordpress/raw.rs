//! [`RawJson`] (a JSON value kept as its source text) and [`JsonStr`] (a JSON
//! string decoded on demand).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::json::{RAW_TOKEN, decode_literal, to_special};
use super::repair::escape_controls;
use crate::Text;
use crate::map_text::MapText;

/// A JSON value kept as its source text, for every field the model does not
/// type (plugin fields, `acf`, custom taxonomies, Yoast `schema`).
///
/// It borrows from the input, is always valid JSON, and serializes back
/// verbatim through `serde_json`.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let post = wordpress::from_str::<Post>(r#"{"id":1,"acf":{"rating":5}}"#)?;
/// let acf = post.extra.get("acf").unwrap();
/// assert_eq!(acf.get(), r#"{"rating":5}"#);
/// assert_eq!(acf.to_value()?["rating"], 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct RawJson<'a>(Text<'a>);

impl<'a> RawJson<'a> {
    /// The JSON text, exactly as in the input.
    #[must_use]
    pub fn get(&self) -> &str {
        &self.0
    }

    /// Whether the value is `null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        self.get() == "null"
    }

    /// Parses the value into `T`, which may borrow from it.
    ///
    /// # Errors
    ///
    /// When the JSON does not match `T`; positions are relative to this value.
    pub fn parse<'s, T: Deserialize<'s>>(&'s self) -> serde_json::Result<T> {
        serde_json::from_str(self.get())
    }

    /// The value as a [`serde_json::Value`].
    ///
    /// # Errors
    ///
    /// Never for a value read by this crate (it was valid JSON when read).
    pub fn to_value(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::from_str(self.get())
    }

    /// Detaches the value from the input.
    #[must_use]
    pub fn into_owned(self) -> RawJson<'static> {
        RawJson(self.0.into_owned())
    }

    /// A value's source text as it is in the document: borrowed, unless it
    /// holds raw control characters (a repaired dump), which are escaped
    /// in a copy so that it is JSON.
    pub(crate) fn from_source(source: &'a str) -> RawJson<'a> {
        match escape_controls(source) {
            Some(escaped) => RawJson(Text::from(escaped)),
            None => RawJson(Text::borrowed(source)),
        }
    }

    /// A JSON string holding `s`.
    #[must_use]
    pub fn string(s: &str) -> RawJson<'static> {
        RawJson(JsonStr::encode(s).0)
    }

    /// The JSON text as a [`Text`], borrowed where the value is.
    #[must_use]
    pub fn into_text(self) -> Text<'a> {
        self.0
    }
}

impl fmt::Debug for RawJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawJson({})", self.get())
    }
}

impl fmt::Display for RawJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawJson<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_newtype_struct(RAW_TOKEN, RawVisitor { string: false })
            .map(RawJson)
    }
}

/// Takes a value's source text: from the crate's reader, which hands it over
/// for [`RAW_TOKEN`], or from serde_json, which gives the visitor itself to
/// read a `RawValue` from. With `string`, only a JSON string is accepted.
///
/// The reader hands over a text with raw control characters (a repaired
/// dump) through `visit_str`: they are escaped in a copy, so that the value
/// is JSON.
struct RawVisitor {
    string: bool,
}

impl RawVisitor {
    fn check<E: de::Error>(&self, raw: &str) -> Result<(), E> {
        if self.string && !raw.starts_with('"') {
            return Err(E::invalid_type(unexpected_json(raw), self));
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.string {
            "a string"
        } else {
            "any JSON value"
        })
    }

    fn visit_borrowed_str<E: de::Error>(self, raw: &'de str) -> Result<Text<'de>, E> {
        self.check(raw)?;
        Ok(Text::borrowed(raw))
    }

    fn visit_str<E: de::Error>(self, raw: &str) -> Result<Text<'de>, E> {
        self.check(raw)?;
        Ok(Text::from(
            escape_controls(raw).unwrap_or_else(|| raw.to_owned()),
        ))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Text<'de>, D::Error> {
        let raw = <&'de RawValue>::deserialize(d)?.get();
        self.visit_borrowed_str(raw)
    }
}

/// Where a JSON value is in the text read, as it is there (raw control
/// characters and all): for reading it again on its own.
pub(crate) struct RawSpan {
    addr: usize,
    len: usize,
}

impl RawSpan {
    /// The value's range in `buf`, the text it was read from; an error
    /// (not a guess) if it is not there, which only a bug can cause.
    pub(crate) fn range_in(&self, buf: &str) -> Result<std::ops::Range<usize>, crate::Error> {
        self.addr
            .checked_sub(buf.as_ptr() as usize)
            .filter(|start| start + self.len <= buf.len())
            .map(|start| start..start + self.len)
            .ok_or_else(|| {
                crate::Error::new(
                    crate::ErrorKind::InvalidValue,
                    "a value read is not inside the text it was read from (a bug in pressmark)",
                )
            })
    }
}

impl<'de> Deserialize<'de> for RawSpan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpanVisitor;

        impl<'de> Visitor<'de> for SpanVisitor {
            type Value = RawSpan;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_str<E: de::Error>(self, raw: &str) -> Result<RawSpan, E> {
                Ok(RawSpan {
                    addr: raw.as_ptr() as usize,
                    len: raw.len(),
                })
            }

            fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<RawSpan, D::Error> {
                self.visit_str(<&'de RawValue>::deserialize(d)?.get())
            }
        }

        deserializer.deserialize_newtype_struct(RAW_TOKEN, SpanVisitor)
    }
}

impl Serialize for RawJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Borrowing re-validation, no allocation; it cannot fail for text that
        // was read as JSON, and if it did the error is reported, not hidden.
        let raw: &RawValue = serde_json::from_str(self.get()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'a> MapText<'a> for RawJson<'a> {
    type Out<'b> = RawJson<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> RawJson<'b> {
        RawJson(f(self.0))
    }
}

/// A JSON string kept as its source literal and decoded on demand.
///
/// Used for large strings that nearly always carry escapes (`content.rendered`
/// has `<\/p>`): reading the post then costs neither an allocation nor a copy
/// for them, and [`JsonStr::decode`] pays only when the text is wanted. Without
/// escapes, decoding borrows from the input.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let post = wordpress::from_str::<Post>(
///     r#"{"content":{"rendered":"<p>Hi<\/p>\n"}}"#,
/// )?;
/// let rendered = post.content.as_ref().and_then(|c| c.rendered.as_ref()).unwrap();
/// assert_eq!(rendered.literal(), r#""<p>Hi<\/p>\n""#);
/// assert_eq!(rendered.decode(), "<p>Hi</p>\n");
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone)]
pub struct JsonStr<'a>(Text<'a>);

/// Equal when the decoded strings are (`"a\/b"` equals `"a/b"`).
impl PartialEq for JsonStr<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.literal() == other.literal() || self.decode() == other.decode()
    }
}

impl Eq for JsonStr<'_> {}

impl std::hash::Hash for JsonStr<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.decode().hash(state);
    }
}

impl<'a> JsonStr<'a> {
    /// The string literal as in the input, quotes and escapes included.
    #[must_use]
    pub fn literal(&self) -> &str {
        &self.0
    }

    /// Whether decoding can borrow from the input: the literal has no escapes.
    #[must_use]
    pub fn is_plain(&self) -> bool {
        !self.literal().contains('\\')
    }

    /// The decoded string: borrowed from the input when the literal has no
    /// escapes, decoded into an owned string otherwise. A lone surrogate
    /// escape (`\ud800` with no pair, which a string read into a typed field
    /// is an error for) becomes U+FFFD, as browsers read it.
    #[must_use]
    pub fn decode(&self) -> Text<'a> {
        fn inner(literal: &str) -> &str {
            literal
                .get(1..literal.len().saturating_sub(1))
                .unwrap_or("")
        }
        match self.0.as_borrowed() {
            Some(lit) if !lit.contains('\\') => Text::borrowed(inner(lit)),
            _ if self.is_plain() => Text::from(inner(self.literal()).to_owned()),
            // The literal was checked as a JSON string when it was read; a
            // literal made by hand that is not one is given as it is.
            _ => decode_literal(self.literal())
                .map_or_else(|| Text::from(inner(self.literal()).to_owned()), Text::from),
        }
    }

    /// Detaches the value from the input.
    #[must_use]
    pub fn into_owned(self) -> JsonStr<'static> {
        JsonStr(self.0.into_owned())
    }

    /// A JSON string literal, checked by whoever read it.
    pub(crate) fn from_literal(literal: &'a str) -> JsonStr<'a> {
        JsonStr(Text::borrowed(literal))
    }

    /// [`JsonStr::from_literal`] for a literal that may be owned.
    pub(crate) fn from_literal_text(literal: Text<'a>) -> JsonStr<'a> {
        JsonStr(literal)
    }

    /// A string value, encoded as a JSON literal.
    ///
    /// ```
    /// use pressmark::wordpress::JsonStr;
    ///
    /// assert_eq!(JsonStr::encode("Café \"au lait\"").literal(), r#""Café \"au lait\"""#);
    /// assert_eq!(JsonStr::encode("a\nb").literal(), r#""a\nb""#);
    /// assert_eq!(JsonStr::encode("").literal(), r#""""#);
    /// ```
    #[must_use]
    pub fn encode(s: &str) -> JsonStr<'static> {
        // Models that take a plain string for `{rendered}` (media captions
        // and descriptions, sent empty by most sites) encode every one
        // they read: the empty one costs no allocation, and a string with
        // nothing to escape (no quote, backslash or control: what the
        // reader stops at) one of its exact size.
        if s.is_empty() {
            return JsonStr(Text::borrowed("\"\""));
        }
        if to_special(s.as_bytes(), 0) == s.len() {
            let mut literal = String::with_capacity(s.len() + 2);
            literal.push('"');
            literal.push_str(s);
            literal.push('"');
            return JsonStr(Text::from(literal));
        }
        // Serializing a `str` to JSON cannot fail.
        JsonStr(Text::from(serde_json::to_string(s).unwrap_or_default()))
    }
}

impl fmt::Debug for JsonStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.literal())
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for JsonStr<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Checked inside the visitor, so that the reader places an error on
        // the value.
        deserializer
            .deserialize_newtype_struct(RAW_TOKEN, RawVisitor { string: true })
            .map(JsonStr)
    }
}

/// What a JSON value is, from its first byte, for "found ..." messages.
pub(crate) fn unexpected_json(raw: &str) -> de::Unexpected<'_> {
    match raw.as_bytes().first() {
        Some(b'{') => de::Unexpected::Map,
        Some(b'[') => de::Unexpected::Seq,
        Some(b't') => de::Unexpected::Bool(true),
        Some(b'f') => de::Unexpected::Bool(false),
        Some(b'n') => de::Unexpected::Unit,
        _ => match (raw.parse::<u64>(), raw.parse::<i64>(), raw.parse::<f64>()) {
            (Ok(n), _, _) => de::Unexpected::Unsigned(n),
            (_, Ok(n), _) => de::Unexpected::Signed(n),
            // An integer beyond 64 bits, as written, not rounded.
            (_, _, Ok(_)) if !raw.contains(['.', 'e', 'E']) => de::Unexpected::Other(raw),
            (_, _, Ok(n)) => de::Unexpected::Float(n),
            _ => de::Unexpected::Other(raw),
        },
    }
}

impl Serialize for JsonStr<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.decode())
    }
}

impl<'a> MapText<'a> for JsonStr<'a> {
    type Out<'b> = JsonStr<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> JsonStr<'b> {
        JsonStr(f(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The encoding's fast paths write what serde_json writes.
        #[test]
        fn a_string_encodes_as_serde_json_encodes_it(s in any::<String>(), plain in "[a-z ,.é’]{0,40}") {
            for s in [s.as_str(), plain.as_str(), "", "\"", "\\", "a\u{1}b", "\u{1f}", "\u{0}", " ", "\u{7f}"] {
                let encoded = JsonStr::encode(s);
                prop_assert_eq!(encoded.literal(), serde_json::to_string(s).unwrap());
            }
        }
    }
}
