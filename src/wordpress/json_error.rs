//! Turning a `serde_json` error into the crate's [`Error`]: its byte offset
//! in the buffer, the path of the field it is in, a lowercase message.

use std::fmt::Write as _;

use serde_json::error::Category;

use crate::{Error, ErrorKind, Position};

/// Converts `err`, raised while parsing `buf[start..]`, into an [`Error`]
/// whose position is a byte offset in `buf` (see [`Error::relocate`]).
pub(crate) fn json_error(buf: &str, start: usize, err: serde_json::Error) -> Error {
    let (line, column) = (err.line(), err.column());
    let full = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let kind = match err.classify() {
        Category::Io => ErrorKind::Io,
        Category::Syntax => ErrorKind::Syntax,
        Category::Eof => ErrorKind::UnexpectedEof,
        Category::Data if message.starts_with("invalid type") => ErrorKind::InvalidType,
        Category::Data if message.starts_with("missing field") => ErrorKind::MissingField,
        Category::Data if message.starts_with("duplicate field") => ErrorKind::DuplicateKey,
        Category::Data => ErrorKind::InvalidValue,
    };
    let (message, marked) = take_mark(message);
    let message = plain_message(message);
    let mut error = Error::new(kind, message);
    if line > 0 {
        let fragment = &buf.as_bytes()[start..];
        // serde_json counts `column` bytes consumed on `line`: the byte at
        // fault is the last of them (the previous line's `\n` for column 0).
        let byte = match Position::line_start(fragment, line) {
            _ if kind == ErrorKind::UnexpectedEof => fragment.len(),
            Some(s) if column == 0 => s.saturating_sub(1),
            Some(s) => s + column - 1,
            None => fragment.len(),
        };
        let mut at = marked
            .and_then(|addr| addr.checked_sub(buf.as_ptr() as usize))
            .filter(|&at| at <= buf.len())
            .unwrap_or(start + byte.min(fragment.len()));
        if matches!(
            kind,
            ErrorKind::InvalidType | ErrorKind::InvalidValue | ErrorKind::DuplicateKey
        ) {
            at = value_start(buf.as_bytes(), at);
        } else if error.message().starts_with("control character") {
            // Depending on the path inside serde_json, this is reported at
            // the string's opening quote or after the character: find it.
            let bytes = &buf.as_bytes()[..at];
            let from = bytes.iter().rposition(|&b| b == b'"').unwrap_or(at);
            at = buf.as_bytes()[from..]
                .iter()
                .position(|&b| b < 0x20)
                .map_or(at, |i| from + i);
        }
        // serde_json counts columns in bytes, so an escape cut short by a
        // multi-byte character (`\u20ϛ`) is reported inside that
        // character: point at the character.
        while !buf.is_char_boundary(at) {
            at -= 1;
        }
        error = error.with_path(path_at(buf.as_bytes(), at)).at_byte(at);
    }
    error.with_source(err)
}

/// Marks an error message with the address of the value it is about, for
/// errors raised where serde_json cannot place them (after a raw value was
/// read). [`json_error`] turns the address back into an offset.
pub(crate) fn mark_at(message: impl std::fmt::Display, value: &str) -> String {
    format!("{message}{MARK}{}", value.as_ptr() as usize)
}

const MARK: &str = "\u{0}@";

fn take_mark(message: &str) -> (&str, Option<usize>) {
    match message.split_once(MARK) {
        Some((text, addr)) => (text, addr.parse().ok()),
        None => (message, None),
    }
}

/// serde_json reports a wrong value after reading it; point at its first
/// byte instead: the opening quote of a string, the first character of a
/// number or literal.
fn value_start(buf: &[u8], at: usize) -> usize {
    match buf.get(at) {
        Some(b'"') => {
            let mut i = at;
            while i > 0 {
                i -= 1;
                if buf[i] == b'"' {
                    let backslashes = buf[..i].iter().rev().take_while(|&&b| b == b'\\').count();
                    if backslashes % 2 == 0 {
                        return i;
                    }
                }
            }
            at
        }
        Some(c) if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.') => {
            let token = buf[..=at]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+' | b'.'))
                .count();
            at + 1 - token
        }
        _ => at,
    }
}

/// serde_json's syntax messages, reworded to say what was expected.
fn plain_message(message: &str) -> String {
    if let Some(what) = message.strip_prefix("EOF while parsing ") {
        return format!("unexpected end of input while parsing {what}");
    }
    match message {
        "expected value" => "expected a JSON value".to_owned(),
        "trailing characters" => "unexpected characters after the JSON value".to_owned(),
        "recursion limit exceeded" => {
            "nesting too deep: more than 128 levels of arrays and objects".to_owned()
        }
        _ => message.to_owned(),
    }
}

/// The path (`yoast_head_json.og_image[0].width`) of the value that holds
/// byte `at` of the JSON text `buf`, found by scanning the text up to there.
///
/// This runs only when reporting an error, so parsing pays nothing for it.
pub(crate) fn path_at(buf: &[u8], at: usize) -> String {
    enum Frame {
        /// In an object; the last key read, and whether its value began.
        Object(Option<(usize, usize)>, bool),
        /// In an array; the index of the current element.
        Array(usize),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let end = at.min(buf.len());
    while i < end {
        match buf[i] {
            b'{' => stack.push(Frame::Object(None, false)),
            b'[' => stack.push(Frame::Array(0)),
            // A closing bracket at `at` itself still belongs to its container.
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object(_, in_value)) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key, in_value)) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i = start;
                while i < end && buf[i] != b'"' {
                    i += if buf[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key, false)) = stack.last_mut() {
                    *key = Some((start, i.min(end)));
                }
            }
            _ => {}
        }
        i += 1;
    }
    // At a closing bracket the container is complete: name it, not its last
    // member.
    let closing = matches!(buf.get(end), Some(b'}' | b']'));
    let mut path = String::new();
    for (depth, frame) in stack.iter().enumerate() {
        if closing && depth + 1 == stack.len() {
            break;
        }
        match *frame {
            Frame::Object(Some((s, e)), _) => {
                push_key(&mut path, &String::from_utf8_lossy(&buf[s..e]))
            }
            Frame::Object(None, _) => break,
            Frame::Array(index) => {
                let _ = write!(path, "[{index}]");
            }
        }
    }
    path
}

fn push_key(path: &mut String, key: &str) {
    let simple = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':' | b'@'));
    if simple {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        let _ = write!(path, "[{key:?}]");
    }
}

#[cfg(test)]
mod tests {
    use super::path_at;

    #[test]
    fn paths_at_offsets() {
        let json = r#"{"a":1,"yoast_head_json":{"og_image":[{"width":600},{"width":"wide"}]},"b":{"Written by":[true]}}"#;
        let rows = [
            ("1", "a"),
            ("600", "yoast_head_json.og_image[0].width"),
            ("\"wide\"", "yoast_head_json.og_image[1].width"),
            ("true", "b[\"Written by\"][0]"),
        ];
        for (needle, want) in rows {
            let at = json.find(needle).unwrap() + needle.len() - 1;
            assert_eq!(path_at(json.as_bytes(), at), want, "{needle}");
        }
    }

    #[test]
    fn closing_bracket_belongs_to_its_container() {
        let json = r#"[{"id":1},{"id":2}]"#;
        assert_eq!(path_at(json.as_bytes(), json.rfind('}').unwrap()), "[1]");
    }
}
