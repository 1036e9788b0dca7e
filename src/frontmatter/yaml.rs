//! YAML front matter to [`Value`]s with positions, from yaml-rust2's event
//! stream, under [`Limits`].

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

use super::Limits;
use super::schema::{Resolved, resolve_plain};
use super::value::{Entry, Mapping, Pos, Value, ValueKind, find_duplicate};
use crate::{Error, ErrorKind, Position, Result, Text};

/// Turns yaml-rust2's markers (line 1-based, column 0-based, index counted in
/// characters of the fragment) into [`Position`]s of the whole input.
///
/// A cursor (character index, byte offset) follows the markers, which come
/// almost in order: a move over ASCII text jumps straight to its byte, other
/// text is walked a character at a time. Nothing is allocated.
struct Locator<'a> {
    fragment: &'a str,
    /// Byte offset of the fragment in the whole input.
    base: usize,
    /// Lines of the whole input before the fragment's first line.
    lines_before: usize,
    chars: usize,
    bytes: usize,
}

/// Lines of `input` before byte `base` (where the front matter starts).
pub(crate) fn lines_before(input: &str, base: usize) -> usize {
    input.as_bytes()[..base]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

impl<'a> Locator<'a> {
    fn new(input: &str, fragment: &'a str, base: usize) -> Locator<'a> {
        Locator {
            fragment,
            base,
            lines_before: lines_before(input, base),
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset in the fragment of character `index`.
    fn byte_of(&mut self, index: usize) -> usize {
        let b = self.fragment.as_bytes();
        if index > self.chars {
            let step = index - self.chars;
            if b.get(self.bytes..self.bytes + step)
                .is_some_and(<[u8]>::is_ascii)
            {
                self.bytes += step;
                self.chars = index;
                return self.bytes;
            }
            while self.chars < index && self.bytes < b.len() {
                self.bytes += 1;
                while self.bytes < b.len() && b[self.bytes] & 0xC0 == 0x80 {
                    self.bytes += 1;
                }
                self.chars += 1;
            }
        } else if index < self.chars {
            let step = self.chars - index;
            if self.bytes >= step && b[self.bytes - step..self.bytes].is_ascii() {
                self.bytes -= step;
                self.chars = index;
                return self.bytes;
            }
            while self.chars > index && self.bytes > 0 {
                self.bytes -= 1;
                while self.bytes > 0 && b[self.bytes] & 0xC0 == 0x80 {
                    self.bytes -= 1;
                }
                self.chars -= 1;
            }
        }
        self.bytes
    }

    /// The fragment byte offset and the whole-input position of a marker.
    fn locate(&mut self, mark: Marker) -> (usize, Position) {
        let byte = self.byte_of(mark.index());
        let position = Position::new(
            self.base + byte,
            self.lines_before + mark.line().max(1),
            mark.col() + 1,
        );
        (byte, position)
    }
}

/// An open container. Its children wait on the builder's shared stacks
/// (from `start` on), and move to a vector of the exact size when it closes:
/// no vector grows per container.
enum FrameKind<'a> {
    Sequence {
        start: usize,
    },
    Mapping {
        start: usize,
        key: Option<(Text<'a>, Position)>,
        /// One bit per key hash, to look for a duplicate only on a
        /// collision; past [`SMALL_MAPPING`] keys a sort at the end does it.
        seen: u64,
    },
}

/// Up to this many keys, duplicates are looked for as keys come.
const SMALL_MAPPING: usize = 64;

fn key_bit(key: &str) -> u64 {
    let h = key
        .bytes()
        .fold(key.len() as u32, |h, b| h.wrapping_mul(31) ^ u32::from(b));
    1 << (h.wrapping_mul(0x9E37_79B9) >> 26)
}

fn duplicate(key: &Entry<'_>, fallback: Position) -> Error {
    Error::new(
        ErrorKind::DuplicateKey,
        format!(
            "duplicate key `{}`: expected each key once in a mapping",
            key.key
        ),
    )
    .with_position(key.key_position().unwrap_or(fallback))
}

struct Frame<'a> {
    kind: FrameKind<'a>,
    position: Position,
    anchor: usize,
    /// The node count when this container started, to size it for aliases.
    first_node: usize,
}

struct Builder<'a> {
    max_nodes: usize,
    stack: Vec<Frame<'a>>,
    /// Items of the open sequences, innermost last.
    items: Vec<Value<'a>>,
    /// Entries of the open mappings, innermost last.
    entries: Vec<Entry<'a>>,
    /// Completed anchored values and their sizes in nodes, by anchor id.
    anchors: Vec<Option<(Value<'a>, usize)>>,
    nodes: usize,
    root: Option<Value<'a>>,
}

const CORE: &str = "tag:yaml.org,2002:";

/// Parses `fragment` (at byte `base` of `input`) into one value. Empty YAML
/// gives an empty mapping at `base`.
pub(crate) fn parse<'a>(
    input: &'a str,
    fragment: &'a str,
    base: usize,
    limits: &Limits,
) -> Result<Value<'a>> {
    // A byte order mark may open a YAML stream and is not content;
    // yaml-rust2 would make it part of the first key.
    let (fragment, base) = match fragment.strip_prefix('\u{feff}') {
        Some(rest) => (rest, base + '\u{feff}'.len_utf8()),
        None => (fragment, base),
    };
    // Positions are kept in 32 bits.
    super::check_size(
        input,
        fragment,
        base,
        limits.max_bytes.min(u32::MAX as usize / 2),
    )?;
    check_printable(input, fragment, base)?;
    if let Some(value) = super::yaml_lane::parse(input, fragment, base, limits) {
        return Ok(value);
    }
    parse_events(input, fragment, base, limits)
}

/// [`parse`] by yaml-rust2's events, past the fast lane.
pub(crate) fn parse_events<'a>(
    input: &'a str,
    fragment: &'a str,
    base: usize,
    limits: &Limits,
) -> Result<Value<'a>> {
    let mut loc = Locator::new(input, fragment, base);
    let mut parser = Parser::new_from_str(fragment);
    let mut b = Builder {
        max_nodes: limits.max_nodes,
        stack: Vec::new(),
        items: Vec::new(),
        entries: Vec::new(),
        anchors: Vec::new(),
        nodes: 0,
        root: None,
    };
    loop {
        let (event, mark) = parser.next_token().map_err(|e| scan_error(&mut loc, e))?;
        match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => {}
            Event::Scalar(s, style, anchor, tag) => {
                let (byte, position) = loc.locate(mark);
                b.count(1, position)?;
                let s = scalar_fixes(fragment, byte, s, style)
                    .map_err(|e| e.with_position(position))?;
                let first_node = b.nodes - 1;
                if b.wants_key() {
                    // A key is kept as written; an alias to it is the value
                    // it would be anywhere else (`&a 1.` then `*a` is 1.0).
                    let anchored = if anchor == 0 {
                        None
                    } else {
                        Some(
                            scalar(fragment, byte, s.clone(), style, tag.as_ref())
                                .map_err(|e| e.with_position(position))?,
                        )
                    };
                    let key = text(fragment, byte, s, style);
                    b.key(key, position)?;
                    if let Some(kind) = anchored {
                        b.store_anchor(anchor, Value::at(kind, position), first_node);
                    }
                } else {
                    let kind = scalar(fragment, byte, s, style, tag.as_ref())
                        .map_err(|e| e.with_position(position))?;
                    let value = Value::at(kind, position);
                    b.complete(value, anchor, first_node)?;
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let (_, position) = loc.locate(mark);
                if b.wants_key() {
                    return Err(Error::new(
                        ErrorKind::Unsupported,
                        "unsupported yaml: expected a scalar mapping key, found a sequence or mapping",
                    )
                    .with_position(position));
                }
                if b.stack.len() >= limits.max_depth {
                    return Err(Error::new(
                        ErrorKind::LimitExceeded,
                        format!(
                            "front matter nested too deeply: expected at most {} levels",
                            limits.max_depth
                        ),
                    )
                    .with_position(position));
                }
                b.count(1, position)?;
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    FrameKind::Sequence {
                        start: b.items.len(),
                    }
                } else {
                    FrameKind::Mapping {
                        start: b.entries.len(),
                        key: None,
                        seen: 0,
                    }
                };
                b.stack.push(Frame {
                    kind,
                    position,
                    anchor,
                    first_node: b.nodes - 1,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = b.stack.pop() else {
                    let (_, position) = loc.locate(mark);
                    return Err(unexpected(position));
                };
                let kind = match frame.kind {
                    FrameKind::Sequence { start } => {
                        ValueKind::Sequence(b.items.drain(start..).collect())
                    }
                    FrameKind::Mapping { start, .. } => {
                        let entries = &b.entries[start..];
                        if entries.len() > SMALL_MAPPING
                            && let Some(i) = find_duplicate(entries)
                        {
                            return Err(duplicate(&entries[i], frame.position));
                        }
                        ValueKind::Mapping(Mapping::from_entries(
                            b.entries.drain(start..).collect(),
                        ))
                    }
                };
                let value = Value::at(kind, frame.position);
                b.complete(value, frame.anchor, frame.first_node)?;
            }
            Event::Alias(id) => {
                let (_, position) = loc.locate(mark);
                let Some(Some((value, size))) = b.anchors.get(id) else {
                    return Err(Error::new(
                        ErrorKind::Unsupported,
                        "unsupported yaml: expected an alias to a complete node, found a recursive alias",
                    )
                    .with_position(position));
                };
                let size = *size;
                if b.nodes.saturating_add(size) > limits.max_nodes {
                    return Err(Error::new(
                        ErrorKind::LimitExceeded,
                        format!(
                            "alias expands to too many values: expected at most {} values in the front matter, this alias brings them to {}",
                            limits.max_nodes,
                            b.nodes.saturating_add(size)
                        ),
                    )
                    .with_position(position));
                }
                let mut value = value.clone();
                value.pos = Pos::new(position);
                b.nodes += size;
                if b.wants_key() {
                    match value.kind {
                        ValueKind::String(s) => b.key(s, position)?,
                        // An anchored scalar key, typed: its text again.
                        ValueKind::Int(i) => b.key(Text::from(i.to_string()), position)?,
                        ValueKind::Float(f) => b.key(Text::from(f.to_string()), position)?,
                        ValueKind::Bool(v) => b.key(Text::from(v.to_string()), position)?,
                        ValueKind::Null => b.key(Text::default(), position)?,
                        _ => {
                            return Err(Error::new(
                                ErrorKind::Unsupported,
                                "unsupported yaml: expected a scalar mapping key, found an alias to a non-string value",
                            )
                            .with_position(position));
                        }
                    }
                } else {
                    b.complete(value, 0, 0)?;
                }
            }
        }
    }
    Ok(b.root.unwrap_or_else(|| {
        Value::at(
            ValueKind::Mapping(Mapping::new()),
            Position::locate(input, base),
        )
    }))
}

