//! The `serde::Deserializer` over a JSON text.

use serde::de::{self, DeserializeSeed, Visitor};
use serde::forward_to_deserialize_any;

use super::key_order::{AFTER_UNKNOWN, BEFORE_FIRST, KeyOrders};
use super::lex::{self, Bad, Number};
use super::reader_error::{Code, JsonError};
use super::{Controls, RAW_TOKEN, SOURCE_TOKEN};
use crate::wordpress::key_table::{KeyTable, marked_index, slot_matches};

/// How many arrays and objects a typed value may nest (serde_json's limit).
/// Values kept raw are skipped without recursion and have no limit.
const DEPTH: u16 = 128;

type Result<T> = std::result::Result<T, JsonError>;

/// Bytes reserved for decoding the first string with escapes: the seed
/// post's longest decoded string (349 bytes) fits, without growing again.
const SCRATCH: usize = 512;

/// Reads one JSON value from `input` through `seed` (`PhantomData<T>` reads
/// a `T`; a seed may read into a place it holds); only whitespace may
/// follow.
///
/// With `controls`, raw control characters inside strings are read as they
/// are and counted there (at `base` + their offset in `input`); without, they
/// are an error.
pub(crate) fn from_str_seed<'de, S: de::DeserializeSeed<'de>>(
    input: &'de str,
    base: usize,
    controls: Option<&Controls>,
    seed: S,
) -> Result<S::Value> {
    KeyOrders::with_learned(|orders| {
        let mut de = Deserializer::new(input, base, controls, orders);
        let value = seed.deserialize(&mut de)?;
        de.end()?;
        Ok(value)
    })
}

/// Reads the JSON value at the start of `input` through `seed`, whatever
/// follows it (as [`from_str_seed`] reads, without looking further).
pub(crate) fn prefix_from_str_seed<'de, S: de::DeserializeSeed<'de>>(
    input: &'de str,
    base: usize,
    controls: Option<&Controls>,
    seed: S,
) -> Result<S::Value> {
    KeyOrders::with_learned(|orders| {
        seed.deserialize(&mut Deserializer::new(input, base, controls, orders))
    })
}

/// The string a JSON string literal stands for, with each lone surrogate
/// escape (which a raw value's check lets through, as serde_json's does)
/// read as U+FFFD; `None` when `literal` is not one string literal.
pub(crate) fn decode_literal(literal: &str) -> Option<String> {
    let controls = Controls::default();
    // One string: no keys to guess.
    let mut orders = KeyOrders::none();
    let mut de = Deserializer::new(literal, 0, Some(&controls), &mut orders);
    de.lossy = true;
    let text = <String as de::Deserialize>::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(text)
}

pub(crate) struct Deserializer<'de, 'c> {
    input: &'de str,
    pos: usize,
    /// Levels of arrays and objects still allowed.
    depth: u16,
    /// Decoded strings with escapes, lent to visitors.
    scratch: String,
    /// Where `input` starts in the document, for [`Controls`].
    base: usize,
    /// Where raw control characters are counted, when they are allowed.
    controls: Option<&'c Controls>,
    /// How many this reader passed, counted before or not.
    controls_read: usize,
    /// Lone surrogate escapes read as U+FFFD, not rejected.
    lossy: bool,
    /// The next key guessed after each, per model.
    key_orders: &'c mut KeyOrders,
    /// The key before the one being read, as [`KeyOrders`] indexes it:
    /// handed in and out by the object's entries.
    key_before: u8,
}

/// A string read: a slice of the input, or decoded into the scratch buffer.
enum Str<'de, 's> {
    Borrowed(&'de str),
    Copied(&'s str),
}

impl<'de, 'c> Deserializer<'de, 'c> {
    fn new(
        input: &'de str,
        base: usize,
        controls: Option<&'c Controls>,
        key_orders: &'c mut KeyOrders,
    ) -> Self {
        Deserializer {
            input,
            pos: 0,
            depth: DEPTH,
            scratch: String::new(),
            base,
            controls,
            controls_read: 0,
            lossy: false,
            key_orders,
            key_before: BEFORE_FIRST,
        }
    }

    /// Only whitespace may follow the value read.
    fn end(&mut self) -> Result<()> {
        match self.peek() {
            Some(_) => Err(self.syntax(Code::TrailingCharacters, self.pos)),
            None => Ok(()),
        }
    }
}

impl<'de> Deserializer<'de, '_> {
    #[inline]
    fn bytes(&self) -> &'de [u8] {
        self.input.as_bytes()
    }

