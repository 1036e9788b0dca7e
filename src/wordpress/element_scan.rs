//! Finding a collection's items in a byte stream, one at a time: the bytes
//! of each element of the JSON array, with where it starts in the whole
//! input, from a reader whose input is never held whole.
//!
//! The scan knows JSON's strings (escapes, raw control characters) and
//! nesting, and nothing else: an element's own syntax is checked when it is
//! read, so a bad element is one bad item and the scan goes on. What the
//! scan cannot get past — brackets that do not match, the input ending
//! inside the array — ends it with one error. Nesting has no limit here, as
//! in the reader's check of a raw value: a typed read limits it.

use std::io::Read;

use super::scan_blocks::{BLOCK, Masks, chars, escaped, newlines, prefix_xor};
use crate::{Error, ErrorKind, Position};

/// Bytes asked of the reader at a time, and the buffer's first size.
const CHUNK: usize = 256 * 1024;

/// Where the collection sits in the input: after a BOM, inside a JSONP
/// callback, as an `_envelope`'s `body`.
#[derive(Debug, Default)]
pub(crate) struct Wrapper {
    /// The JSONP callback's name, when there is one.
    pub(crate) callback: Option<String>,
    /// Whether the array is the `body` of an `_envelope` object.
    pub(crate) envelope: bool,
}

/// What the scan found next.
pub(crate) enum Scanned {
    /// The bytes of element `index`, which start at `position`.
    Item {
        bytes: Vec<u8>,
        index: usize,
        position: Position,
    },
    /// A slot of the array with no element (`[1,,2]`, `[1,]`): one bad
    /// item; the scan goes on.
    Missing(Error),
    /// The end of the collection; for an `_envelope`, the bytes after the
    /// array (the rest of the envelope, to the end of the input), which
    /// start at `position`.
    End {
        envelope_rest: Option<(Vec<u8>, Position)>,
    },
    /// An error the scan cannot get past; nothing follows it.
    Fatal(Error),
}

/// What the scan expects next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// An element or `]`, right after `[`.
    First,
    /// An element, after `,`.
    AfterComma,
    /// What follows the array.
    AfterArray,
    /// The error for an input that ended after an item, with no `,` or
    /// `]`.
    CutShort,
    /// Nothing: the end was given.
    Done,
}

/// Line and column of a place in the input, counted forward through the
/// bytes as they pass.
#[derive(Clone, Copy, Debug, Default)]
struct Lines {
    /// Newlines passed.
    newlines: usize,
    /// Characters passed since the last newline.
    chars: usize,
}

impl Lines {
    fn advance(&mut self, bytes: &[u8]) {
        let lines = newlines(bytes);
        if lines == 0 {
            self.chars += chars(bytes);
            return;
        }
        self.newlines += lines;
        let last = bytes.iter().rposition(|&b| b == b'\n').unwrap_or(0);
        self.chars = chars(&bytes[last + 1..]);
    }
}

/// The position of byte `at` of `part`, a piece of the input that starts
/// at `start`.
pub(crate) fn locate_in(start: Position, part: &[u8], at: usize) -> Position {
    let inner = Position::locate_bytes(part, at);
    if inner.line() == 1 {
        Position::new(
            start.byte() + inner.byte(),
            start.line(),
            start.column() + inner.column() - 1,
        )
    } else {
        Position::new(
            start.byte() + inner.byte(),
            start.line() + inner.line() - 1,
            inner.column(),
        )
    }
}

/// The scanner: a buffer over the reader that holds the element being
/// scanned and what has been read past it, never the input before it.
pub(crate) struct ElementScanner<R> {
    reader: R,
    /// `buf[..end]` is input not yet given out, from offset `base`.
    buf: Vec<u8>,
    end: usize,
    /// The offset in the input of `buf[0]`.
    base: usize,
    /// The reader has nothing more...
    eof: bool,
    /// ...because reading failed: the error to give where the scan meets
    /// the end, instead of what it would say of an input that ends there.
    failed: Option<Error>,
    /// Lines and columns counted up to `counted` (an offset in the input).
    lines: Lines,
    counted: usize,
    /// The next byte to look at, in `buf`.
    pos: usize,
    state: State,
    /// The index the next element gets.
    index: usize,
    /// Bit `d` set: the array or object open at depth `d` of the element
    /// being scanned is an array.
    arrays: Vec<u64>,
    /// Raw control characters met inside strings, and where the first was.
    controls: usize,
    first_control: Option<Position>,
    wrapper: Wrapper,
}

