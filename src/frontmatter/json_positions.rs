//! Positions for values read from JSON front matter. serde_json reports
//! none, so once it has accepted the text, the text is walked again in step
//! with the value tree it built (same values, same order), and each value
//! and key gets the place where it starts. One pass over the text.

use super::value::{Entry, Pos, Value, ValueKind};
use crate::error::LineCounter;

/// Sets the positions in `value`, read from `json`, which starts at byte
/// `start` of `input`. With `braces == false`, `json` holds an object's
/// members without the braces (`;;;` front matter).
///
/// The text is valid JSON (serde_json read `value` from it); should the two
/// ever disagree, the walk stops and later values keep no position.
pub(crate) fn place(value: &mut Value<'_>, input: &str, start: usize, json: &str, braces: bool) {
    let mut walk = Walk {
        input: input.as_bytes(),
        b: json.as_bytes(),
        i: 0,
        start,
        lines: LineCounter::default(),
    };
    walk.skip_ws();
    if braces {
        walk.value(value);
    } else if let ValueKind::Mapping(mapping) = &mut value.kind {
        value.pos = walk.here();
        walk.members(mapping.entries_mut(), None);
    }
}

struct Walk<'j> {
    input: &'j [u8],
    /// The JSON text, `input[start..]`.
    b: &'j [u8],
    /// The next byte of `b` to read.
    i: usize,
    start: usize,
    lines: LineCounter,
}

impl Walk<'_> {
    fn here(&mut self) -> Pos {
        Pos::new(self.lines.locate(self.input, self.start + self.i))
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Moves past the bytes at the cursor that `keep` accepts; how many.
    fn skip_while(&mut self, keep: impl Fn(u8) -> bool) -> usize {
        let n = self.b[self.i..].iter().take_while(|&&c| keep(c)).count();
        self.i += n;
        n
    }

    fn skip_ws(&mut self) {
        self.skip_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'));
    }

    /// Passes over `byte` (after whitespace); whether it was there.
    fn expect(&mut self, byte: u8) -> bool {
        self.skip_ws();
        let found = self.peek() == Some(byte);
        self.i += usize::from(found);
        found
    }

    /// Sets the position of the value at the cursor (after whitespace), and
    /// of everything in it; false when the text does not match the tree.
    fn value(&mut self, value: &mut Value<'_>) -> bool {
        self.skip_ws();
        value.pos = self.here();
        match &mut value.kind {
            ValueKind::Mapping(mapping) => {
                self.expect(b'{') && self.members(mapping.entries_mut(), Some(b'}'))
            }
            ValueKind::Sequence(items) => {
                if !self.expect(b'[') {
                    return false;
                }
                for (n, item) in items.iter_mut().enumerate() {
                    if (n > 0 && !self.expect(b',')) || !self.value(item) {
                        return false;
                    }
                }
                self.expect(b']')
            }
            ValueKind::String(_) => self.string(),
            // A number, `true`, `false` or `null`: up to the next delimiter.
            _ => {
                self.skip_while(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                    > 0
            }
        }
    }

    /// An object's members, then `close` if given.
    fn members(&mut self, entries: &mut [Entry<'_>], close: Option<u8>) -> bool {
        for (n, entry) in entries.iter_mut().enumerate() {
            if n > 0 && !self.expect(b',') {
                return false;
            }
            self.skip_ws();
            entry.key_pos = self.here();
            if !self.string() || !self.expect(b':') || !self.value(&mut entry.value) {
                return false;
            }
        }
        close.is_none_or(|c| self.expect(c))
    }

    /// Passes over the string at the cursor.
    fn string(&mut self) -> bool {
        if self.peek() != Some(b'"') {
            return false;
        }
        let mut j = self.i + 1;
        while let Some(&c) = self.b.get(j) {
            match c {
                b'\\' => j += 2,
                b'"' => {
                    self.i = j + 1;
                    return true;
                }
                _ => j += 1,
            }
        }
        false
    }
}