/// Where yaml-rust2 and YAML 1.2 part, found by the YAML oracle
/// (`tests/frontmatter_oracle.rs`, against libyaml):
/// - a plain scalar cannot start with `|` or `>` (they start block
///   scalars); yaml-rust2 takes `[>a]` for a sequence holding `">a"`;
/// - a block scalar with the default ("clip") chomping and no content is
///   empty; yaml-rust2 gives `"\n"` for `|2` over blank lines; kept
///   (`|+`), it has one line break per blank line, none when there is none.
fn scalar_fixes(fragment: &str, byte: usize, s: String, style: TScalarStyle) -> Result<String> {
    match style {
        TScalarStyle::Plain if s.starts_with(['|', '>']) => Err(Error::new(
            ErrorKind::Syntax,
            format!(
                "invalid yaml: expected a value, found `{}`, which starts a block scalar only after a key or `-` (quote the text)",
                &s[..1]
            ),
        )),
        TScalarStyle::Literal | TScalarStyle::Folded
            if !s.is_empty() && s.bytes().all(|b| b == b'\n') =>
        {
            // An empty block scalar's marker is at its header.
            let header_start = fragment.as_bytes()[..(byte + 1).min(fragment.len())]
                .iter()
                .rposition(|&b| b == b'|' || b == b'>')
                .unwrap_or(0);
            let header = fragment[header_start..]
                .split(['\n', '\r', ' ', '\t', '#'])
                .next()
                .unwrap_or("");
            if !header.contains('+') {
                return Ok(String::new());
            }
            // Keep: one line break per blank line after the header's line
            // (yaml-rust2 gives one even when there is none).
            let after_header = fragment[header_start..]
                .find('\n')
                .map_or(fragment.len(), |i| header_start + i + 1);
            let blank = fragment[after_header..]
                .split_inclusive('\n')
                .take_while(|line| {
                    line.ends_with('\n') && line.trim_end_matches(['\n', '\r', ' ']).is_empty()
                })
                .count();
            Ok("\n".repeat(blank))
        }
        _ => Ok(s),
    }
}

