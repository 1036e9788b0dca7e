//! Repairing raw control characters inside JSON strings (dumps and scrapes
//! hold literal newlines in `content.rendered`, which strict JSON forbids),
//! and mapping what was read from the repaired copy back to the input.

use super::json::to_special;
use crate::{Position, Text};

/// What the repair changed, reported on the result.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let parsed = wordpress::from_str::<Post>("{\"title\":{\"rendered\":\"a\nb\"}}")?;
/// let repairs = parsed.repairs.unwrap();
/// assert_eq!(repairs.count(), 1);
/// assert_eq!((repairs.first().line(), repairs.first().column()), (1, 24));
/// assert_eq!(parsed.title_html().unwrap(), "a\nb");
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repairs {
    count: usize,
    first: Position,
}

impl Repairs {
    /// How many raw control characters were escaped.
    #[must_use]
    pub fn count(&self) -> usize {
        self.count
    }

    /// Where the first one is in the input.
    #[must_use]
    pub fn first(&self) -> Position {
        self.first
    }
}

/// A copy of a JSON text with its raw control characters escaped.
pub struct Repaired<'a> {
    input: &'a str,
    text: String,
    /// For each escaped byte: its offset in `text`, its offset in `input`,
    /// and how many bytes its escape took.
    edits: Vec<(usize, usize, usize)>,
}

impl<'a> Repaired<'a> {
    /// Escapes the control characters inside strings of `input`; `None` when
    /// there are none.
    pub(crate) fn new(input: &'a str) -> Option<Repaired<'a>> {
        let bytes = input.as_bytes();
        let mut edits = Vec::new();
        let mut text = String::new();
        let mut copied = 0;
        let mut i = 0;
        // Outside strings, only a quote matters; inside, the reader's word
        // scan finds the next quote, backslash or control character.
        while let Some(quote) = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| b == b'"'))
        {
            i += quote + 1;
            loop {
                let at = to_special(bytes, i);
                match bytes.get(at) {
                    // Not closed: the reader says so.
                    None => break,
                    Some(b'"') => {
                        i = at + 1;
                        break;
                    }
                    // The byte after a backslash is passed over, whatever
                    // it is.
                    Some(b'\\') => i = at + 2,
                    Some(&b) => {
                        if edits.is_empty() {
                            text.reserve(input.len() + 64);
                        }
                        text.push_str(&input[copied..at]);
                        let from = text.len();
                        match b {
                            b'\n' => text.push_str("\\n"),
                            b'\r' => text.push_str("\\r"),
                            b'\t' => text.push_str("\\t"),
                            _ => text.push_str(&format!("\\u{b:04x}")),
                        }
                        edits.push((from, at, text.len() - from));
                        copied = at + 1;
                        i = at + 1;
                    }
                }
            }
        }
        if edits.is_empty() {
            return None;
        }
        text.push_str(&input[copied..]);
        Some(Repaired { input, text, edits })
    }

    /// The repaired JSON text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// What was repaired, positioned in `whole` (the input may be a slice of
    /// it starting at `offset`).
    pub(crate) fn report(&self, whole: &str, offset: usize) -> Repairs {
        Repairs {
            count: self.edits.len(),
            first: Position::locate(whole, offset + self.edits[0].1),
        }
    }

    /// The offset in the input of offset `at` in the repaired text.
    pub(crate) fn to_input(&self, at: usize) -> usize {
        let i = self.edits.partition_point(|&(r, _, _)| r <= at);
        if i == 0 {
            return at;
        }
        let (r, o, len) = self.edits[i - 1];
        if at < r + len {
            o // inside an escape we wrote: the control character itself
        } else {
            o + 1 + (at - r - len)
        }
    }

    /// Re-points a text read from the repaired copy into the input when the
    /// input holds it byte for byte; copies it otherwise.
    pub(crate) fn rebase(&self, text: Text<'_>) -> Text<'a> {
        if let Some(s) = text.as_borrowed() {
            let base = self.text.as_ptr() as usize;
            let addr = s.as_ptr() as usize;
            if addr >= base && addr + s.len() <= base + self.text.len() {
                let start = self.to_input(addr - base);
                if let Some(original) = self.input.get(start..start + s.len())
                    && original == s
                {
                    return Text::borrowed(original);
                }
            }
        }
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_inside_strings() {
        let input = "{\"a\":\"x\ny\",\n\"b\":\"\t\\\"\r\"}";
        let r = Repaired::new(input).unwrap();
        assert_eq!(r.text(), "{\"a\":\"x\\ny\",\n\"b\":\"\\t\\\"\\r\"}");
        assert_eq!(r.edits.len(), 3);
        assert!(Repaired::new("{\"a\":\n1}").is_none());
        // An escaped control character is left alone; a newline past
        // several words of text is found.
        assert!(Repaired::new("[\"\\\n\"]").is_none());
        let long = format!("[\"{}\n{}\"]", "x".repeat(40), "y".repeat(17));
        let r = Repaired::new(&long).unwrap();
        assert_eq!(r.edits, [(42, 42, 2)]);
    }

    /// Every control byte at every place of a string that spans several
    /// words, after escapes: escaped there and nowhere else; outside the
    /// string it is left to the reader.
    #[test]
    fn every_control_byte_at_every_place() {
        for b in 0..0x20u8 {
            for at in 0..40 {
                let mut doc = format!("[\"\\/\\\"{}\"]", "x".repeat(40)).into_bytes();
                doc[6 + at] = b;
                let doc = String::from_utf8(doc).unwrap();
                let r = Repaired::new(&doc).expect("repaired");
                assert_eq!(r.edits.len(), 1, "{doc:?}");
                assert_eq!(r.edits[0].1, 6 + at, "{doc:?}");
                assert!(!r.text().bytes().any(|c| c < 0x20), "{doc:?}");
            }
            assert!(Repaired::new(&format!("[1,{}2]", b as char)).is_none());
        }
    }

    #[test]
    fn maps_offsets_back() {
        let input = "[\"a\nbc\",\"d\"]";
        let r = Repaired::new(input).unwrap();
        // repaired: ["a\nbc","d"]  (the newline became two bytes)
        let d = r.text().find('d').unwrap();
        assert_eq!(&input[r.to_input(d)..r.to_input(d) + 1], "d");
        assert_eq!(r.to_input(r.text().find('\\').unwrap()), 3);
        let rebased = r.rebase(Text::borrowed(&r.text()[d..d + 1]));
        assert!(rebased.is_borrowed());
        assert_eq!(rebased, "d");
    }
}
