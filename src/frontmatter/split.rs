//! Finding the front matter and the body in a file, without allocating.

use crate::{Error, ErrorKind, Position, Result};

/// The format of a front matter block, told by its delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// YAML between `---` (or `---yaml`) and `---` or `...`.
    Yaml,
    /// TOML between `+++` lines (Hugo's default), or between `---toml` and
    /// `---`.
    Toml,
    /// JSON: an object opened by a line holding only `{` and closed by the
    /// matching `}`, the members of an object between `;;;` lines, or an
    /// object between `---json` and `---`.
    Json,
}

impl Format {
    /// The format's name, lowercase, as used in messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Toml => "toml",
            Format::Json => "json",
        }
    }
}

/// A file cut into its front matter and its body: slices of the input with
/// their byte offsets, nothing copied.
///
/// `front_matter()` is the text between the delimiter lines (for JSON opened
/// by `{`, the object itself, braces included); `body()` is everything after
/// the closing line, line endings untouched. Joining the parts back gives
/// the input byte for byte:
/// `input[..front_matter_offset()] + front_matter() + input[front_matter_offset() + front_matter().len()..body_offset()] + body()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    format: Format,
    bom: bool,
    front_matter: &'a str,
    front_matter_offset: usize,
    body: &'a str,
    body_offset: usize,
}

impl<'a> Split<'a> {
    /// The front matter's format.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// Whether the input starts with a UTF-8 byte order mark (skipped).
    #[must_use]
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// The front matter's text, without its delimiter lines.
    #[must_use]
    pub fn front_matter(&self) -> &'a str {
        self.front_matter
    }

    /// Byte offset of [`Split::front_matter`] in the input.
    #[must_use]
    pub fn front_matter_offset(&self) -> usize {
        self.front_matter_offset
    }

    /// Everything after the closing delimiter's line, untouched.
    #[must_use]
    pub fn body(&self) -> &'a str {
        self.body
    }

    /// Byte offset of [`Split::body`] in the input.
    #[must_use]
    pub fn body_offset(&self) -> usize {
        self.body_offset
    }
}

const BOM: &str = "\u{feff}";

/// Cuts `input` into front matter and body, without allocating.
///
/// The front matter opens on the first line (after an optional UTF-8 byte
/// order mark) with `---` (YAML), `+++` (TOML), `;;;` (JSON members), a
/// lone `{` (a JSON object), or `---` followed by its language (`---yaml`,
/// `---yml`, `---json`, `---toml`), and closes with a line holding only
/// `---` or `...` (YAML), `+++`, `;;;`, `---` (after a tagged opener), or
/// the `}` matching the opening brace.
/// Delimiter lines may end with spaces or tabs, and with `\n` or `\r\n`.
/// Empty front matter is valid.
///
/// Returns `Ok(None)` when the input has no front matter: that is not an
/// error, the whole input is then the body.
///
/// # Errors
///
/// An [`ErrorKind::Unclosed`] error, at the opening line, when the opening
/// delimiter has no closing one; [`ErrorKind::Unsupported`] for an opener
/// with a language this crate does not read (`---coffee`), or lines that
/// end with a lone `\r` (classic Mac OS).
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::{self, Format};
///
/// let input = "---\r\ntitle: Hello\r\n---\r\nBody\r\n";
/// let split = frontmatter::split(input)?.expect("front matter");
/// assert_eq!(split.format(), Format::Yaml);
/// assert_eq!(split.front_matter(), "title: Hello\r\n");
/// assert_eq!(split.front_matter_offset(), 5);
/// assert_eq!(split.body(), "Body\r\n");
///
/// assert!(frontmatter::split("# Just Markdown\n")?.is_none());
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn split(input: &str) -> Result<Option<Split<'_>>> {
    let bom = input.starts_with(BOM);
    let start = if bom { BOM.len() } else { 0 };
    let (first, after_first) = line_at(input, start);
    lone_cr_after_opener(input, first, start)?;
    let opener = trim_line(first);
    let (format, delimiter) = match opener {
        "---" => (Format::Yaml, "---"),
        "+++" => (Format::Toml, "+++"),
        ";;;" => (Format::Json, ";;;"),
        "{" => return split_json_object(input, bom, start).map(Some),
        _ => match tagged(opener) {
            Some(Ok(format)) => (format, "---"),
            Some(Err(message)) => {
                return Err(Error::new(ErrorKind::Unsupported, message)
                    .with_position(Position::locate(input, start)));
            }
            None => return Ok(None),
        },
    };
    let front_matter_offset = after_first;
    // Only lines starting with the delimiter can close: look at the line
    // after each newline, found eight bytes at a time.
    let bytes = input.as_bytes();
    let first = delimiter.as_bytes()[0];
    let mut at = front_matter_offset;
    loop {
        let candidate = bytes
            .get(at)
            .is_some_and(|&b| b == first || (format == Format::Yaml && b == b'.'));
        let (line, next) = if candidate {
            line_at(input, at)
        } else {
            ("", at)
        };
        let trimmed = trim_line(line);
        if candidate && (trimmed == delimiter || (format == Format::Yaml && trimmed == "...")) {
            return Ok(Some(Split {
                format,
                bom,
                front_matter: &input[front_matter_offset..at],
                front_matter_offset,
                body: &input[next..],
                body_offset: next,
            }));
        }
        match next_newline(bytes, at) {
            Some(i) => at = i + 1,
            None => break,
        }
    }
    let closing = if format == Format::Yaml {
        "`---` or `...`".to_owned()
    } else {
        format!("`{delimiter}`")
    };
    Err(Error::new(
        ErrorKind::Unclosed,
        format!(
            "front matter not closed: expected a closing {closing} line after the opening `{delimiter}`, found the end of input"
        ),
    )
    .with_position(Position::locate(input, start)))
}

