//! The YAML fast lane: front matter written the common way is read here,
//! not by yaml-rust2.
//!
//! Most front matter is a block mapping of words to one-line scalars, with
//! block or flow lists of scalars and nested mappings of those: over the
//! aggregator corpus, every file. What yaml-rust2 makes of that is plain,
//! and this module reads exactly that, giving the same [`Value`]s, the
//! same borrowed strings and the same positions as the event path in
//! `yaml.rs` (tested against it over the corpus, its mutants and
//! generated documents in `yaml_lane_tests.rs`).
//!
//! Anything else gives `None` and the whole front matter goes to
//! yaml-rust2: a comment line or a comment after a value, a tab, a key that is not a word, a value that
//! runs over several lines, a block scalar, an anchor, a tag, a flow
//! mapping, an empty value, a duplicate key, a list at its key's
//! indentation, a lone `\r`, an escape outside the common ones. Being
//! wrong costs nothing but time, since the event path then reads the
//! front matter and reports its errors.

use super::Limits;
use super::byte_find::find2;
use super::schema::{Resolved, resolve_plain};
use super::value::{Entry, Mapping, Value, ValueKind};
use crate::{Position, Text};

/// Reads `fragment` (at byte `base` of `input`), or `None` when it is not
/// of the shapes above.
pub(crate) fn parse<'a>(
    input: &'a str,
    fragment: &'a str,
    base: usize,
    limits: &Limits,
) -> Option<Value<'a>> {
    if !plain_lines(fragment.as_bytes()) {
        return None;
    }
    let mut lane = Lane {
        fragment,
        base,
        lines_before: super::yaml::lines_before(input, base),
        at: 0,
        line: 0,
        nodes: 0,
        failed: false,
        limits,
    };
    let value = lane.mapping(0, None, 1)?;
    // Everything read, and something was, within the limits.
    let done = lane.next_line().is_none()
        && !lane.failed
        && lane.nodes <= limits.max_nodes
        && value.as_mapping().is_some_and(|m| !m.is_empty());
    done.then_some(value)
}

/// Whether `fragment` has no tab and no carriage return but before a line
/// feed or at its end: lines `next_line` can cut without looking inside.
fn plain_lines(b: &[u8]) -> bool {
    let mut from = 0;
    while let Some(at) = find2(b, from, b'\t', b'\r') {
        if b[at] == b'\t' || !matches!(b.get(at + 1), None | Some(b'\n')) {
            return false;
        }
        from = at + 1;
    }
    true
}

struct Lane<'r, 'a> {
    fragment: &'a str,
    base: usize,
    lines_before: usize,
    /// Start of the current line in the fragment.
    at: usize,
    /// The current line, 0-based in the fragment.
    line: usize,
    nodes: usize,
    /// A line this lane does not read was met: the result is void.
    failed: bool,
    limits: &'r Limits,
}

/// A line with content: where it starts, its indentation, its content
/// (without the line break and trailing spaces), where the next starts.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    indent: usize,
    end: usize,
    next: usize,
}

