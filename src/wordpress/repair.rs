//! Repairing raw control characters inside JSON strings (dumps and scrapes
//! hold literal newlines in `content.rendered`, which strict JSON forbids),
//! and mapping what was read from the repaired copy back to the input.

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
        let (mut in_string, mut escaped) = (false, false);
        let mut edits = Vec::new();
        let mut text = String::new();
        let mut copied = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if !in_string {
                in_string = b == b'"';
                continue;
            }
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            } else if b < 0x20 {
                if edits.is_empty() {
                    text.reserve(input.len() + 64);
                }
                text.push_str(&input[copied..i]);
                let at = text.len();
                match b {
                    b'\n' => text.push_str("\\n"),
                    b'\r' => text.push_str("\\r"),
                    b'\t' => text.push_str("\\t"),
                    _ => text.push_str(&format!("\\u{b:04x}")),
                }
                edits.push((at, i, text.len() - at));
                copied = i + 1;
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
