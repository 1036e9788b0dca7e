//! Finding the JSON text in a response: a UTF-8 BOM, a JSONP wrapper
//! `/**/cb(...)`, and peeking at an object's first key, all without copying.

use std::ops::Range;

use crate::{Error, ErrorKind};

/// The JSON text inside `input`, and the JSONP callback name if it was
/// wrapped in one.
pub(crate) fn locate_json(input: &str) -> Result<(Range<usize>, Option<&str>), Error> {
    let start = if input.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &input[start..];
    if skip_ws(text, 0) == text.len() {
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
    let mut i = skip_ws(text, 0);
    if text[i..].starts_with("/**/") {
        i = skip_ws(text, i + 4);
    }
    let name_len = text[i..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'[' | b']'))
        .count();
    if name_len == 0 {
        return None;
    }
    let callback = &text[i..i + name_len];
    let open = skip_ws(text, i + name_len);
    if text.as_bytes().get(open) != Some(&b'(') {
        return None;
    }
    let trimmed = text.trim_end().trim_end_matches(';').trim_end();
    if !trimmed.ends_with(')') || trimmed.len() <= open + 1 {
        return Some(Err(text.len()));
    }
    Some(Ok((callback, open + 1..trimmed.len() - 1)))
}

fn skip_ws(text: &str, from: usize) -> usize {
    from + text[from..]
        .bytes()
        .take_while(u8::is_ascii_whitespace)
        .count()
}

/// The first key of the object `json` starts with, when it is a plain
/// string (no escapes). Reads a few bytes, not the document.
pub(crate) fn first_key(json: &str) -> Option<&str> {
    let i = skip_ws(json, 0);
    if json.as_bytes().get(i) != Some(&b'{') {
        return None;
    }
    let q = skip_ws(json, i + 1);
    let rest = json.get(q..)?.strip_prefix('"')?;
    let end = rest.find(['"', '\\'])?;
    (rest.as_bytes()[end] == b'"').then(|| &rest[..end])
}

/// The range of the first element of the JSON array `json`, when it is an
/// object that ends within `limit` bytes: found by matching braces
/// outside strings, which is cheap for one small element; the element is
/// checked when it is read.
pub(crate) fn first_object(json: &str, limit: usize) -> Option<Range<usize>> {
    let b = json.as_bytes();
    let open = skip_ws(json, 0);
    if b.get(open) != Some(&b'[') {
        return None;
    }
    let start = skip_ws(json, open + 1);
    if b.get(start) != Some(&b'{') {
        return None;
    }
    let (mut depth, mut i) = (0usize, start);
    let end = b.len().min(start.saturating_add(limit));
    while i < end {
        match b[i] {
            b'"' => loop {
                // A word at a time to the next quote, backslash or control.
                i = super::json::to_special(b, i + 1);
                match b.get(i) {
                    Some(b'\\') => i += 1,
                    Some(b'"') | None => break,
                    Some(_) => {}
                }
            },
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start..i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
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
    fn first_objects() {
        let json = r#" [ {"a":"}{","b":[{}]} , {"c":1}]"#;
        assert_eq!(
            &json[first_object(json, 100).unwrap()],
            r#"{"a":"}{","b":[{}]}"#
        );
        assert_eq!(first_object(json, 10), None);
        assert_eq!(first_object(r#"[{"a":"\"}"}]"#, 100), Some(1..12));
        assert_eq!(first_object("[1,{}]", 100), None);
        assert_eq!(first_object("[{\"a\":", 100), None);
    }

    #[test]
    fn first_keys() {
        assert_eq!(first_key(" {\n \"body\": {}}"), Some("body"));
        assert_eq!(first_key("{\"co\\u0064e\":1}"), None);
        assert_eq!(first_key("[]"), None);
    }
}
