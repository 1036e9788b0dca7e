//! Finding the JSON text in a response: a UTF-8 BOM, a JSONP wrapper
//! `/**/cb(...)`, and peeking at an object's first key, all without copying.

use std::ops::Range;

use crate::{Error, ErrorKind};

/// The JSON text inside `input`, and the JSONP callback name if it was
/// wrapped in one.
pub(crate) fn locate_json(input: &str) -> Result<(Range<usize>, Option<&str>), Error> {
    // Most inputs open an object, or a collection of objects: no JSONP
    // callback starts so.
    let b = input.as_bytes();
    match b {
        [b'{', ..] => return Ok((0..input.len(), None)),
        [b'[', ..] if b.get(skip_ws(b, 1)) == Some(&b'{') => {
            return Ok((0..input.len(), None));
        }
        _ => {}
    }
    let start = if input.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &input[start..];
    if skip_ws(text.as_bytes(), 0) == text.len() {
        let what = if text.is_empty() {
            ""
        } else {
            " (only whitespace)"
        };
        return Err(Error::new(
            ErrorKind::UnexpectedEof,
            format!("empty input{what}: expected a JSON object or array"),
        )
        .at_byte(input.len()));
    }
    match unwrap_jsonp(text) {
        Some(Ok((callback, inner))) => Ok((start + inner.start..start + inner.end, Some(callback))),
        Some(Err(at)) => Err(Error::new(
            ErrorKind::Syntax,
            "JSONP callback not closed: expected `)` after the JSON value",
        )
        .at_byte(start + at)),
        None => Ok((start..input.len(), None)),
    }
}

/// `/**/callback( json );` → the callback and the range of `json`;
/// `None` when `text` does not start like JSONP, `Err(offset)` when it
/// starts so but has no closing parenthesis.
fn unwrap_jsonp(text: &str) -> Option<Result<(&str, Range<usize>), usize>> {
    let mut i = skip_ws(text.as_bytes(), 0);
    if text[i..].starts_with("/**/") {
        i = skip_ws(text.as_bytes(), i + 4);
    }
    let name_len = text[i..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'[' | b']'))
        .count();
    if name_len == 0 {
        return None;
    }
    let callback = &text[i..i + name_len];
    let open = skip_ws(text.as_bytes(), i + name_len);
    if text.as_bytes().get(open) != Some(&b'(') {
        return None;
    }
    let trimmed = text.trim_end().trim_end_matches(';').trim_end();
    if !trimmed.ends_with(')') || trimmed.len() <= open + 1 {
        return Some(Err(text.len()));
    }
    Some(Ok((callback, open + 1..trimmed.len() - 1)))
}

/// The first index at or after `from` that is not ASCII whitespace (or
/// `b.len()`).
fn skip_ws(b: &[u8], mut from: usize) -> usize {
    while b.get(from).is_some_and(u8::is_ascii_whitespace) {
        from += 1;
    }
    from
}

/// The first key of the object `json` starts with, when it is a plain
/// string (no escapes). Reads a few bytes, not the document.
pub(crate) fn first_key(json: &str) -> Option<&str> {
    let (start, end) = first_key_at(json.as_bytes())?;
    json.get(start..end)
}

/// Where the first key of the object `b` starts with is ([`first_key`]).
fn first_key_at(b: &[u8]) -> Option<(usize, usize)> {
    let open = skip_ws(b, 0);
    if b.get(open) != Some(&b'{') {
        return None;
    }
    plain_string_at(b, skip_ws(b, open + 1))
}

/// The contents of the string whose opening quote is at `b[quote]`, when
/// it has no escapes: from after the quote to the closing one.
fn plain_string_at(b: &[u8], quote: usize) -> Option<(usize, usize)> {
    if b.get(quote) != Some(&b'"') {
        return None;
    }
    let start = quote + 1;
    // A plain loop: keys are a few bytes, shorter than the setup of a
    // vectorized search.
    let mut end = start;
    loop {
        match b.get(end)? {
            b'"' => return Some((start, end)),
            b'\\' => return None,
            _ => end += 1,
        }
    }
}