/// A delimiter followed by a language tag (`---yaml`, `---json`,
/// `---toml`, as other front-matter readers take them): the format, an
/// error naming an opener or language this crate does not read, or `None`
/// when the line is no opener at all (`----`, `--- text`).
fn tagged(opener: &str) -> Option<std::result::Result<Format, String>> {
    let (delimiter, tag) = ["---", "+++", ";;;"]
        .iter()
        .find_map(|d| opener.strip_prefix(d).map(|tag| (*d, tag)))?;
    if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let expected = "expected `---`, `+++`, `;;;`, `{`, or `---` with yaml, json or toml";
    Some(match (delimiter, tag.to_ascii_lowercase().as_str()) {
        ("---", "yaml" | "yml") => Ok(Format::Yaml),
        ("---", "json") => Ok(Format::Json),
        ("---", "toml") => Ok(Format::Toml),
        ("---", _) => Err(format!(
            "unsupported front matter language `{tag}` after `---`: {expected}"
        )),
        _ => Err(format!(
            "unsupported front matter opener `{opener}`: {expected}"
        )),
    })
}

/// Classic Mac OS files end their lines with a lone `\r`: their first
/// "line" then runs to the first `\n`, if any, and the opener would not be
/// recognised. Say so rather than report no front matter.
fn lone_cr_after_opener(input: &str, first: &str, start: usize) -> Result<()> {
    for opener in ["---", "+++", ";;;"] {
        let Some(rest) = first.strip_prefix(opener) else {
            continue;
        };
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if rest[blanks..].starts_with('\r') {
            return Err(Error::new(
                ErrorKind::Unsupported,
                format!(
                    "unsupported line endings: expected `\\n` or `\\r\\n` after the opening `{opener}`, found a lone `\\r` (classic Mac OS line endings); convert the file to LF or CRLF line endings"
                ),
            )
            .with_position(Position::locate(input, start + first.len() - rest.len() + blanks)));
        }
    }
    Ok(())
}

/// The line starting at `at` without its line break, and the offset of the
/// next line.
fn line_at(input: &str, at: usize) -> (&str, usize) {
    let rest = &input[at..];
    match rest.find('\n') {
        Some(i) => {
            let line = &rest[..i];
            (line.strip_suffix('\r').unwrap_or(line), at + i + 1)
        }
        None => (rest, input.len()),
    }
}

/// The offset of the first `\n` at or after `from`, comparing eight bytes at
/// a time.
fn next_newline(bytes: &[u8], from: usize) -> Option<usize> {
    super::byte_find::find2(bytes, from, b'\n', b'\n')
}

/// A delimiter line without its trailing spaces and tabs.
fn trim_line(line: &str) -> &str {
    line.trim_end_matches([' ', '\t'])
}

/// `{` alone on the first line: the object runs to its matching `}`, which
/// must end its line.
fn split_json_object(input: &str, bom: bool, start: usize) -> Result<Split<'_>> {
    let bytes = input.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let end = i + 1;
                    let (tail, next) = line_at(input, end);
                    if !trim_line(tail).is_empty() {
                        return Err(Error::new(
                            ErrorKind::Syntax,
                            "json front matter: expected the end of the line after the closing `}`, found more text",
                        )
                        .with_position(Position::locate(input, end)));
                    }
                    return Ok(Split {
                        format: Format::Json,
                        bom,
                        front_matter: &input[start..end],
                        front_matter_offset: start,
                        body: &input[next..],
                        body_offset: next,
                    });
                }
            }
            _ => {}
        }
    }
    Err(Error::new(
        ErrorKind::Unclosed,
        "front matter not closed: expected the `}` closing the json object opened here, found the end of input",
    )
    .with_position(Position::locate(input, start)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_blanks_and_dots_close_yaml() {
        let s = split("---  \na: 1\n... \t\nbody").unwrap().unwrap();
        assert_eq!(s.front_matter(), "a: 1\n");
        assert_eq!(s.body(), "body");
    }

    #[test]
    fn indented_delimiter_does_not_close() {
        let err = split("---\na: |\n  ---\n").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unclosed);
    }

    #[test]
    fn json_object_with_braces_in_strings() {
        let s = split("{\n\"a\": \"}{\"\n}\nbody").unwrap().unwrap();
        assert_eq!(s.format(), Format::Json);
        assert_eq!(s.front_matter(), "{\n\"a\": \"}{\"\n}");
        assert_eq!(s.body(), "body");
    }

    #[test]
    fn next_newline_finds_every_newline() {
        let text = b"ab\ncdefghijklmnop\nqrstuvwxyz0123456789\n\nxyz";
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(i) = next_newline(text, at) {
            found.push(i);
            at = i + 1;
        }
        let expected: Vec<usize> = (0..text.len()).filter(|&i| text[i] == b'\n').collect();
        assert_eq!(found, expected);
        assert_eq!(next_newline(text, 999), None);
    }

    #[test]
    fn liquid_tag_is_not_json() {
        assert!(split("{% raw %}\n").unwrap().is_none());
    }
}
