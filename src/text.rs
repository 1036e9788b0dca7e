//! [`Text`], the borrowed-or-owned string used by every model in the crate.

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// A string that is either a slice of the caller's input or an owned copy.
///
/// Parsers hand out `Text<'a>` borrowed from the input wherever the input
/// holds the value byte for byte (a JSON string without escapes, a plain YAML
/// scalar, a run of HTML text without entities), and an owned string where the
/// value had to be decoded. Whichever it is, it compares, hashes, orders and
/// prints by content, and derefs to [`str`].
///
/// [`Text::into_owned`] detaches it from the input, giving a `Text<'static>`.
///
/// # Examples
///
/// ```
/// use pressmark::Text;
///
/// let input = String::from("Clearview AI");
/// let borrowed = Text::from(input.as_str());
/// let owned = Text::from(String::from("Clearview AI"));
///
/// assert!(borrowed.is_borrowed());
/// assert!(!owned.is_borrowed());
/// assert_eq!(borrowed, owned);
/// assert_eq!(borrowed.len(), 12); // derefs to `str`
///
/// let detached: Text<'static> = borrowed.into_owned();
/// drop(input);
/// assert_eq!(detached, "Clearview AI");
/// ```
#[derive(Clone)]
pub struct Text<'a>(Repr<'a>);

// Private so the representation can change (say, an inline small string)
// without breaking users.
#[derive(Clone)]
enum Repr<'a> {
    Borrowed(&'a str),
    Owned(Box<str>),
}

impl<'a> Text<'a> {
    /// A text borrowed from `s`; usable in `const` contexts.
    ///
    /// ```
    /// const EMPTY: pressmark::Text<'static> = pressmark::Text::borrowed("");
    /// assert!(EMPTY.is_empty());
    /// ```
    #[must_use]
    pub const fn borrowed(s: &'a str) -> Self {
        Text(Repr::Borrowed(s))
    }

    /// The text as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(s) => s,
            Repr::Owned(s) => s,
        }
    }

    /// The borrowed slice of the input, if this text is one.
    ///
    /// Unlike [`Text::as_str`], the slice lives as long as the input, not as
    /// long as `self`.
    ///
    /// ```
    /// use pressmark::Text;
    /// assert_eq!(Text::borrowed("a").as_borrowed(), Some("a"));
    /// assert_eq!(Text::from(String::from("a")).as_borrowed(), None);
    /// ```
    #[must_use]
    pub fn as_borrowed(&self) -> Option<&'a str> {
        match self.0 {
            Repr::Borrowed(s) => Some(s),
            Repr::Owned(_) => None,
        }
    }

    /// Whether this text is a slice of the input rather than an owned copy.
    #[must_use]
    pub fn is_borrowed(&self) -> bool {
        matches!(self.0, Repr::Borrowed(_))
    }

    /// Detaches the text from the input, copying it if it is borrowed.
    #[must_use]
    pub fn into_owned(self) -> Text<'static> {
        match self.0 {
            Repr::Borrowed(s) => Text(Repr::Owned(s.into())),
            Repr::Owned(s) => Text(Repr::Owned(s)),
        }
    }

    /// Converts into a `String`, copying only if the text is borrowed.
    #[must_use]
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Borrowed(s) => s.to_owned(),
            Repr::Owned(s) => s.into_string(),
        }
    }

    /// Converts into a [`Cow`], without copying.
    #[must_use]
    pub fn into_cow(self) -> Cow<'a, str> {
        match self.0 {
            Repr::Borrowed(s) => Cow::Borrowed(s),
            Repr::Owned(s) => Cow::Owned(s.into_string()),
        }
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text<'_> {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Default for Text<'_> {
    fn default() -> Self {
        Text::borrowed("")
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text<'_> {}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text<'_>> for str {
    fn eq(&self, other: &Text<'_>) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text<'_>> for &str {
    fn eq(&self, other: &Text<'_>) -> bool {
        *self == other.as_str()
    }
}

impl PartialOrd for Text<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Self {
        Text::borrowed(s)
    }
}

impl From<String> for Text<'_> {
    fn from(s: String) -> Self {
        Text(Repr::Owned(s.into_boxed_str()))
    }
}

impl From<Box<str>> for Text<'_> {
    fn from(s: Box<str>) -> Self {
        Text(Repr::Owned(s))
    }
}

impl<'a> From<Cow<'a, str>> for Text<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        match s {
            Cow::Borrowed(s) => Text::borrowed(s),
            Cow::Owned(s) => Text::from(s),
        }
    }
}

impl<'a> From<Text<'a>> for String {
    fn from(t: Text<'a>) -> Self {
        t.into_string()
    }
}

impl<'a> From<Text<'a>> for Cow<'a, str> {
    fn from(t: Text<'a>) -> Self {
        t.into_cow()
    }
}

impl serde::Serialize for Text<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Borrows from the input when the deserializer can lend the string (a JSON
/// string without escapes), copies otherwise.
impl<'de: 'a, 'a> serde::Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Text::borrowed(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Text::from(String::from(v)))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Text::from(v))
    }
}

#[cfg(test)]
mod tests {
    use super::Text;
    use std::collections::HashSet;

    #[test]
    fn borrowed_and_owned_are_equal_and_hash_alike() {
        let set: HashSet<Text<'_>> = [Text::borrowed("a")].into_iter().collect();
        assert!(set.contains(&Text::from(String::from("a"))));
        assert!(set.contains("a"));
    }

    #[test]
    fn into_cow_keeps_borrow() {
        let s = String::from("x");
        assert!(matches!(
            Text::from(s.as_str()).into_cow(),
            std::borrow::Cow::Borrowed("x")
        ));
    }
}
