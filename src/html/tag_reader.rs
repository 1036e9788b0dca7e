//! Reading a start or end tag, attributes and all, exactly as html5ever's
//! tokenizer reads it from the data state (its tag name, attribute name,
//! attribute value and self-closing states), for the fast lane.
//!
//! html5ever compares each attribute's name with every earlier one to drop
//! duplicates, so a tag with 80,000 attributes took seconds and one with a
//! million minutes; here the attributes the conversion uses are kept in
//! fixed slots, the first of each name winning as in the tokenizer, and the
//! rest are only passed over: time linear in the tag. Values are borrowed
//! from the input unless a character reference, carriage return or NUL in
//! them needs decoding ([`attr_value::decode`]).

use std::borrow::Cow;

use html5ever::tokenizer::TagKind;

use super::attr_value;

/// The attributes the conversion reads, each with its slot.
pub(crate) const KEPT: [&str; 15] = [
    "href", "src", "alt", "title", "class", "style", "hidden", "start", "reversed", "value",
    "encoding", "color", "face", "size", "type",
];

/// The slot of attribute `name`, if it is kept.
fn slot(name: &[u8]) -> Option<usize> {
    // A match, not a search of `KEPT`: most attributes are none of these,
    // and their length alone says so.
    Some(match name {
        b"href" => 0,
        b"src" => 1,
        b"alt" => 2,
        b"title" => 3,
        b"class" => 4,
        b"style" => 5,
        b"hidden" => 6,
        b"start" => 7,
        b"reversed" => 8,
        b"value" => 9,
        b"encoding" => 10,
        b"color" => 11,
        b"face" => 12,
        b"size" => 13,
        b"type" => 14,
        _ => return None,
    })
}

/// A kept attribute's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Absent,
    /// `input[.0...1]`, as it is.
    Raw(usize, usize),
    /// `decoded[.0]`.
    Decoded(usize),
}

/// A tag read from the input; one is reused from tag to tag.
#[derive(Debug)]
pub(crate) struct ReadTag<'a> {
    input: &'a str,
    pub(crate) kind: TagKind,
    /// The name, lowercase (ASCII letters only), NUL as U+FFFD.
    pub(crate) name: Cow<'a, str>,
    pub(crate) self_closing: bool,
    /// The kept attributes, by slot (see [`KEPT`]).
    values: [Value; KEPT.len()],
    /// The values that needed decoding.
    decoded: Vec<String>,
    /// Whether the tag has any attribute at all.
    pub(crate) any_attrs: bool,
    /// Just past the `>`.
    pub(crate) end: usize,
}

impl<'a> ReadTag<'a> {
    /// A tag to read tags of `input` into.
    pub(crate) fn new(input: &'a str) -> Self {
        ReadTag {
            input,
            kind: TagKind::StartTag,
            name: Cow::Borrowed(""),
            self_closing: false,
            values: [Value::Absent; KEPT.len()],
            decoded: Vec::new(),
            any_attrs: false,
            end: 0,
        }
    }

    /// The value of the kept attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        match self.values[slot(name.as_bytes())?] {
            Value::Absent => None,
            Value::Raw(start, end) => Some(&self.input[start..end]),
            Value::Decoded(i) => self.decoded.get(i).map(String::as_str),
        }
    }
}

/// What is at a `<` in the data state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TagRead {
    /// A whole tag, now in the [`ReadTag`].
    Tag,
    /// A tag that the input ends inside: the tokenizer drops it, and there
    /// is nothing after it.
    Unfinished,
    /// Not a tag (`<!`, `<?`, `</>`, `<` and not a letter): the tokenizer's.
    Other,
}

fn is_space(c: u8) -> bool {
    // Carriage returns are line feeds to the tokenizer.
    matches!(c, b'\t' | b'\n' | 0x0C | b' ' | b'\r')
}

