//! Repairing raw control characters inside JSON strings (dumps and scrapes
//! hold literal newlines in `content.rendered`, which strict JSON forbids):
//! the reader reads them as they are and counts them; a value kept as raw
//! JSON gets them escaped here.

use super::json::{Controls, to_special};
use crate::Position;

/// What was repaired while reading (which strict JSON forbids), reported
/// on the result: raw control characters inside strings (read as they
/// are) and lone surrogate escapes (`\ud800` without its pair, read as
/// U+FFFD).
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let parsed = wordpress::from_str::<Post>("{\"title\":{\"rendered\":\"a\nb\"},\"slug\":\"caf\\ud800e\"}")?;
/// let repairs = parsed.repairs().unwrap();
/// assert_eq!(repairs.count(), 2);
/// assert_eq!((repairs.first().line(), repairs.first().column()), (1, 24));
/// assert_eq!(repairs.control_characters(), 1);
/// assert_eq!(repairs.lone_surrogates(), 1);
/// let at = repairs.first_lone_surrogate().unwrap(); // after the raw newline
/// assert_eq!((at.line(), at.column()), (2, 16));
/// assert_eq!(parsed.title_html().unwrap(), "a\nb");
/// assert_eq!(parsed.slug.as_deref(), Some("caf\u{FFFD}e"));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repairs {
    controls: Option<(usize, Position)>,
    surrogates: Option<(usize, Position)>,
}

impl Repairs {
    /// What `controls` counted reading the document that starts at `start`
    /// in `input`; `None` when there were none.
    pub(crate) fn counted(controls: &Controls, input: &str, start: usize) -> Option<Repairs> {
        let place =
            |(count, first): (usize, usize)| (count, Position::locate(input, start + first));
        let repairs = Repairs {
            controls: controls.found().map(place),
            surrogates: controls.surrogates_found().map(place),
        };
        (repairs.controls.is_some() || repairs.surrogates.is_some()).then_some(repairs)
    }

    /// The repairs of an input transcoded to be read, placed in the
    /// caller's bytes by `to_input`; lines and columns, in characters,
    /// stay.
    pub(crate) fn in_transcoded(self, mut to_input: impl FnMut(usize) -> usize) -> Repairs {
        let mut place = |(count, at): (usize, Position)| {
            (
                count,
                Position::new(to_input(at.byte()), at.line(), at.column()),
            )
        };
        Repairs {
            controls: self.controls.map(&mut place),
            surrogates: self.surrogates.map(&mut place),
        }
    }

    /// How many repairs there were, of every kind.
    #[must_use]
    pub fn count(&self) -> usize {
        self.control_characters() + self.lone_surrogates()
    }

    /// Where the first repair is in the input, whatever its kind.
    #[must_use]
    pub fn first(&self) -> Position {
        match (self.controls, self.surrogates) {
            (Some((_, a)), Some((_, b))) => a.min(b),
            (Some((_, at)), None) | (None, Some((_, at))) => at,
            // `counted` gives no `Repairs` without a repair.
            (None, None) => Position::new(0, 1, 1),
        }
    }

    /// From the count and first position of each kind (counted by a
    /// collection's stream, which places them in the whole input);
    /// `None` when there were none.
    pub(crate) fn from_tallies(
        controls: Option<(usize, Position)>,
        surrogates: Option<(usize, Position)>,
    ) -> Option<Repairs> {
        (controls.is_some() || surrogates.is_some()).then_some(Repairs {
            controls,
            surrogates,
        })
    }

    /// How many raw control characters there were inside strings.
    #[must_use]
    pub fn control_characters(&self) -> usize {
        self.controls.map_or(0, |(n, _)| n)
    }

    /// Where the first raw control character is.
    #[must_use]
    pub fn first_control_character(&self) -> Option<Position> {
        self.controls.map(|(_, at)| at)
    }

    /// How many lone surrogate escapes were read as U+FFFD.
    #[must_use]
    pub fn lone_surrogates(&self) -> usize {
        self.surrogates.map_or(0, |(n, _)| n)
    }

    /// Where the first lone surrogate escape is (its backslash).
    #[must_use]
    pub fn first_lone_surrogate(&self) -> Option<Position> {
        self.surrogates.map(|(_, at)| at)
    }
}

/// A copy of the JSON text `raw` with the raw control characters inside its
/// strings escaped (`\n`, `\u001f`); `None` when there are none. Outside
/// strings they are left alone: there they are whitespace, or an error the
/// reader reports.
pub(crate) fn escape_controls(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut text = String::new();
    let mut copied = 0;
    let mut i = 0;
    // Outside strings, only a quote matters; inside, the reader's word scan
    // finds the next quote, backslash or control character.
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
                // The byte after a backslash is passed over, whatever it is.
                Some(b'\\') => i = at + 2,
                Some(&b) => {
                    if text.is_empty() {
                        text.reserve(raw.len() + 16);
                    }
                    text.push_str(&raw[copied..at]);
                    match b {
                        b'\n' => text.push_str("\\n"),
                        b'\r' => text.push_str("\\r"),
                        b'\t' => text.push_str("\\t"),
                        _ => text.push_str(&format!("\\u{b:04x}")),
                    }
                    copied = at + 1;
                    i = at + 1;
                }
            }
        }
    }
    if copied == 0 {
        return None;
    }
    text.push_str(&raw[copied..]);
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn escapes_only_inside_strings() {
        let input = "{\"a\":\"x\ny\",\n\"b\":\"\t\\\"\r\"}";
        assert_eq!(
            escape_controls(input).unwrap(),
            "{\"a\":\"x\\ny\",\n\"b\":\"\\t\\\"\\r\"}"
        );
        assert!(escape_controls("{\"a\":\n1}").is_none());
        // An escaped control character is left alone; a newline past
        // several words of text is found.
        assert!(escape_controls("[\"\\\n\"]").is_none());
        let long = format!("[\"{}\n{}\"]", "x".repeat(40), "y".repeat(17));
        assert_eq!(
            escape_controls(&long).unwrap(),
            format!("[\"{}\\n{}\"]", "x".repeat(40), "y".repeat(17))
        );
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
                let text = escape_controls(&doc).expect("escaped");
                assert!(!text.bytes().any(|c| c < 0x20), "{doc:?}");
                assert_eq!(
                    text.len(),
                    doc.len()
                        + if b == b'\n' || b == b'\r' || b == b'\t' {
                            1
                        } else {
                            5
                        }
                );
                assert_eq!(text[..6 + at], doc[..6 + at], "{doc:?}");
            }
            assert!(escape_controls(&format!("[1,{}2]", b as char)).is_none());
        }
    }
}