/// YAML allows only printable characters in a stream (YAML 1.2, 5.1:
/// tab, line breaks, U+0020-U+007E, U+0085, U+00A0-U+D7FF, U+E000-U+FFFD,
/// and above U+FFFF). yaml-rust2 takes a raw NUL for the end of the input,
/// silently dropping everything after it, and lets the other control
/// characters through where libyaml refuses them: both are refused here,
/// at the character, before yaml-rust2 sees the text. Escapes such as
/// `"\0"` in double quotes are not raw characters and stay allowed.
fn check_printable(input: &str, fragment: &str, base: usize) -> Result<()> {
    let b = fragment.as_bytes();
    let mut from = 0;
    // Printable ASCII is fine: only the other bytes are looked at.
    while let Some(i) = super::byte_find::find_unusual(b, from) {
        let c = b[i];
        let bad = match c {
            b'\t' | b'\n' | b'\r' => false,
            0..0x20 | 0x7F => true,
            // U+0080-U+009F (C1 controls) but U+0085 (next line).
            0xC2 => b
                .get(i + 1)
                .is_some_and(|&n| (0x80..0xA0).contains(&n) && n != 0x85),
            // U+FFFE and U+FFFF.
            0xEF => b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)),
            _ => false,
        };
        if bad {
            let ch = fragment[i..].chars().next().unwrap_or('\0');
            let what = if ch == '\0' {
                "a raw NUL (U+0000)".to_owned()
            } else {
                format!("the non-printable character U+{:04X}", u32::from(ch))
            };
            return Err(Error::new(
                ErrorKind::Syntax,
                format!(
                    "invalid yaml: expected printable characters, found {what} (write it as an escape in double quotes, such as `\"\\0\"`)"
                ),
            )
            .with_position(Position::locate(input, base + i)));
        }
        from = i + 1;
    }
    Ok(())
}

