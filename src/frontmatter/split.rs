//! Finding the front matter and the body in a file, without allocating.

use crate::{Error, ErrorKind, Position, Result};

/// The format of a front matter block, told by its delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// YAML between `---` lines (closed by `---` or `...`).
    Yaml,
    /// TOML between `+++` lines. Recognised so that it can be reported
    /// clearly; reading it gives an [`ErrorKind::Unsupported`] error.
    Toml,
    /// JSON: an object opened by a line holding only `{` and closed by the
    /// matching `}`, or the members of an object between `;;;` lines.
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
/// order mark) with `---` (YAML), `+++` (TOML), `;;;` (JSON members) or a
/// lone `{` (a JSON object), and closes with a line holding only `---` or
/// `...` (YAML), `+++`, `;;;`, or the `}` matching the opening brace.
/// Delimiter lines may end with spaces or tabs, and with `\n` or `\r\n`.
/// Empty front matter is valid.
///
/// Returns `Ok(None)` when the input has no front matter: that is not an
/// error, the whole input is then the body.
///
/// # Errors
///
/// An [`ErrorKind::Unclosed`] error, at the opening line, when the opening
/// delimiter has no closing one.
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
    let delimiter = trim_line(first);
    let format = match delimiter {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        ";;;" => Format::Json,
        "{" => return split_json_object(input, bom, start).map(Some),
        _ => return Ok(None),
    };
    let front_matter_offset = after_first;
    // Only lines starting with the delimiter can close: jump from one to the
    // next with a substring search rather than looking at every line. The
    // next match of each pattern is kept, so each is searched for once.
    let patterns: &[&str] = match format {
        Format::Yaml => &["\n---", "\n..."],
        Format::Toml => &["\n+++"],
        Format::Json => &["\n;;;"],
    };
    let mut next_match = [Some(0usize); 2];
    let mut at = front_matter_offset;
    loop {
        let (line, next) = line_at(input, at);
        let trimmed = trim_line(line);
        if at < input.len()
            && (trimmed == delimiter || (format == Format::Yaml && trimmed == "..."))
        {
            return Ok(Some(Split {
                format,
                bom,
                front_matter: &input[front_matter_offset..at],
                front_matter_offset,
                body: &input[next..],
                body_offset: next,
            }));
        }
        let mut candidate = None::<usize>;
        for (pattern, cached) in patterns.iter().zip(next_match.iter_mut()) {
            if cached.is_some_and(|c| c <= at) {
                *cached = input[at..].find(pattern).map(|i| at + i + 1);
            }
            if let Some(c) = *cached {
                candidate = Some(candidate.map_or(c, |m: usize| m.min(c)));
            }
        }
        match candidate {
            Some(c) => at = c,
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
    fn liquid_tag_is_not_json() {
        assert!(split("{% raw %}\n").unwrap().is_none());
    }
}