/// Characters that cannot start a plain scalar (or are not read here).
const INDICATORS: &[u8] = b"-?:,[]{}#&*!|>'\"%@`";

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl<'a> Lane<'_, 'a> {
    /// The next line with content, skipping blank ones (and moving past
    /// them); `None` at the end or for a line this lane does not read.
    fn next_line(&mut self) -> Option<Line> {
        let b = self.fragment.as_bytes();
        loop {
            if self.at >= b.len() {
                return None;
            }
            let start = self.at;
            let nl = find2(b, start, b'\n', b'\n').unwrap_or(b.len());
            let next = (nl + 1).min(b.len());
            let mut end = nl;
            if end > start && b[end - 1] == b'\r' {
                end -= 1;
            }
            // No tab or other carriage return: `plain_lines`.
            let line = &b[start..end];
            let indent = line.iter().take_while(|&&c| c == b' ').count();
            let mut content_end = end;
            while content_end > start + indent && b[content_end - 1] == b' ' {
                content_end -= 1;
            }
            if indent == line.len() {
                // Blank: skipped.
                self.at = next;
                self.line += 1;
                if next == b.len() && nl == b.len() {
                    return None;
                }
                continue;
            }
            let content = &b[start + indent..content_end];
            // A comment line; a comment after a value ends a plain
            // scalar, which `scalar` refuses, or follows a quoted one,
            // which `inline_value` refuses.
            if content[0] == b'#' {
                self.bail_line();
                return None;
            }
            return Some(Line {
                start,
                indent,
                end: content_end,
                next,
            });
        }
    }

    /// Marks the lane as unable to go on: nothing after reads.
    fn bail_line(&mut self) {
        self.failed = true;
        self.at = self.fragment.len();
    }

    fn advance(&mut self, line: &Line) {
        self.at = line.next;
        self.line += 1;
    }

    /// The position of byte `at` of the fragment, on the current line
    /// (which starts at `line_start`).
    fn position(&self, line_start: usize, at: usize) -> Position {
        let prefix = &self.fragment[line_start..at];
        let column = if prefix.is_ascii() {
            prefix.len()
        } else {
            prefix.chars().count()
        };
        Position::new(
            self.base + at,
            self.lines_before + self.line + 1,
            column + 1,
        )
    }

    fn count(&mut self, depth: usize) -> Option<()> {
        self.nodes += 1;
        (self.nodes <= self.limits.max_nodes && depth < self.limits.max_depth.min(16)).then_some(())
    }

    /// A block mapping whose keys are at `indent`; when `inline` is given,
    /// its first key is at that byte of the current line (after `- `).
    fn mapping(&mut self, indent: usize, inline: Option<usize>, depth: usize) -> Option<Value<'a>> {
        self.count(depth)?;
        let mut entries: Vec<Entry<'a>> = Vec::new();
        let mut first = inline;
        loop {
            let line = match first {
                Some(_) => self.current_line()?,
                None => match self.peek_line() {
                    Some(l) => l,
                    None => break,
                },
            };
            let key_start = match first.take() {
                Some(at) => at,
                None => {
                    if line.indent < indent {
                        break;
                    }
                    if line.indent > indent {
                        return None;
                    }
                    line.start + line.indent
                }
            };
            let b = self.fragment.as_bytes();
            let key_len = b[key_start..line.end]
                .iter()
                .take_while(|&&c| is_key_byte(c))
                .count();
            let colon = key_start + key_len;
            if key_len == 0
                || b[key_start] == b'-'
                || b.get(colon) != Some(&b':')
                || !(colon + 1 == line.end || b[colon + 1] == b' ')
            {
                return None;
            }
            let key = &self.fragment[key_start..colon];
            if entries.iter().any(|e| e.key == key) {
                return None;
            }
            self.count(depth)?;
            let key_position = self.position(line.start, key_start);
            let value = if colon + 1 == line.end {
                // The value is on the next lines: a mapping or a list, more
                // indented than the key.
                self.advance(&line);
                let next = self.peek_line()?;
                let key_column = key_start - line.start;
                if next.indent <= key_column {
                    return None;
                }
                let b = self.fragment.as_bytes();
                let content = &b[next.start + next.indent..next.end];
                if content.starts_with(b"- ") {
                    self.sequence(next.indent, depth + 1)?
                } else {
                    self.mapping(next.indent, None, depth + 1)?
                }
            } else {
                let value_start = colon
                    + 1
                    + b[colon + 1..line.end]
                        .iter()
                        .take_while(|&&c| c == b' ')
                        .count();
                let value = self.inline_value(line.start, value_start, line.end, depth)?;
                self.advance(&line);
                value
            };
            entries.push(Entry::at(Text::borrowed(key), key_position, value));
        }
        let position = entries.first()?.key_position()?;
        Some(Value::at(
            ValueKind::Mapping(Mapping::from_entries(entries)),
            position,
        ))
    }

    /// The next line with content, without moving past it (blank lines
    /// before it are passed).
    fn peek_line(&mut self) -> Option<Line> {
        self.next_line()
    }

    /// The current line again (the one `peek_line` stopped on).
    fn current_line(&mut self) -> Option<Line> {
        self.peek_line()
    }

    /// A block list whose `- ` are at `indent`.
    fn sequence(&mut self, indent: usize, depth: usize) -> Option<Value<'a>> {
        self.count(depth)?;
        let mut items = Vec::new();
        let mut position = None;
        while let Some(line) = self.peek_line() {
            if line.indent < indent {
                break;
            }
            let b = self.fragment.as_bytes();
            let dash = line.start + line.indent;
            if line.indent > indent || !b[dash..line.end].starts_with(b"- ") {
                return None;
            }
            position.get_or_insert(self.position(line.start, dash));
            let item_start = dash + 2;
            if b[item_start] == b' ' {
                return None;
            }
            let key_len = b[item_start..line.end]
                .iter()
                .take_while(|&&c| is_key_byte(c))
                .count();
            let after = item_start + key_len;
            let is_mapping = key_len > 0
                && b.get(after) == Some(&b':')
                && (after + 1 == line.end || b[after + 1] == b' ');
            let item = if is_mapping {
                self.mapping(item_start - line.start, Some(item_start), depth + 1)?
            } else {
                let item = self.inline_value(line.start, item_start, line.end, depth)?;
                self.advance(&line);
                item
            };
            items.push(item);
        }
        Some(Value::at(ValueKind::Sequence(items), position?))
    }

    /// A value on one line, from `start` to `end`: a scalar or a flow list
    /// of scalars.
    fn inline_value(
        &mut self,
        line_start: usize,
        start: usize,
        end: usize,
        depth: usize,
    ) -> Option<Value<'a>> {
        let b = self.fragment.as_bytes();
        if b[start] == b'[' {
            return self.flow_sequence(line_start, start, end, depth + 1);
        }
        let (value, used) = self.scalar(line_start, start, end, false)?;
        (start + used == end).then_some(value)
    }

    /// `[a, "b", 'c']` on one line.
    fn flow_sequence(
        &mut self,
        line_start: usize,
        start: usize,
        end: usize,
        depth: usize,
    ) -> Option<Value<'a>> {
        self.count(depth)?;
        let b = self.fragment.as_bytes();
        let position = self.position(line_start, start);
        let mut items = Vec::new();
        let mut at = start + 1;
        let skip = |at: &mut usize| {
            while *at < end && b[*at] == b' ' {
                *at += 1;
            }
        };
        skip(&mut at);
        if b.get(at) == Some(&b']') {
            at += 1;
        } else {
            loop {
                skip(&mut at);
                let (item, used) = self.scalar(line_start, at, end, true)?;
                self.count(depth)?;
                items.push(item);
                at += used;
                skip(&mut at);
                match b.get(at) {
                    Some(b',') => {
                        at += 1;
                        skip(&mut at);
                        // No trailing comma, no empty entry.
                        if matches!(b.get(at), Some(b']' | b',')) {
                            return None;
                        }
                    }
                    Some(b']') => {
                        at += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        (at == end).then(|| Value::at(ValueKind::Sequence(items), position))
    }

    /// A scalar starting at `start`: its value and how many bytes it takes
    /// (a plain scalar in a flow list ends at `,` or `]`).
    fn scalar(
        &mut self,
        line_start: usize,
        start: usize,
        end: usize,
        in_flow: bool,
    ) -> Option<(Value<'a>, usize)> {
        let b = self.fragment.as_bytes();
        let position = self.position(line_start, start);
        self.nodes += 1;
        match *b.get(start)? {
            b'"' => {
                let (text, used) = double_quoted(self.fragment, start, end)?;
                Some((Value::at(ValueKind::String(text), position), used))
            }
            b'\'' => {
                let (text, used) = single_quoted(self.fragment, start, end)?;
                Some((Value::at(ValueKind::String(text), position), used))
            }
            first => {
                if INDICATORS.contains(&first)
                    && !(first == b'-'
                        && b.get(start + 1)
                            .is_some_and(|c| c.is_ascii_digit() || *c == b'.'))
                {
                    return None;
                }
                let stop = if in_flow {
                    b[start..end]
                        .iter()
                        .position(|&c| matches!(c, b',' | b']' | b'[' | b'{' | b'}'))
                        .map_or(end, |i| start + i)
                } else {
                    end
                };
                let mut text_end = stop;
                while text_end > start && b[text_end - 1] == b' ' {
                    text_end -= 1;
                }
                let text = &self.fragment[start..text_end];
                if text.is_empty() || !plain_text(text.as_bytes(), in_flow) {
                    return None;
                }
                let kind = match resolve_plain(text) {
                    Resolved::String => ValueKind::String(Text::borrowed(text)),
                    r => r.into_kind(),
                };
                Some((Value::at(kind, position), stop - start))
            }
        }
    }
}

/// Whether a plain scalar's text is read here: no `: ` and no final `:`
/// (a key), no ` #` (a comment), no `:` at all in a flow list.
fn plain_text(t: &[u8], in_flow: bool) -> bool {
    let mut from = 0;
    while let Some(at) = find2(t, from, b':', b'#') {
        let stop = if t[at] == b':' {
            in_flow || matches!(t.get(at + 1), None | Some(b' '))
        } else {
            at > 0 && t[at - 1] == b' '
        };
        if stop {
            return false;
        }
        from = at + 1;
    }
    true
}

/// A double-quoted scalar on one line, from its opening quote at `start`:
/// its text (borrowed when it has no escape) and the bytes it takes.
fn double_quoted(fragment: &str, start: usize, end: usize) -> Option<(Text<'_>, usize)> {
    let b = fragment.as_bytes();
    let mut at = start + 1;
    let mut owned: Option<String> = None;
    let mut copied = at;
    while let Some(found) = find2(&b[..end], at, b'"', b'\\') {
        at = found;
        if b[at] == b'"' {
            return Some(closed(fragment, start, at, copied, owned));
        }
        // A backslash.
        let s = owned.get_or_insert_with(String::new);
        s.push_str(&fragment[copied..at]);
        let (c, len) = escape(&fragment[at + 1..end])?;
        s.push(c);
        at += 1 + len;
        copied = at;
    }
    None
}

/// The decoded text, borrowed when the fragment holds it byte for byte
/// right after the quote, as the event path does (it cannot tell an escape
/// from a coincidence: `''''` is `'`, and so is the byte after the quote).
fn borrow_if_same(fragment: &str, at: usize, s: String) -> Text<'_> {
    match fragment.get(at..at + s.len()) {
        Some(slice) if slice == s => Text::borrowed(slice),
        _ => Text::from(s),
    }
}

/// The escapes YAML allows in double quotes that this lane reads, and how
/// many bytes after the backslash each takes.
fn escape(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let hex = |n: usize| -> Option<char> {
        let digits = s.get(1..1 + n)?;
        if !digits.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        char::from_u32(u32::from_str_radix(digits, 16).ok()?)
    };
    Some(match *b.first()? {
        b'0' => ('\0', 1),
        b'a' => ('\u{7}', 1),
        b'b' => ('\u{8}', 1),
        b't' => ('\t', 1),
        b'n' => ('\n', 1),
        b'v' => ('\u{b}', 1),
        b'f' => ('\u{c}', 1),
        b'r' => ('\r', 1),
        b'e' => ('\u{1b}', 1),
        b' ' => (' ', 1),
        b'"' => ('"', 1),
        b'/' => ('/', 1),
        b'\\' => ('\\', 1),
        b'N' => ('\u{85}', 1),
        b'_' => ('\u{a0}', 1),
        b'L' => ('\u{2028}', 1),
        b'P' => ('\u{2029}', 1),
        b'x' => (hex(2)?, 3),
        b'u' => (hex(4)?, 5),
        b'U' => (hex(8)?, 9),
        _ => return None,
    })
}

/// A single-quoted scalar on one line, from its opening quote at `start`.
fn single_quoted(fragment: &str, start: usize, end: usize) -> Option<(Text<'_>, usize)> {
    let b = fragment.as_bytes();
    let mut at = start + 1;
    let mut owned: Option<String> = None;
    let mut copied = at;
    while let Some(found) = find2(&b[..end], at, b'\'', b'\'') {
        at = found;
        if b.get(at + 1) == Some(&b'\'') && at + 1 < end {
            let s = owned.get_or_insert_with(String::new);
            s.push_str(&fragment[copied..=at]);
            at += 2;
            copied = at;
            continue;
        }
        return Some(closed(fragment, start, at, copied, owned));
    }
    None
}

/// A quoted scalar opened at `start` and closed at `at`: its text (the
/// fragment's own bytes when nothing was unescaped, else `owned` with the
/// bytes after `copied`) and the bytes it takes.
fn closed(
    fragment: &str,
    start: usize,
    at: usize,
    copied: usize,
    owned: Option<String>,
) -> (Text<'_>, usize) {
    let text = match owned {
        None => Text::borrowed(&fragment[start + 1..at]),
        Some(mut s) => {
            s.push_str(&fragment[copied..at]);
            borrow_if_same(fragment, start + 1, s)
        }
    };
    (text, at + 1 - start)
}
