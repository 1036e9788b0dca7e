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
        let mut in_string = false;
        let mut edits = Vec::new();
        let mut text = String::new();
        let mut copied = 0;
        // The byte after a backslash in a string, passed over whatever it is.
        let mut escaped = usize::MAX;
        for (n, chunk) in bytes.chunks(8).enumerate() {
            let mut flags = special_flags(chunk);
            while flags != 0 {
                let i = n * 8 + (flags.trailing_zeros() / 8) as usize;
                flags &= flags - 1;
                let b = bytes[i];
                if !in_string {
                    in_string = b == b'"';
                    continue;
                }
                if i == escaped {
                    continue;
                }
                match b {
                    b'\\' => escaped = i + 1,
                    b'"' => in_string = false,
                    _ => {
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

/// For each byte of `chunk` (up to 8) that is a quote, a backslash or a
/// control character, the high bit of its byte in the result. The tests are
/// exact per byte (no carry crosses a byte), so every set bit is a hit.
/// Eight bytes at a time: a byte-at-a-time state machine took 25 µs for the
/// 13 kB seed post, whose strings are full of `\/`.
#[inline]
fn special_flags(chunk: &[u8]) -> u64 {
    const LOW7: u64 = u64::from_le_bytes([0x7f; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    // High bit set where the byte is not zero.
    let nonzero = |y: u64| ((y & LOW7) + LOW7) | y;
    let x = match <[u8; 8]>::try_from(chunk) {
        Ok(word) => u64::from_le_bytes(word),
        Err(_) => {
            // The tail, padded with a byte that is not special.
            let mut word = [b'a'; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            u64::from_le_bytes(word)
        }
    };
    let quote = !nonzero(x ^ (ONES * u64::from(b'"')));
    let backslash = !nonzero(x ^ (ONES * u64::from(b'\\')));
    // High bit set where the byte is 0x20 or more.
    let control = !(((x & LOW7) + ONES * 0x60) | x);
    (quote | backslash | control) & HIGH
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

    #[test]
    fn every_byte_value_at_every_place_in_a_word() {
        for value in 0..=255u8 {
            let special = matches!(value, b'"' | b'\\' | 0..=0x1f);
            for at in 0..20 {
                // Neighbours one above and below each class, and a special
                // byte further on, must not change what is found.
                let mut b = [b'#'; 20];
                b[at] = value;
                b[(at + 1) % 20] = 0x21;
                b[19] = if at == 19 { value } else { b'"' };
                let mut want = Vec::new();
                if special {
                    want.push(at);
                }
                if at != 19 {
                    want.push(19);
                }
                want.dedup();
                let found: Vec<usize> = (0..20)
                    .filter(|&i| {
                        special_flags(&b[i / 8 * 8..(i / 8 * 8 + 8).min(20)]) >> (i % 8 * 8 + 7) & 1
                            == 1
                    })
                    .collect();
                assert_eq!(found, want, "byte {value:#x} at {at}");
            }
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