/// The first two keys of the object `json` starts with, when the first
/// value is a whole number and both keys are plain strings: core writes
/// each kind of object's keys in one order, so its opening tells a term
/// (`id`, `count`) or a user (`id`, `name`) from a post (`id`, `date`).
/// Reads a few bytes, not the object: single objects are peeked at this
/// way on every read, and a term's whole read is some 6,000 instructions.
pub(crate) fn opening_keys(json: &str) -> Option<(&str, &str)> {
    let b = json.as_bytes();
    let (first_start, first_end) = first_key_at(b)?;
    // After the first key's closing quote.
    let mut i = skip_ws(b, first_end + 1);
    if b.get(i) != Some(&b':') {
        return None;
    }
    i = skip_ws(b, i + 1);
    let digits = b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 {
        return None;
    }
    i = skip_ws(b, i + digits);
    if b.get(i) != Some(&b',') {
        return None;
    }
    let (second_start, second_end) = plain_string_at(b, skip_ws(b, i + 1))?;
    Some((
        json.get(first_start..first_end)?,
        json.get(second_start..second_end)?,
    ))
}

/// Where the first element of the JSON array `json` starts, when it is
/// an object (its `{`).
pub(crate) fn first_object_start(json: &str) -> Option<usize> {
    let b = json.as_bytes();
    let open = skip_ws(b, 0);
    if b.get(open) != Some(&b'[') {
        return None;
    }
    let start = skip_ws(b, open + 1);
    (b.get(start) == Some(&b'{')).then_some(start)
}

/// The first byte of `json` that is not whitespace.
pub(crate) fn first_byte(json: &str) -> Option<u8> {
    json.bytes().find(|b| !b.is_ascii_whitespace())
}

/// The offset in `buf` of `part`, a slice of it (compared as addresses,
/// then checked).
pub(crate) fn offset_in(buf: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(buf.as_ptr() as usize)?;
    (buf.get(start..start + part.len()) == Some(part)).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_jsonp() {
        let (r, cb) = locate_json("\u{feff}{\"id\":1}").unwrap();
        assert_eq!((r, cb), (3..11, None));
        let input = "/**/ jQuery_12(  [1] );\n";
        let (r, cb) = locate_json(input).unwrap();
        assert_eq!((&input[r], cb), ("  [1] ", Some("jQuery_12")));
        assert!(locate_json("cb([1]").is_err());
        assert_eq!(locate_json("[1]").unwrap().1, None);
    }

    #[test]
    fn first_object_starts() {
        assert_eq!(first_object_start(r#" [ {"a":1}, {"c":1}]"#), Some(3));
        assert_eq!(first_object_start("[1,{}]"), None);
        assert_eq!(first_object_start("[]"), None);
        assert_eq!(first_object_start("{\"a\":[{}]}"), None);
    }

    #[test]
    fn opening_keys_need_a_number_first() {
        assert_eq!(
            opening_keys("{ \"id\" : 12 ,\n  \"count\": 5}"),
            Some(("id", "count"))
        );
        assert_eq!(opening_keys(r#"{"id":1}"#), None);
        assert_eq!(opening_keys(r#"{"id":"1","count":5}"#), None);
        assert_eq!(opening_keys(r#"{"id":1.5,"count":5}"#), None);
        assert_eq!(opening_keys(r#"{"id":1,"co\u0075nt":5}"#), None);
        assert_eq!(opening_keys(r#"{"id":1,"#), None);
    }

    #[test]
    fn first_keys() {
        assert_eq!(first_key(" {\n \"body\": {}}"), Some("body"));
        assert_eq!(first_key("{\"co\\u0064e\":1}"), None);
        assert_eq!(first_key("[]"), None);
    }
}