impl<R> ElementScanner<R> {
    /// How the collection is wrapped.
    pub(crate) fn wrapper(&self) -> &Wrapper {
        &self.wrapper
    }

    /// The raw control characters met inside strings so far, and the
    /// first one's position.
    pub(crate) fn controls(&self) -> Option<(usize, Position)> {
        Some((self.controls, self.first_control?))
    }

    /// The bytes of the input read so far.
    pub(crate) fn bytes_read(&self) -> usize {
        self.base + self.end
    }
}

impl<R: Read> ElementScanner<R> {
    /// Reads up to the collection's opening `[` (past a BOM, a JSONP
    /// callback, an `_envelope`'s `"body":`); `Ok(Err(bytes))` with every
    /// byte read so far when the input is not a collection.
    pub(crate) fn open(reader: R) -> Result<Result<Self, (Vec<u8>, R)>, Error> {
        let mut scanner = ElementScanner {
            reader,
            buf: vec![0; CHUNK],
            end: 0,
            base: 0,
            eof: false,
            failed: None,
            lines: Lines::default(),
            counted: 0,
            pos: 0,
            state: State::First,
            index: 0,
            arrays: Vec::new(),
            controls: 0,
            first_control: None,
            wrapper: Wrapper::default(),
        };
        let opened = scanner.prefix();
        scanner.read_failure()?;
        match opened {
            Some(open) => {
                scanner.pos = open + 1;
                Ok(Ok(scanner))
            }
            None => {
                let ElementScanner {
                    reader,
                    mut buf,
                    end,
                    ..
                } = scanner;
                buf.truncate(end);
                Ok(Err((buf, reader)))
            }
        }
    }

    /// The byte at `at` in `buf`, reading more when it is not there yet
    /// (which may move the buffer's contents: `keep` and `at` are updated).
    /// `None` at the end of the input.
    fn byte(&mut self, at: &mut usize, keep: &mut usize) -> Option<u8> {
        while *at >= self.end {
            if self.eof {
                return None;
            }
            let moved = self.fill(*keep);
            *at -= moved;
            *keep -= moved;
        }
        Some(self.buf[*at])
    }