    /// The next byte that is not whitespace, which `pos` is then at.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        self.pos = lex::skip_ws(self.bytes(), self.pos);
        self.bytes().get(self.pos).copied()
    }

    #[cold]
    fn syntax(&self, code: Code, at: usize) -> JsonError {
        JsonError::new(code, at)
    }

    #[cold]
    fn eof(&self, what: &'static str) -> JsonError {
        JsonError::new(Code::Eof(what), self.input.len())
    }

    #[cold]
    fn bad(&self, bad: Bad, what: &'static str, code: Code) -> JsonError {
        match bad {
            Bad::At(at) => self.syntax(code, at),
            Bad::End => self.eof(what),
            Bad::OutOfRange(at) => self.syntax(Code::NumberOutOfRange, at),
        }
    }

    /// A raw control character at `at`, inside a string: counted when they
    /// are allowed, else the error.
    ///
    /// Out of line: the string scans that call it are the reader's hot
    /// loops, and inlined it holds three of their registers (measured: the
    /// scan's constants were reloaded each word, 2% on a collection).
    #[cold]
    #[inline(never)]
    fn control_at(&mut self, at: usize) -> Result<()> {
        match self.controls {
            Some(controls) if controls.allow_controls => {
                controls.note(&controls.controls, self.base + at);
                self.controls_read += 1;
                Ok(())
            }
            _ => Err(self.control(at)),
        }
    }

    #[cold]
    fn control(&self, at: usize) -> JsonError {
        self.syntax(Code::ControlCharacter, at)
    }

    /// Opens an array or object at `pos`.
    #[inline]
    fn enter(&mut self) -> Result<()> {
        if self.depth == 0 {
            return Err(self.syntax(
                Code::TooDeep(usize::from(DEPTH), "arrays and objects"),
                self.pos,
            ));
        }
        self.depth -= 1;
        self.pos += 1;
        Ok(())
    }

    /// Reads the string whose opening quote is at `pos`.
    #[inline(always)]
    fn read_str(&mut self) -> Result<Str<'de, '_>> {
        let bytes = self.bytes();
        let start = self.pos + 1;
        let mut end = lex::to_special(bytes, start);
        loop {
            match bytes.get(end) {
                Some(b'"') => {
                    self.pos = end + 1;
                    return Ok(Str::Borrowed(&self.input[start..end]));
                }
                Some(b'\\') => {
                    self.scratch.clear();
                    // Room for a URL or a title at once: growing from
                    // nothing took five allocations per post.
                    self.scratch.reserve(SCRATCH);
                    self.scratch.push_str(&self.input[start..end]);
                    self.decode_escapes(end)?;
                    return Ok(Str::Copied(&self.scratch));
                }
                // Read as it is: the string's value holds it.
                Some(_) => {
                    self.control_at(end)?;
                    end = lex::to_special(bytes, end + 1);
                }
                None => return Err(self.eof("a string")),
            }
        }
    }

    /// Reads the key whose opening quote is at `pos` for a model whose key
    /// table is `table`: the key guessed after the one before, when the
    /// input holds it, else the key read as a string and looked up. The
    /// visitor gets a known key's index, marked, or an unknown key.
    #[inline]
    fn key<V: Visitor<'de>>(&mut self, table: KeyTable, visitor: V) -> Result<V::Value> {
        if self.bytes().get(self.pos) != Some(&b'"') {
            return de::Deserializer::deserialize_str(self, visitor);
        }
        let before = usize::from(self.key_before);
        let guess = self.key_orders.of(table.id())[before];
        if let Some(slot) = table.slot(usize::from(guess)) {
            let start = self.pos + 1;
            if let Some(len) = slot_matches(slot, &self.bytes()[start..]) {
                self.pos = start + len;
                self.key_before = guess;
                return visitor.visit_u128(marked_index(guess));
            }
        }
        self.unguessed_key(table, before, visitor)
    }

    /// [`Self::key`] when the guess was wrong: the key is read, looked up,
    /// and, when known, guessed next time after the same key.
    fn unguessed_key<V: Visitor<'de>>(
        &mut self,
        table: KeyTable,
        before: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.key_before = AFTER_UNKNOWN;
        let text = self.read_str()?;
        let key: &str = match &text {
            Str::Borrowed(key) => key,
            Str::Copied(key) => key,
        };
        match table.find(key) {
            Some(index) => {
                // Below `MAX_KEYS`: a table holds no more.
                let index = index as u8;
                self.key_orders.of(table.id())[before] = index;
                self.key_before = index;
                visitor.visit_u128(marked_index(index))
            }
            None => match text {
                Str::Borrowed(key) => visitor.visit_borrowed_str(key),
                Str::Copied(key) => visitor.visit_str(key),
            },
        }
    }

    /// Reads the string at `pos` and hands it to `visit`, placing an error
    /// the visitor raises on the string.
    #[inline]
    fn visit_string<R>(&mut self, visit: impl FnOnce(Str<'de, '_>) -> Result<R>) -> Result<R> {
        let start = self.pos;
        let text = self.read_str()?;
        visit(text).map_err(|e| e.or_at(start))
    }

    /// Decodes the rest of a string from the backslash at `i` into
    /// `scratch`, leaving `pos` after the closing quote.
    fn decode_escapes(&mut self, mut i: usize) -> Result<()> {
        let bytes = self.bytes();
        loop {
            // `bytes[i]` is a backslash.
            match bytes.get(i + 1) {
                Some(&b'u') => {
                    let (c, next) = self.unicode_escape(i)?;
                    self.scratch.push(c);
                    i = next;
                }
                Some(&b) => match lex::simple_escape(b) {
                    Some(c) => {
                        self.scratch.push(c);
                        i += 2;
                    }
                    None => return Err(self.invalid_escape(i + 1)),
                },
                None => return Err(self.eof("a string")),
            }
            let mut end = lex::to_special(bytes, i);
            loop {
                match bytes.get(end) {
                    Some(b'"' | b'\\') => break,
                    Some(_) => {
                        self.control_at(end)?;
                        end = lex::to_special(bytes, end + 1);
                    }
                    None => return Err(self.eof("a string")),
                }
            }
            self.scratch.push_str(&self.input[i..end]);
            if bytes[end] == b'"' {
                self.pos = end + 1;
                return Ok(());
            }
            i = end;
        }
    }

    /// An escape is wrong at `at`: point at the character there (a
    /// multi-byte one is pointed at from its first byte).
    #[cold]
    fn invalid_escape(&self, at: usize) -> JsonError {
        self.syntax(
            Code::InvalidEscape,
            crate::error::char_start(self.input, at),
        )
    }

    /// The four hex digits of the `\u` escape whose backslash is at `i`.
    fn hex4(&self, i: usize) -> Result<u16> {
        let mut n = 0;
        for k in i + 2..i + 6 {
            match self.bytes().get(k) {
                Some(&b) => match lex::hex(b) {
                    Some(d) => n = n << 4 | d,
                    None => return Err(self.invalid_escape(k)),
                },
                None => return Err(self.eof("a string")),
            }
        }
        Ok(n)
    }

    /// Decodes the `\u` escape at `i` (two for a surrogate pair): the
    /// character and the index after the escape.
    fn unicode_escape(&self, i: usize) -> Result<(char, usize)> {
        let n = self.hex4(i)?;
        let lone = |code| {
            self.lone_surrogate(i, code)?;
            Ok(('\u{FFFD}', i + 6))
        };
        let code = match n {
            0xD800..=0xDBFF => {
                if self.bytes().get(i + 6..i + 8) != Some(b"\\u") {
                    return lone(Code::LoneLeadingSurrogate);
                }
                let low = self.hex4(i + 6)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return lone(Code::LoneLeadingSurrogate);
                }
                let code = 0x10000 + ((u32::from(n) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                return char::from_u32(code)
                    .map(|c| (c, i + 12))
                    .ok_or_else(|| self.syntax(Code::InvalidCodePoint, i));
            }
            0xDC00..=0xDFFF => return lone(Code::LoneTrailingSurrogate),
            n => u32::from(n),
        };
        char::from_u32(code)
            .map(|c| (c, i + 6))
            .ok_or_else(|| self.syntax(Code::InvalidCodePoint, i))
    }

    /// A lone surrogate escape at `i`: read as U+FFFD and counted when
    /// they are repaired (or decoding a raw value, which was counted when
    /// it was read), else the error.
    #[cold]
    fn lone_surrogate(&self, i: usize, code: Code) -> Result<()> {
        match self.controls {
            _ if self.lossy => Ok(()),
            Some(controls) if controls.allow_surrogates => {
                controls.note(&controls.surrogates, self.base + i);
                Ok(())
            }
            _ => Err(self.syntax(code, i)),
        }
    }

    /// Checks the `\u` escape whose backslash is at `i`, without decoding
    /// it: the index after it (after both, for a surrogate pair). A lone
    /// surrogate is counted or rejected, as [`Self::unicode_escape`] does.
    fn check_unicode_escape(&self, i: usize) -> Result<usize> {
        match self.hex4(i)? {
            0xD800..=0xDBFF => {
                if self.bytes().get(i + 6..i + 8) == Some(b"\\u")
                    && (0xDC00..=0xDFFF).contains(&self.hex4(i + 6)?)
                {
                    return Ok(i + 12);
                }
                self.lone_surrogate(i, Code::LoneLeadingSurrogate)?;
            }
            0xDC00..=0xDFFF => {
                self.lone_surrogate(i, Code::LoneTrailingSurrogate)?;
            }
            _ => {}
        }
        Ok(i + 6)
    }

    /// Checks the string whose opening quote is at `pos` without decoding
    /// it, leaving `pos` after it. `\u` escapes need four hex digits, and
    /// a lone surrogate is counted as a repair or rejected, as in a string
    /// that is decoded.
    #[inline]
    fn skip_str(&mut self) -> Result<()> {
        let bytes = self.bytes();
        let mut i = self.pos + 1;
        // Most strings are keys and short values, ended by their first
        // special byte; the others go on from it.
        i = lex::to_special(bytes, i);
        if bytes.get(i) == Some(&b'"') {
            self.pos = i + 1;
            return Ok(());
        }
        // Whether `bytes[i - 1]` is a backslash that escapes `bytes[i]` (it
        // may be one that is escaped: `plain_window` must not be asked then).
        // Not yet: `bytes[i - 1]` is the opening quote or a plain byte.
        let mut escaping = false;
        loop {
            // Most windows: no branch per escape (WordPress strings have
            // one every ten bytes or so).
            if escaping == (bytes[i - 1] == b'\\') {
                while lex::plain_window(bytes, i) {
                    i += lex::WINDOW;
                }
                escaping = bytes[i - 1] == b'\\';
            }
            // From the backslash when the window starts with what it
            // escapes.
            let from = if escaping { i - 1 } else { i };
            match self.skip_specials(from)? {
                // Never inside an escape.
                Some(next) => (i, escaping) = (next, false),
                None => return Ok(()),
            }
        }
    }

    /// Skips the eight bytes at `i` of a string, one special byte at a time
    /// (every one of the word before the next load), or the rest of the
    /// string when fewer are left. `None` when the string ended (`pos` is
    /// after it), else where to go on.
    #[inline(never)]
    fn skip_specials(&mut self, i: usize) -> Result<Option<usize>> {
        let bytes = self.bytes();
        let Some(mut found) = lex::specials_at(bytes, i) else {
            return self.skip_str_tail(i).map(|()| None);
        };
        while found != 0 {
            let at = i + (found.trailing_zeros() / 8) as usize;
            found &= found - 1;
            match bytes[at] {
                b'"' => {
                    self.pos = at + 1;
                    return Ok(None);
                }
                b'\\' => match bytes.get(at + 1) {
                    Some(&b) if lex::is_simple_escape(b) => {
                        // The escaped byte (`\"`, `\\`) is plain.
                        let next = at + 1 - i;
                        if next == 8 {
                            return Ok(Some(at + 2));
                        }
                        found &= !(0x80 << (next * 8));
                    }
                    Some(b'u') => return self.check_unicode_escape(at).map(Some),
                    Some(_) => return Err(self.invalid_escape(at + 1)),
                    None => return Err(self.eof("a string")),
                },
                b if b < 0x20 => self.control_at(at)?,
                // A false alarm above a match.
                _ => {}
            }
        }
        Ok(Some(i + 8))
    }

    /// [`Self::skip_str`] on the last bytes of the input, from `i`.
    fn skip_str_tail(&mut self, mut i: usize) -> Result<()> {
        let bytes = self.bytes();
        loop {
            i = lex::to_special(bytes, i);
            match bytes.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(());
                }
                Some(b'\\') => match bytes.get(i + 1) {
                    Some(b'u') => i = self.check_unicode_escape(i)?,
                    Some(&b) if lex::is_simple_escape(b) => i += 2,
                    Some(_) => return Err(self.invalid_escape(i + 1)),
                    None => return Err(self.eof("a string")),
                },
                Some(_) => {
                    self.control_at(i)?;
                    i += 1;
                }
                None => return Err(self.eof("a string")),
            }
        }
    }

    #[inline]
    fn literal(&mut self, word: &[u8]) -> Result<()> {
        match lex::literal(self.bytes(), self.pos, word) {
            Ok(next) => {
                self.pos = next;
                Ok(())
            }
            Err(bad) => Err(self.bad(bad, "a value", Code::ExpectedIdent)),
        }
    }

    #[inline]
    fn number(&mut self) -> Result<Number> {
        match lex::number(self.input, self.pos) {
            Ok((n, next)) => {
                self.pos = next;
                Ok(n)
            }
            Err(bad) => Err(self.bad(bad, "a value", Code::InvalidNumber)),
        }
    }

    /// Checks the value at `pos` and moves past it, without recursion (a
    /// raw value may nest as deep as it likes).
    fn skip_value(&mut self) -> Result<()> {
        let mut open = Open::default();
        loop {
            // A value starts here.
            match self.peek() {
                Some(b'"') => self.skip_str()?,
                Some(b'{') => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(true);
                        self.skip_key()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(false);
                        continue;
                    }
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => match lex::number_end(self.input, self.pos) {
                    Ok(next) => self.pos = next,
                    Err(bad) => return Err(self.bad(bad, "a value", Code::InvalidNumber)),
                },
                Some(_) => return Err(self.syntax(Code::ExpectedValue, self.pos)),
                None => return Err(self.eof("a value")),
            }
            // A value ended: close what it ends, or go on to the next one.
            loop {
                let Some(object) = open.last() else {
                    return Ok(());
                };
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        if object {
                            if self.peek() == Some(b'}') {
                                return Err(self.syntax(Code::TrailingComma, self.pos));
                            }
                            self.skip_key()?;
                        } else if self.peek() == Some(b']') {
                            return Err(self.syntax(Code::TrailingComma, self.pos));
                        }
                        break;
                    }
                    Some(b'}') if object => {
                        self.pos += 1;
                        open.pop();
                    }
                    Some(b']') if !object => {
                        self.pos += 1;
                        open.pop();
                    }
                    Some(_) if object => {
                        return Err(self.syntax(Code::ExpectedCommaOrBrace, self.pos));
                    }
                    Some(_) => return Err(self.syntax(Code::ExpectedCommaOrBracket, self.pos)),
                    None if object => return Err(self.eof("an object")),
                    None => return Err(self.eof("a list")),
                }
            }
        }
    }

    /// A key and its colon, inside an object being skipped.
    fn skip_key(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'"') => self.skip_str()?,
            Some(_) => return Err(self.syntax(Code::KeyMustBeAString, self.pos)),
            None => return Err(self.eof("an object")),
        }
        self.colon()
    }

    #[inline]
    fn colon(&mut self) -> Result<()> {
        match self.peek() {
            Some(b':') => {
                // Pretty-printed JSON puts one space after each colon:
                // passed here, the value's `peek` finds it at once.
                self.pos += 1 + usize::from(self.bytes().get(self.pos + 1) == Some(&b' '));
                Ok(())
            }
            Some(_) => Err(self.syntax(Code::ExpectedColon, self.pos)),
            None => Err(self.eof("an object")),
        }
    }

    /// Reads the object at `pos` with `visitor`; an error the visitor
    /// raises is placed at the key it was reading, or at the `{`.
    fn object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = self.pos;
        self.enter()?;
        let mut entries = Entries {
            de: self,
            first: true,
            done: false,
            key_at: None,
            key_before: BEFORE_FIRST,
        };
        let value = visitor.visit_map(&mut entries);
        let (done, key_at) = (entries.done, entries.key_at);
        let value = value.map_err(|e| e.or_at(key_at.unwrap_or(start)))?;
        if !done {
            return Err(self.unread("the object has more entries than the model reads"));
        }
        self.depth += 1;
        Ok(value)
    }

    /// Reads the array at `pos` with `visitor`.
    fn array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = self.pos;
        self.enter()?;
        let mut elements = Elements {
            de: self,
            first: true,
            done: false,
        };
        let value = visitor.visit_seq(&mut elements);
        let done = elements.done;
        let value = value.map_err(|e: JsonError| e.or_at(start))?;
        if !done {
            return Err(self.unread("the array has more elements than the model reads"));
        }
        self.depth += 1;
        Ok(value)
    }

    #[cold]
    fn unread(&mut self, message: &str) -> JsonError {
        let at = lex::skip_ws(self.bytes(), self.pos);
        JsonError::new(Code::InvalidLength(message.to_owned()), at)
    }
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de, '_> {
    type Error = JsonError;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let Some(b) = self.peek() else {
            return Err(self.eof("a value"));
        };
        let start = self.pos;
        let value = match b {
            b'"' => return self.deserialize_str(visitor),
            b'{' => return self.object(visitor),
            b'[' => return self.array(visitor),
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            b'n' => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            b'-' | b'0'..=b'9' => match self.number()? {
                Number::U64(n) => visitor.visit_u64(n),
                Number::I64(n) => visitor.visit_i64(n),
                Number::F64(n) if !lex::is_integer(&self.input[start..self.pos]) => {
                    visitor.visit_f64(n)
                }
                // An integer beyond 64 bits goes to the visitor as a float,
                // as serde_json gives it; one it rejects is quoted as written,
                // not as the float it was rounded to.
                Number::F64(n) => {
                    let expected = (&visitor as &dyn de::Expected).to_string();
                    visitor.visit_f64(n).map_err(|_: JsonError| {
                        JsonError::new(
                            Code::InvalidValue(format!(
                                "integer `{}` is out of range (beyond 64 bits), expected {expected}",
                                &self.input[start..self.pos]
                            )),
                            start,
                        )
                    })
                }
            },
            _ => return Err(self.syntax(Code::ExpectedValue, start)),
        };
        value.map_err(|e: JsonError| e.or_at(start))
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() != Some(b'"') {
            return self.deserialize_any(visitor);
        }
        self.visit_string(|text| match text {
            Str::Borrowed(s) => visitor.visit_borrowed_str(s),
            Str::Copied(s) => visitor.visit_str(s),
        })
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() != Some(b'"') {
            return self.deserialize_any(visitor);
        }
        self.visit_string(|text| match text {
            Str::Borrowed(s) => visitor.visit_borrowed_bytes(s.as_bytes()),
            Str::Copied(s) => visitor.visit_bytes(s.as_bytes()),
        })
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() == Some(b'n') {
            let start = self.pos;
            self.literal(b"null")?;
            visitor.visit_none().map_err(|e: JsonError| e.or_at(start))
        } else {
            visitor.visit_some(self)
        }
    }

    /// [`RAW_TOKEN`] asks for the value's source text, checked but not
    /// decoded, as a borrowed string.
    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if let Some(table) = KeyTable::in_name(name) {
            return self.key(table, visitor);
        }
        if name != RAW_TOKEN && name != SOURCE_TOKEN {
            return visitor.visit_newtype_struct(self);
        }
        let Some(b) = self.peek() else {
            return Err(self.eof("a value"));
        };
        let start = self.pos;
        let controls_before = self.controls_read;
        // Strings are the common raw value (rendered HTML): no stack to set up.
        if b == b'"' {
            self.skip_str()?;
        } else {
            self.skip_value()?;
        }
        let raw = &self.input[start..self.pos];
        // A raw value that holds raw control characters is not JSON as it
        // is: `visit_str` tells the visitor to escape them in a copy.
        let value = if self.controls_read != controls_before && name == RAW_TOKEN {
            visitor.visit_str(raw)
        } else {
            visitor.visit_borrowed_str(raw)
        };
        value.map_err(|e: JsonError| e.or_at(start))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let start = lex::skip_ws(self.bytes(), self.pos);
        self.skip_value()?;
        visitor.visit_unit().map_err(|e: JsonError| e.or_at(start))
    }

    /// Unit variants as strings; any other form goes to the visitor as a
    /// value, which says what it expected.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.peek() != Some(b'"') {
            return self.deserialize_any(visitor);
        }
        self.visit_string(|text| match text {
            Str::Borrowed(s) => {
                visitor.visit_enum(de::value::BorrowedStrDeserializer::<JsonError>::new(s))
            }
            Str::Copied(s) => visitor.visit_enum(de::value::StrDeserializer::<JsonError>::new(s)),
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        unit unit_struct seq tuple tuple_struct map struct
    }
}