fn unexpected(position: Position) -> Error {
    Error::new(
        ErrorKind::Syntax,
        "invalid yaml: expected a value, found the end of a collection that was not opened",
    )
    .with_position(position)
}

impl<'a> Builder<'a> {
    fn count(&mut self, n: usize, position: Position) -> Result<()> {
        self.nodes += n;
        if self.nodes > self.max_nodes {
            return Err(Error::new(
                ErrorKind::LimitExceeded,
                format!(
                    "front matter has too many values: expected at most {}",
                    self.max_nodes
                ),
            )
            .with_position(position));
        }
        Ok(())
    }

    fn wants_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame {
                kind: FrameKind::Mapping { key: None, .. },
                ..
            })
        )
    }

    fn key(&mut self, key: Text<'a>, position: Position) -> Result<()> {
        if let Some(Frame {
            kind:
                FrameKind::Mapping {
                    key: slot,
                    start,
                    seen,
                },
            position: map_position,
            ..
        }) = self.stack.last_mut()
        {
            let entries = &self.entries[*start..];
            // A block mapping's start marker lies after its first key.
            if position.byte() < map_position.byte() {
                *map_position = position;
            }
            if entries.len() < SMALL_MAPPING {
                let bit = key_bit(&key);
                if *seen & bit != 0 && entries.iter().any(|e| e.key == key) {
                    return Err(duplicate(
                        &Entry::at(key, position, Value::new(ValueKind::Null)),
                        position,
                    ));
                }
                *seen |= bit;
            }
            *slot = Some((key, position));
        }
        Ok(())
    }

    fn store_anchor(&mut self, anchor: usize, value: Value<'a>, first_node: usize) {
        if self.anchors.len() <= anchor {
            self.anchors.resize(anchor + 1, None);
        }
        self.anchors[anchor] = Some((value, self.nodes - first_node));
    }

    fn complete(&mut self, value: Value<'a>, anchor: usize, first_node: usize) -> Result<()> {
        if anchor != 0 {
            self.store_anchor(anchor, value.clone(), first_node);
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_some() {
                    return Err(Error::new(
                        ErrorKind::Syntax,
                        "invalid yaml: expected one document in the front matter, found several",
                    )
                    .with_position(value.position().unwrap_or(Position::new(0, 1, 1))));
                }
                self.root = Some(value);
            }
            Some(Frame {
                kind: FrameKind::Sequence { .. },
                position,
                ..
            }) => {
                if let Some(p) = value.position()
                    && p.byte() < position.byte()
                {
                    *position = p;
                }
                self.items.push(value);
            }
            Some(Frame {
                kind: FrameKind::Mapping { key, .. },
                ..
            }) => {
                if let Some((key, key_position)) = key.take() {
                    self.entries.push(Entry::at(key, key_position, value));
                }
            }
        }
        Ok(())
    }
}