    /// Reads more after what the buffer holds; when it is nearly full,
    /// first drops its bytes before `keep` (counting their lines), and
    /// grows it if that is not room enough (an element longer than the
    /// buffer: it grows for as long as the largest element needs). Returns
    /// how far the bytes moved.
    fn fill(&mut self, keep: usize) -> usize {
        let mut moved = 0;
        if self.buf.len() - self.end < CHUNK / 2 {
            self.count_to(keep);
            self.buf.copy_within(keep..self.end, 0);
            self.end -= keep;
            self.base += keep;
            moved = keep;
            if self.buf.len() - self.end < CHUNK / 2 {
                self.buf.resize(self.buf.len() * 2, 0);
            }
        }
        loop {
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    // The bytes before the failure are still scanned: the
                    // items they complete are given, then this error.
                    self.eof = true;
                    self.failed = Some(
                        Error::new(
                            ErrorKind::Io,
                            format!(
                                "cannot read the input at byte {}: {e}",
                                self.base + self.end
                            ),
                        )
                        .with_source(e),
                    );
                }
            }
            return moved;
        }
    }

    /// Counts lines and columns up to `buf[at]`.
    fn count_to(&mut self, at: usize) {
        let from = self.counted - self.base;
        if at > from {
            self.lines.advance(&self.buf[from..at]);
            self.counted = self.base + at;
        }
    }

    /// The read failure, if the input ended because reading failed: the
    /// scan reports it wherever it meets the end.
    fn read_failure(&mut self) -> Result<(), Error> {
        match self.failed.take() {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    /// The position of `buf[at]`, which is at or after what is counted.
    fn position_of(&mut self, at: usize) -> Position {
        self.count_to(at);
        Position::new(self.counted, self.lines.newlines + 1, self.lines.chars + 1)
    }

    /// The first byte at or after `at` that is not JSON whitespace, whose
    /// index is put in `at`; the whitespace is passed for good.
    fn skip_ws(&mut self, at: &mut usize) -> Option<u8> {
        loop {
            let mut keep = *at;
            let b = self.byte(at, &mut keep);
            match b {
                Some(b' ' | b'\n' | b'\r' | b'\t') => *at += 1,
                other => return other,
            }
        }
    }

    /// Whether the bytes at `at` are `word`; `at` moves past them if so.
    fn eat(&mut self, at: &mut usize, keep: &mut usize, word: &[u8]) -> bool {
        for (k, &w) in word.iter().enumerate() {
            let mut i = *at + k;
            let b = self.byte(&mut i, keep);
            // Reading more may have moved the bytes.
            *at = i - k;
            if b != Some(w) {
                return false;
            }
        }
        *at += word.len();
        true
    }

    /// Reads the wrapper; the index in `buf` of the collection's `[`, or
    /// `None` when the input is not a collection. Keeps every byte.
    fn prefix(&mut self) -> Option<usize> {
        let mut keep = 0;
        let mut at = 0;
        // A BOM counts as one character of the first line, as everywhere
        // in the crate.
        self.eat(&mut at, &mut keep, "\u{feff}".as_bytes());
        at = self.skip_ws_kept(at, &mut keep);
        // JSONP: `/**/ name ( ... )`, as `wordpress::from_str` reads it.
        let before_jsonp = at;
        if self.eat(&mut at, &mut keep, b"/**/") {
            at = self.skip_ws_kept(at, &mut keep);
        }
        let name_start = at;
        while let Some(b) = self.byte(&mut at, &mut keep) {
            if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'[' | b']') {
                at += 1;
            } else {
                break;
            }
        }
        let name_end = at;
        at = self.skip_ws_kept(at, &mut keep);
        if name_end > name_start && self.byte(&mut at, &mut keep) == Some(b'(') {
            let name = String::from_utf8_lossy(&self.buf[name_start..name_end]).into_owned();
            self.wrapper.callback = Some(name);
            at = self.skip_ws_kept(at + 1, &mut keep);
        } else {
            at = before_jsonp;
        }
        match self.byte(&mut at, &mut keep) {
            Some(b'[') => Some(at),
            Some(b'{') => {
                // An `_envelope` whose body is a collection: `{"body":[`.
                let mut i = self.skip_ws_kept(at + 1, &mut keep);
                if !self.eat(&mut i, &mut keep, b"\"body\"") {
                    return None;
                }
                i = self.skip_ws_kept(i, &mut keep);
                if !self.eat(&mut i, &mut keep, b":") {
                    return None;
                }
                i = self.skip_ws_kept(i, &mut keep);
                if self.byte(&mut i, &mut keep) == Some(b'[') {
                    self.wrapper.envelope = true;
                    Some(i)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// [`ElementScanner::skip_ws`] that keeps the bytes passed (for the
    /// prefix, which may turn out not to be a collection's).
    fn skip_ws_kept(&mut self, mut at: usize, keep: &mut usize) -> usize {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.byte(&mut at, keep) {
            at += 1;
        }
        at
    }

    /// The next element, missing element, end or error.
    pub(crate) fn next_scanned(&mut self) -> Option<Scanned> {
        let scanned = match self.state {
            State::Done => return None,
            State::AfterArray => self.after_array(),
            State::CutShort => self.read_failure().and_then(|()| {
                let end = self.end;
                Err(self.error_at(
                    ErrorKind::UnexpectedEof,
                    "the input ended inside the collection: expected `,` or `]`".into(),
                    end,
                ))
            }),
            State::First | State::AfterComma => self.element(),
        };
        match scanned {
            Ok(scanned) => {
                if matches!(scanned, Scanned::End { .. }) {
                    self.state = State::Done;
                }
                Some(scanned)
            }
            Err(err) => {
                self.state = State::Done;
                Some(Scanned::Fatal(err))
            }
        }
    }

    /// An error at `buf[at]`.
    fn error_at(&mut self, kind: ErrorKind, message: String, at: usize) -> Error {
        let position = self.position_of(at);
        Error::new(kind, message).with_position(position)
    }

    /// An error at `buf[at]`, inside the element that starts at
    /// `buf[start]` (whose bytes are still in the buffer).
    fn error_in(&mut self, kind: ErrorKind, message: String, start: usize, at: usize) -> Error {
        let position = self.position_of(start);
        Error::new(kind, message).with_position(locate_in(
            position,
            &self.buf[start..at],
            at - start,
        ))
    }

    /// The element at `pos`, or `]`.
    fn element(&mut self) -> Result<Scanned, Error> {
        let mut start = self.pos;
        let Some(first) = self.skip_ws(&mut start) else {
            self.read_failure()?;
            let at = start;
            return Err(self.error_at(
                ErrorKind::UnexpectedEof,
                "the input ended inside the collection: expected an item or `]`".into(),
                at,
            ));
        };
        match (first, self.state) {
            (b']', State::First) => {
                self.pos = start + 1;
                return self.after_array();
            }
            (b']', _) => {
                self.pos = start + 1;
                self.state = State::AfterArray;
                let index = self.index;
                self.index += 1;
                return Ok(Scanned::Missing(
                    self.error_at(
                        ErrorKind::Syntax,
                        "trailing comma: expected an item after `,`, found `]`".into(),
                        start,
                    )
                    .with_path(format!("[{index}]")),
                ));
            }
            (b',', _) => {
                self.pos = start + 1;
                self.state = State::AfterComma;
                let index = self.index;
                self.index += 1;
                return Ok(Scanned::Missing(
                    self.error_at(
                        ErrorKind::Syntax,
                        "expected an item, found `,`".into(),
                        start,
                    )
                    .with_path(format!("[{index}]")),
                ));
            }
            _ => {}
        }
        let position = self.position_of(start);
        // The element runs to the `,` or `]` outside any string, array or
        // object of its own; what is between is checked when it is read.
        // A block at a time: bits say where the strings are, and only the
        // brackets and commas outside them are looked at one by one.
        let mut i = start;
        let mut depth = 0usize;
        // All ones when the block starts inside a string.
        let mut in_string = 0u64;
        // 1 when the block's first byte is escaped.
        let mut escape_carry = 0u64;
        let delimiter = loop {
            if self.end - i < BLOCK && !self.eof {
                let moved = self.fill(start);
                i -= moved;
                start -= moved;
                continue;
            }
            let available = (self.end - i).min(BLOCK);
            if available == 0 {
                // An item cut by a failed read is not given.
                self.read_failure()?;
                if in_string != 0 {
                    return Err(self.error_in(
                        ErrorKind::UnexpectedEof,
                        "the input ended inside a string: expected `\"`".into(),
                        start,
                        i,
                    ));
                }
                if depth == 0 {
                    // The item may be whole: it is given, then the error.
                    break None;
                }
                let open_is_array = self.is_array(depth - 1);
                return Err(self.error_in(
                    ErrorKind::UnexpectedEof,
                    format!(
                        "the input ended inside item {}: expected `{}`",
                        self.index,
                        if open_is_array { ']' } else { '}' }
                    ),
                    start,
                    i,
                ));
            }
            // The last bytes of the input, padded with spaces, which mark
            // nothing.
            let mut block = [b' '; BLOCK];
            block[..available].copy_from_slice(&self.buf[i..i + available]);
            let masks = Masks::of(&block);
            let escaped = escaped(masks.backslash, &mut escape_carry);
            let strings = prefix_xor(masks.quote & !escaped) ^ in_string;
            in_string = ((strings as i64) >> 63) as u64;
            // The brackets and commas outside strings, up to the one that
            // ends the element.
            let mut structural = masks.structural & !strings;
            let mut found = None;
            while structural != 0 {
                let k = structural.trailing_zeros() as usize;
                structural &= structural - 1;
                let (at, b) = (i + k, block[k]);
                match b {
                    b'[' | b'{' => {
                        let (word, bit) = (depth / 64, 1u64 << (depth % 64));
                        if word == self.arrays.len() {
                            self.arrays.push(0);
                        }
                        if b == b'[' {
                            self.arrays[word] |= bit;
                        } else {
                            self.arrays[word] &= !bit;
                        }
                        depth += 1;
                    }
                    b']' | b'}' if depth > 0 => {
                        depth -= 1;
                        let open_is_array = self.is_array(depth);
                        if open_is_array != (b == b']') {
                            let want = if open_is_array {
                                "`,` or `]`"
                            } else {
                                "`,` or `}`"
                            };
                            return Err(self.error_in(
                                ErrorKind::Syntax,
                                format!("expected {want}, found `{}`", b as char),
                                start,
                                at,
                            ));
                        }
                    }
                    b',' if depth > 0 => {}
                    b',' | b']' => {
                        found = Some((k, b));
                        break;
                    }
                    _ => {
                        return Err(self.error_in(
                            ErrorKind::Syntax,
                            "expected `,` or `]` after an item, found `}`".into(),
                            start,
                            at,
                        ));
                    }
                }
            }
            // Raw control characters inside the element's strings: those
            // past its end are the next element's, counted with it.
            let before_end = found.map_or(u64::MAX, |(k, _)| (1u64 << k) - 1);
            let mut controls = masks.control & strings & !escaped & before_end;
            while controls != 0 {
                self.control(start, i + controls.trailing_zeros() as usize);
                controls &= controls - 1;
            }
            if let Some((k, b)) = found {
                i += k;
                break Some(b);
            }
            i += available;
        };
        let mut last = i;
        while last > start && matches!(self.buf[last - 1], b' ' | b'\n' | b'\r' | b'\t') {
            last -= 1;
        }
        let bytes = self.buf[start..last].to_vec();
        self.pos = i + 1;
        self.state = match delimiter {
            Some(b']') => State::AfterArray,
            Some(_) => State::AfterComma,
            None => State::CutShort,
        };
        let index = self.index;
        self.index += 1;
        Ok(Scanned::Item {
            bytes,
            index,
            position,
        })
    }

    /// Whether the array or object open at `depth` of the element is an
    /// array.
    fn is_array(&self, depth: usize) -> bool {
        self.arrays[depth / 64] & (1 << (depth % 64)) != 0
    }

    /// Counts the raw control character at `buf[at]`, in the element that
    /// starts at `buf[start]`.
    #[cold]
    fn control(&mut self, start: usize, at: usize) {
        self.controls += 1;
        if self.first_control.is_none() {
            let position = self.position_of(start);
            self.first_control = Some(locate_in(position, &self.buf[start..=at], at - start));
        }
    }

    /// What follows the array: whitespace, the rest of an `_envelope`, the
    /// JSONP callback's `)`, then the end of the input.
    fn after_array(&mut self) -> Result<Scanned, Error> {
        self.state = State::Done;
        if self.wrapper.envelope {
            return self.envelope_rest();
        }
        let mut at = self.pos;
        let next = self.skip_ws(&mut at);
        if next.is_none() {
            self.read_failure()?;
        }
        if self.wrapper.callback.is_some() {
            self.jsonp_close(at, next)?;
        } else if next.is_some() {
            return Err(self.error_at(
                ErrorKind::Syntax,
                "unexpected characters after the JSON value".into(),
                at,
            ));
        }
        Ok(Scanned::End {
            envelope_rest: None,
        })
    }

    /// `)` then `;`s, with whitespace around, then the end of the input.
    fn jsonp_close(&mut self, mut at: usize, next: Option<u8>) -> Result<(), Error> {
        match next {
            Some(b')') => {}
            None => {
                return Err(self.error_at(
                    ErrorKind::Syntax,
                    "JSONP callback not closed: expected `)` after the JSON value".into(),
                    at,
                ));
            }
            Some(_) => {
                return Err(self.error_at(
                    ErrorKind::Syntax,
                    "unexpected characters after the JSON value".into(),
                    at,
                ));
            }
        }
        at += 1;
        let mut next = self.skip_ws(&mut at);
        while next == Some(b';') {
            at += 1;
            let mut keep = at;
            next = self.byte(&mut at, &mut keep);
        }
        if next.is_some() {
            next = self.skip_ws(&mut at);
        }
        match next {
            None => self.read_failure(),
            Some(_) => Err(self.error_at(
                ErrorKind::Syntax,
                "unexpected characters after the JSONP callback's `)`".into(),
                at,
            )),
        }
    }

    /// The rest of an `_envelope` after its body, to the end of the input
    /// (without a JSONP callback's close, which is checked here).
    fn envelope_rest(&mut self) -> Result<Scanned, Error> {
        let mut start = self.pos;
        let position = self.position_of(start);
        let mut at = start;
        while self.byte(&mut at, &mut start).is_some() {
            at = self.end;
        }
        self.read_failure()?;
        let mut rest = self.buf[start..self.end].to_vec();
        if self.wrapper.callback.is_some() {
            // As `wordpress::from_str` finds the close: `)`, then `;`s,
            // with whitespace around.
            let len = trim_ws_end(&rest);
            let len = trim_ws_end(&rest[..len - trailing_semicolons(&rest[..len])]);
            if rest[..len].last() == Some(&b')') {
                rest.truncate(len - 1);
            } else {
                let end = self.end;
                return Err(self.error_at(
                    ErrorKind::Syntax,
                    "JSONP callback not closed: expected `)` after the JSON value".into(),
                    end,
                ));
            }
        }
        self.pos = self.end;
        Ok(Scanned::End {
            envelope_rest: Some((rest, position)),
        })
    }
}

/// The length of `bytes` without its trailing whitespace.
fn trim_ws_end(bytes: &[u8]) -> usize {
    bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
}

/// How many `;` end `bytes`.
fn trailing_semicolons(bytes: &[u8]) -> usize {
    bytes.iter().rev().take_while(|&&b| b == b';').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_across_pieces() {
        let text = "ab\ncé\n\nxyz€";
        let mut lines = Lines::default();
        for piece in text.as_bytes().chunks(3) {
            lines.advance(piece);
        }
        let whole = Position::locate(text, text.len());
        assert_eq!(
            (lines.newlines + 1, lines.chars + 1),
            (whole.line(), whole.column())
        );
    }
}
