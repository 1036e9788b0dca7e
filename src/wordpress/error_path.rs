//! Turning the reader's [`JsonError`] into the crate's [`Error`]: its kind,
//! its byte offset in the buffer, the path of the field it is in.

use std::fmt::Write as _;

use super::json::{Code, JsonError};
use crate::Error;
use crate::error::Cause;

/// Converts `err`, raised while reading `buf[start..]`, into an [`Error`]
/// whose position is a byte offset in `buf` (see [`Error::relocate`]).
pub(crate) fn json_error(buf: &str, start: usize, err: JsonError) -> Error {
    let at = start + err.at().unwrap_or(0);
    json_error_at(buf, at, err)
}

/// [`json_error`] for an error at byte `at` of `buf`.
pub(crate) fn json_error_at(buf: &str, at: usize, err: JsonError) -> Error {
    let code = err.code();
    // Every place the reader gives is on a character boundary; this keeps
    // a position that is not one from splitting a character.
    let at = crate::error::char_start(buf, at);
    let err = Error::new(code.kind(), code.to_string())
        .with_path(path_at(buf.as_bytes(), at))
        .at_byte(at);
    match code {
        Code::TrailingCharacters => err.with_cause(Cause::TrailingCharacters),
        _ => err,
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