/// The containers open while a value is skipped, one bit each (`true` for
/// an object): the first 64 in a word, deeper ones spilled to the heap.
#[derive(Default)]
struct Open {
    bits: u64,
    len: usize,
    spilled: Vec<u64>,
}

impl Open {
    #[inline]
    fn push(&mut self, object: bool) {
        if self.len > 0 && self.len.is_multiple_of(64) {
            self.spilled.push(self.bits);
            self.bits = 0;
        }
        self.bits = self.bits << 1 | u64::from(object);
        self.len += 1;
    }

    #[inline]
    fn pop(&mut self) {
        self.bits >>= 1;
        self.len -= 1;
        if self.len > 0 && self.len.is_multiple_of(64) {
            self.bits = self.spilled.pop().unwrap_or(0);
        }
    }

    #[inline]
    fn last(&self) -> Option<bool> {
        (self.len > 0).then_some(self.bits & 1 == 1)
    }
}

/// The entries of an object being read.
struct Entries<'a, 'de, 'c> {
    de: &'a mut Deserializer<'de, 'c>,
    first: bool,
    /// The closing `}` was read.
    done: bool,
    /// Where the last key read starts.
    key_at: Option<usize>,
    /// The last key read, as the reader's key guesses index it.
    key_before: u8,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de, '_> {
    type Error = JsonError;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.done {
            return Ok(None);
        }
        let de = &mut *self.de;
        let mut next = de.peek();
        if self.first {
            self.first = false;
        } else {
            match next {
                Some(b',') => {
                    de.pos += 1;
                    next = de.peek();
                    if next == Some(b'}') {
                        return Err(de.syntax(Code::TrailingComma, de.pos));
                    }
                }
                Some(b'}') => {}
                Some(_) => return Err(de.syntax(Code::ExpectedCommaOrBrace, de.pos)),
                None => return Err(de.eof("an object")),
            }
        }
        match next {
            Some(b'"') => {}
            Some(b'}') => {
                de.pos += 1;
                self.done = true;
                return Ok(None);
            }
            Some(_) => return Err(de.syntax(Code::KeyMustBeAString, de.pos)),
            None => return Err(de.eof("an object")),
        }
        let at = de.pos;
        self.key_at = Some(at);
        de.key_before = self.key_before;
        let key = seed.deserialize(&mut *de).map_err(|e| e.or_at(at))?;
        self.key_before = de.key_before;
        de.colon()?;
        Ok(Some(key))
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

/// The elements of an array being read.
struct Elements<'a, 'de, 'c> {
    de: &'a mut Deserializer<'de, 'c>,
    first: bool,
    /// The closing `]` was read.
    done: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de, '_> {
    type Error = JsonError;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.done {
            return Ok(None);
        }
        let de = &mut *self.de;
        let next = de.peek();
        if self.first {
            self.first = false;
            if next == Some(b']') {
                de.pos += 1;
                self.done = true;
                return Ok(None);
            }
        } else {
            match next {
                Some(b',') => {
                    de.pos += 1;
                    if de.peek() == Some(b']') {
                        return Err(de.syntax(Code::TrailingComma, de.pos));
                    }
                }
                Some(b']') => {
                    de.pos += 1;
                    self.done = true;
                    return Ok(None);
                }
                Some(_) => return Err(de.syntax(Code::ExpectedCommaOrBracket, de.pos)),
                None => return Err(de.eof("a list")),
            }
        }
        if de.peek().is_none() {
            return Err(de.eof("a list"));
        }
        seed.deserialize(&mut *de).map(Some)
    }
}