/// The scalar's text, borrowed from the fragment when the fragment holds it
/// byte for byte where the scalar starts (after the quote if quoted).
fn text<'a>(fragment: &'a str, byte: usize, s: String, style: TScalarStyle) -> Text<'a> {
    let at = match style {
        TScalarStyle::Plain => byte,
        TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => byte + 1,
        TScalarStyle::Literal | TScalarStyle::Folded => return Text::from(s),
    };
    match fragment.get(at..at.saturating_add(s.len())) {
        Some(slice) if slice == s => Text::borrowed(slice),
        _ => Text::from(s),
    }
}

/// A scalar typed by the core schema (plain scalars) or its tag.
fn scalar<'a>(
    fragment: &'a str,
    byte: usize,
    s: String,
    style: TScalarStyle,
    tag: Option<&Tag>,
) -> Result<ValueKind<'a>> {
    let core = tag.and_then(|t| (t.handle == CORE).then_some(t.suffix.as_str()));
    let non_specific = tag.is_some_and(|t| t.handle == "!" && t.suffix.is_empty());
    match core {
        Some("str") => return Ok(ValueKind::String(text(fragment, byte, s, style))),
        Some(expected @ ("null" | "bool" | "int" | "float")) => {
            let resolved = resolve_plain(s.trim());
            let ok = matches!(
                (expected, &resolved),
                ("null", Resolved::Null)
                    | ("bool", Resolved::Bool(_))
                    | ("int", Resolved::Int(_))
                    | ("float", Resolved::Float(_) | Resolved::Int(_))
            );
            if !ok {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("invalid value: expected a `!!{expected}` scalar, found {s:?}"),
                ));
            }
            return Ok(match resolved {
                Resolved::Int(i) if expected == "float" => ValueKind::Float(i as f64),
                r => r.into_kind(),
            });
        }
        _ => {}
    }
    if style != TScalarStyle::Plain || non_specific {
        return Ok(ValueKind::String(text(fragment, byte, s, style)));
    }
    Ok(match resolve_plain(&s) {
        Resolved::String => ValueKind::String(text(fragment, byte, s, style)),
        r => r.into_kind(),
    })
}

fn scan_error(loc: &mut Locator<'_>, e: ScanError) -> Error {
    let (_, position) = loc.locate(*e.marker());
    Error::new(ErrorKind::Syntax, format!("invalid yaml: {}", e.info()))
        .with_position(position)
        .with_source(e)
}