/// `b[start..end]` as a name: ASCII letters lowercased, NUL as U+FFFD.
fn name_of(input: &str, start: usize, end: usize) -> Cow<'_, str> {
    let s = &input[start..end];
    if s.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        Cow::Owned(s.to_ascii_lowercase().replace('\0', "\u{fffd}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Reads the tag at `input[i]` into `tag`, if a tag starts there.
pub(crate) fn read_tag<'a>(input: &'a str, i: usize, tag: &mut ReadTag<'a>) -> TagRead {
    let b = input.as_bytes();
    if b.get(i) != Some(&b'<') {
        return TagRead::Other;
    }
    let mut j = i + 1;
    let kind = if b.get(j) == Some(&b'/') {
        j += 1;
        TagKind::EndTag
    } else {
        TagKind::StartTag
    };
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return TagRead::Other;
    }
    let start = j;
    while j < b.len() && !is_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    if j == b.len() {
        return TagRead::Unfinished;
    }
    tag.input = input;
    tag.kind = kind;
    tag.name = name_of(input, start, j);
    tag.self_closing = false;
    tag.values = [Value::Absent; KEPT.len()];
    tag.decoded.clear();
    tag.any_attrs = false;
    // The before-attribute-name state, and those it leads to.
    loop {
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        let Some(&c) = b.get(j) else {
            return TagRead::Unfinished;
        };
        match c {
            b'>' => {
                tag.end = j + 1;
                return TagRead::Tag;
            }
            b'/' => {
                // Self-closing start tag state: `/>` ends the tag, anything
                // else is read again as before an attribute name.
                j += 1;
                match b.get(j) {
                    None => return TagRead::Unfinished,
                    Some(b'>') => {
                        tag.self_closing = true;
                        tag.end = j + 1;
                        return TagRead::Tag;
                    }
                    Some(_) => continue,
                }
            }
            _ => {}
        }
        // An attribute name: its first character whatever it is (`=` too),
        // then up to whitespace, `/`, `>` or `=`.
        tag.any_attrs = true;
        let name_start = j;
        j += 1;
        while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let name_end = j;
        // After the attribute name.
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        if j == b.len() {
            return TagRead::Unfinished;
        }
        let value = if b[j] == b'=' {
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                None => return TagRead::Unfinished,
                Some(&q @ (b'"' | b'\'')) => {
                    let value_start = j + 1;
                    let Some(len) = b[value_start..].iter().position(|&c| c == q) else {
                        return TagRead::Unfinished;
                    };
                    j = value_start + len + 1;
                    // After a quoted value: whitespace, `/` and `>` are read
                    // by the loop; anything else starts the next name.
                    Some((value_start, value_start + len, char::from(q)))
                }
                // A missing value: the tag ends here.
                Some(b'>') => Some((j, j, '>')),
                Some(_) => {
                    let value_start = j;
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    let Some(&delimiter) = b.get(j) else {
                        return TagRead::Unfinished;
                    };
                    // Carriage returns end it as line feeds would.
                    let delimiter = if delimiter == b'\r' { b'\n' } else { delimiter };
                    Some((value_start, j, char::from(delimiter)))
                }
            }
        } else {
            None
        };
        store(input, tag, name_start, name_end, value);
    }
}

/// Keeps the attribute `input[name_start..name_end]` with its value (raw
/// range and delimiter) if it is one of [`KEPT`] and the first of its name.
fn store<'a>(
    input: &'a str,
    tag: &mut ReadTag<'a>,
    name_start: usize,
    name_end: usize,
    value: Option<(usize, usize, char)>,
) {
    let raw = &input.as_bytes()[name_start..name_end];
    // Kept names are short and lowercase ASCII: no copy to compare.
    if raw.len() > 8 {
        return;
    }
    let mut lower = [0u8; 8];
    for (l, &c) in lower.iter_mut().zip(raw) {
        *l = c.to_ascii_lowercase();
    }
    let Some(slot) = slot(&lower[..raw.len()]) else {
        return;
    };
    if tag.values[slot] != Value::Absent {
        return;
    }
    tag.values[slot] = match value {
        Some((start, end, delimiter)) => match attr_value::decode(&input[start..end], delimiter) {
            Cow::Borrowed(_) => Value::Raw(start, end),
            Cow::Owned(decoded) => {
                tag.decoded.push(decoded);
                Value::Decoded(tag.decoded.len() - 1)
            }
        },
        None => Value::Raw(name_end, name_end),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (bool, String, bool, Vec<(&'static str, String)>, usize);

    fn read(s: &str) -> Option<Read> {
        let mut t = ReadTag::new(s);
        match read_tag(s, 0, &mut t) {
            TagRead::Tag => Some((
                t.kind == TagKind::EndTag,
                t.name.to_string(),
                t.self_closing,
                KEPT.iter()
                    .filter_map(|k| Some((*k, t.attr(k)?.to_string())))
                    .collect(),
                t.end,
            )),
            _ => None,
        }
    }

    fn read_what(s: &str) -> TagRead {
        read_tag(s, 0, &mut ReadTag::new(s))
    }

    #[test]
    fn every_kept_name_has_its_own_slot() {
        for (i, name) in KEPT.iter().enumerate() {
            assert_eq!(slot(name.as_bytes()), Some(i), "{name}");
        }
        assert_eq!(slot(b"id"), None);
    }

    #[test]
    fn tags_are_read_as_the_tokenizer_reads_them() {
        assert_eq!(read("<p>x"), Some((false, "p".into(), false, vec![], 3)));
        assert_eq!(read("</H2>"), Some((true, "h2".into(), false, vec![], 5)));
        assert_eq!(read("<br />"), Some((false, "br".into(), true, vec![], 6)));
        assert_eq!(
            read("<A HREF='/x?a=1&amp;b=2' href=dup class=c>"),
            Some((
                false,
                "a".into(),
                false,
                vec![("href", "/x?a=1&b=2".into()), ("class", "c".into())],
                42
            ))
        );
        // `/` belongs to an unquoted value.
        assert_eq!(
            read("<img alt=\"a\"src=b/>"),
            Some((
                false,
                "img".into(),
                false,
                vec![("src", "b/".into()), ("alt", "a".into())],
                19
            ))
        );
        assert_eq!(
            read("<p hidden style = \"display:none\">"),
            Some((
                false,
                "p".into(),
                false,
                vec![("style", "display:none".into()), ("hidden", "".into())],
                33
            ))
        );
        assert_eq!(read_what("<p class=\"x"), TagRead::Unfinished);
        assert_eq!(read_what("<p"), TagRead::Unfinished);
        for other in [
            "<!-- -->", "<?x>", "</>", "< p>", "<1>", "<", "&amp;", "\rp",
        ] {
            assert_eq!(read_what(other), TagRead::Other, "{other:?}");
        }
    }
}
