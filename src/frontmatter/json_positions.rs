//! Positions for values read from JSON front matter. serde_json reports
//! none, so once it has accepted the text, the text is walked again in step
//! with the value tree it built (same values, same order), and each value
//! and key gets the place where it starts. One pass, line and column kept as
//! it goes.

use super::value::{Pos, Value, ValueKind};
use crate::Position;

/// Sets the positions in `value`, read from `json`, which starts at byte
/// `start` of `input`. With `braces == false`, `json` holds an object's
/// members without the braces (`;;;` front matter).
///
/// The text is valid JSON (serde_json read `value` from it); should the two
/// ever disagree, the walk stops and later values keep no position.
pub(crate) fn place(value: &mut Value<'_>, input: &str, start: usize, json: &str, braces: bool) {
    let at = Position::locate(input, start);
    let mut walk = Walk {
        b: json.as_bytes(),
        i: 0,
        start,
        line: at.line(),
        column: at.column(),
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
    b: &'j [u8],
    /// The next byte to read.
    i: usize,
    /// Where `b` starts in the whole input.
    start: usize,
    /// Line and column of `b[i]`.
    line: usize,
    column: usize,
}

impl Walk<'_> {
    fn here(&self) -> Pos {
        Pos::new(Position::new(self.start + self.i, self.line, self.column))
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Moves to `to`, counting lines and characters on the way.
    fn advance_to(&mut self, to: usize) {
        let to = to.min(self.b.len());
        for &c in &self.b[self.i..to] {
            if c == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if c & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
        self.i = to;
    }

    fn skip_ws(&mut self) {
        let n = self.b[self.i..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
            .count();
        self.advance_to(self.i + n);
    }

    /// Passes over `byte` (after whitespace); whether it was there.
    fn expect(&mut self, byte: u8) -> bool {
        self.skip_ws();
        let found = self.peek() == Some(byte);
        if found {
            self.advance_to(self.i + 1);
        }
        found
    }

    /// Reads the value at the cursor (after whitespace) into `value`'s
    /// position; false when the text does not match the tree.
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
            _ => {
                // A number, `true`, `false` or `null`: up to the next
                // delimiter.
                let n = self.b[self.i..]
                    .iter()
                    .take_while(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                    .count();
                self.advance_to(self.i + n);
                n > 0
            }
        }
    }

    /// An object's members, then `close` if given.
    fn members(&mut self, entries: &mut [super::value::Entry<'_>], close: Option<u8>) -> bool {
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
                    self.advance_to(j + 1);
                    return true;
                }
                _ => j += 1,
            }
        }
        false
    }
}
