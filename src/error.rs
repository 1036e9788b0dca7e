//! [`Error`], [`ErrorKind`] and [`Position`]: what went wrong, and where.

use std::fmt;
use std::sync::Arc;

/// A specialized `Result` whose error is the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an input could not be read, where, and in which field.
///
/// Every error carries a lowercase message naming what was expected and what
/// was found, and, where it applies, the [`Position`] in the caller's whole
/// input (not inside a fragment such as the front matter), the field path
/// (`yoast_head_json.og_image[0].width`), and, where another parser found
/// it (yaml-rust2 or serde_json reading front matter), that parser's error
/// as its [`source`](std::error::Error::source). WordPress JSON is read by
/// the crate's own reader, whose errors have no source.
///
/// The `Display` form puts these together:
///
/// ```text
/// invalid type: boolean `true`, expected an integer in `og_image[0].width` at line 3 column 14
/// ```
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "wordpress")] {
/// use pressmark::ErrorKind;
/// use std::error::Error as _;
///
/// let json = "{\"id\":1,\n \"yoast_head_json\":{\"og_image\":[{\"width\":true}]}}";
/// let err = pressmark::wordpress::from_str::<pressmark::wordpress::Post>(json).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidType);
/// assert_eq!(err.path(), Some("yoast_head_json.og_image[0].width"));
/// let at = err.position().unwrap();
/// assert_eq!((at.byte(), at.line(), at.column()), (50, 2, 42));
/// assert!(err.source().is_none()); // found by the crate's own reader
/// assert_eq!(
///     err.to_string(),
///     "invalid type: boolean `true`, expected an integer (or a string) \
///      in `yoast_head_json.og_image[0].width` at line 2 column 42"
/// );
/// # }
/// ```
///
/// Errors are `Clone` (the source is shared), so that a result can keep
/// the problems it met beside its value (a collection's failed items, the
/// warnings of a lenient read).
#[derive(Clone)]
pub struct Error(Box<Inner>);

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    message: String,
    position: Option<Position>,
    path: Option<String>,
    source: Option<Arc<dyn std::error::Error + Send + Sync + 'static>>,
    cause: Cause,
}

/// What an error is beyond its kind, for the crate's own decisions, which
/// match on it rather than on the message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Cause {
    #[default]
    Unspecified,
    /// A JSON value was read, and something other than whitespace follows
    /// (JSON front matter: the body).
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    TrailingCharacters,
    /// Well-formed JSON that is not a WordPress response.
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    NotWordPress,
}

/// The category of an [`Error`], for matching; the message gives the details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not well-formed JSON, YAML or front matter.
    Syntax,
    /// The input ended in the middle of a value.
    UnexpectedEof,
    /// A value has the wrong type (a string where an integer was expected).
    InvalidType,
    /// A value has the right type but an unusable content (an invalid date).
    InvalidValue,
    /// A field the model requires is absent.
    MissingField,
    /// A mapping has the same key twice.
    DuplicateKey,
    /// The input is a well-formed document of another kind than was asked
    /// for (a term or a user where a post was expected).
    UnexpectedKind,
    /// The input is an error response from the WordPress REST API.
    Api,
    /// The front matter's opening delimiter has no closing one.
    Unclosed,
    /// The input has no front matter where front matter was required (it
    /// does not open with `---`, `+++`, `;;;` or a JSON object).
    NoFrontMatter,
    /// The input is in a form the crate recognises but does not read (a
    /// front-matter language such as `---coffee`, lone `\r` line endings).
    Unsupported,
    /// A limit that protects against hostile input was reached (nesting
    /// depth, input size, alias expansion).
    LimitExceeded,
    /// The input is in no format the crate recognises.
    UnknownFormat,
    /// Reading a file failed.
    Io,
}

/// A place in the caller's input.
///
/// `byte` is a 0-based byte offset; `line` and `column` are 1-based, and the
/// column counts characters (Unicode scalar values), as editors do. Lines end
/// at `\n` (so a `\r\n` pair ends one line).
///
/// # Examples
///
/// ```
/// use pressmark::Position;
///
/// let input = "title: a\nheat: hot\n";
/// let pos = Position::locate(input, 15);
/// assert_eq!((pos.byte(), pos.line(), pos.column()), (15, 2, 7));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    byte: usize,
    line: usize,
    column: usize,
}

/// The first byte of the character that byte `at` of `s` is in; `at`
/// past the end is clamped to the end.
pub(crate) fn char_start(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Position {
    /// The position of byte offset `byte` in `input`, counting lines and
    /// columns from the start of `input`.
    ///
    /// An offset past the end is clamped to the end; an offset inside a
    /// multi-byte character is moved back to that character's first byte,
    /// so the position never splits a character.
    ///
    /// ```
    /// use pressmark::Position;
    ///
    /// let pos = Position::locate("a\né!", 3); // the second byte of `é`
    /// assert_eq!((pos.byte(), pos.line(), pos.column()), (2, 2, 1));
    /// ```
    #[must_use]
    pub fn locate(input: &str, byte: usize) -> Position {
        Position::locate_bytes(input.as_bytes(), char_start(input, byte))
    }

    /// Like [`Position::locate`], for input that may not be valid UTF-8.
    #[must_use]
    pub fn locate_bytes(input: &[u8], byte: usize) -> Position {
        let byte = byte.min(input.len());
        let before = &input[..byte];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        // Count characters as the bytes that start one (not 0b10xx_xxxx).
        let column = 1 + before[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        Position { byte, line, column }
    }

    /// A position from its parts, when the caller already knows the line
    /// and column (a parser's marker), saving a scan of the input.
    #[must_use]
    #[allow(dead_code)] // used by the front-matter module and `wordpress::items`
    pub(crate) fn new(byte: usize, line: usize, column: usize) -> Position {
        Position { byte, line, column }
    }

    /// The byte offset of the first byte of `line` (1-based) in `input`, or
    /// `None` if the input has fewer lines.
    #[must_use]
    #[cfg_attr(not(feature = "frontmatter"), allow(dead_code))] // the front matter's JSON errors
    pub(crate) fn line_start(input: &[u8], line: usize) -> Option<usize> {
        if line <= 1 {
            return Some(0);
        }
        input
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)
    }

    /// 0-based byte offset.
    #[must_use]
    pub fn byte(&self) -> usize {
        self.byte
    }

    /// 1-based line number.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// 1-based column, in characters.
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }
}

/// Counts lines and columns forward through one input, so that placing
/// many things in it (the errors of a collection's elements, every value of
/// JSON front matter) costs time linear in its size, not quadratic (each
/// [`Position::locate`] counts from the start).
#[derive(Debug, Default)]
#[cfg_attr(
    not(any(feature = "wordpress", feature = "frontmatter")),
    allow(dead_code)
)]
pub(crate) struct LineCounter {
    /// Counted up to this byte of the input...
    byte: usize,
    /// ...which is on this line (0-based)...
    line: usize,
    /// ...after this many characters of it.
    chars: usize,
}

#[cfg_attr(
    not(any(feature = "wordpress", feature = "frontmatter")),
    allow(dead_code)
)]
impl LineCounter {
    /// The position of `byte` in `input`, which is the same input on every
    /// call; counting goes on from the last call when `byte` is not before
    /// it.
    pub(crate) fn locate(&mut self, input: &[u8], byte: usize) -> Position {
        let byte = byte.min(input.len());
        if byte < self.byte {
            return Position::locate_bytes(input, byte);
        }
        for &b in &input[self.byte..byte] {
            if b == b'\n' {
                self.line += 1;
                self.chars = 0;
            } else if b & 0xC0 != 0x80 {
                self.chars += 1;
            }
        }
        self.byte = byte;
        Position::new(byte, self.line + 1, self.chars + 1)
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {} column {}", self.line, self.column)
    }
}

impl Error {
    /// An error of `kind` with `message` (lowercase, saying what was expected
    /// and what was found), without a position yet.
    #[must_use]
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
            position: None,
            path: None,
            source: None,
            cause: Cause::Unspecified,
        }))
    }

    /// Sets where in the input the error is.
    #[must_use]
    #[cfg_attr(
        not(any(feature = "wordpress", feature = "frontmatter")),
        allow(dead_code)
    )]
    pub(crate) fn with_position(mut self, position: Position) -> Error {
        self.0.position = Some(position);
        self
    }

    /// Sets the path of the field whose value was wrong, such as
    /// `yoast_head_json.og_image[0].width`.
    #[must_use]
    #[cfg_attr(
        not(any(feature = "wordpress", feature = "frontmatter")),
        allow(dead_code)
    )]
    pub(crate) fn with_path(mut self, path: impl Into<String>) -> Error {
        let path = elide_path(path.into());
        self.0.path = (!path.is_empty()).then_some(path);
        self
    }

    /// Sets what the error is beyond its kind.
    #[must_use]
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    pub(crate) fn with_cause(mut self, cause: Cause) -> Error {
        self.0.cause = cause;
        self
    }

    /// What the error is beyond its kind.
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    pub(crate) fn cause(&self) -> Cause {
        self.0.cause
    }

    /// Sets the underlying error returned by [`source`](std::error::Error::source).
    #[must_use]
    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.0.source = Some(Arc::new(source));
        self
    }

    /// What kind of error this is.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where in the input the error is, when it is known.
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        self.0.position
    }

    /// The path of the field whose value was wrong, when it is known.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// The message alone, without path and position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Records a byte offset in the buffer being parsed; [`Error::relocate`]
    /// later turns it into a position in the caller's input.
    #[must_use]
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    pub(crate) fn at_byte(mut self, byte: usize) -> Error {
        self.0.position = Some(Position {
            byte,
            line: 0,
            column: 0,
        });
        self
    }

    /// Maps the recorded byte offset through `to_input` (buffer offset to
    /// offset in `input`) and counts its line and column in `input`.
    #[must_use]
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    pub(crate) fn relocate(mut self, input: &[u8], to_input: impl FnOnce(usize) -> usize) -> Error {
        if let Some(p) = self.0.position {
            self.0.position = Some(Position::locate_bytes(input, to_input(p.byte)));
        }
        self
    }

    /// For input transcoded to be read: the position's byte offset mapped
    /// to the caller's bytes by `to_input`; its line and column, counted in
    /// characters, are the same in both.
    #[must_use]
    #[cfg_attr(
        not(any(feature = "wordpress", feature = "frontmatter")),
        allow(dead_code)
    )]
    pub(crate) fn in_transcoded(mut self, to_input: impl FnOnce(usize) -> usize) -> Error {
        if let Some(p) = &mut self.0.position {
            p.byte = to_input(p.byte);
        }
        self
    }

    /// Counts the line and column of the recorded byte offset (see
    /// [`Error::at_byte`]), which is at `shift` + it in `input`, with
    /// `lines`: errors placed in the order of their offsets cost one pass
    /// over the input in all.
    #[must_use]
    #[cfg_attr(not(feature = "wordpress"), allow(dead_code))]
    pub(crate) fn placed(mut self, lines: &mut LineCounter, input: &[u8], shift: usize) -> Error {
        if let Some(p) = self.0.position {
            self.0.position = Some(lines.locate(input, shift + p.byte));
        }
        self
    }

    /// Prefixes the field path with `parent` (a key or `[index]`).
    #[must_use]
    #[allow(dead_code)] // used by the front-matter reader
    pub(crate) fn in_field(mut self, parent: &str) -> Error {
        self.0.path = Some(elide_path(match self.0.path.take() {
            None => parent.to_owned(),
            Some(child) if child.starts_with('[') => format!("{parent}{child}"),
            Some(child) => format!("{parent}.{child}"),
        }));
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)?;
        if let Some(path) = &self.0.path {
            write!(f, " in `{path}`")?;
        }
        if let Some(pos) = &self.0.position {
            write!(f, " at {pos}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.0.kind)
            .field("message", &self.0.message)
            .field("position", &self.0.position)
            .field("path", &self.0.path);
        if let Some(source) = &self.0.source {
            d.field("source", source);
        }
        d.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, format!("cannot read input: {err}")).with_source(err)
    }
}

/// How many steps of a field path are kept at each end when the path is
/// elided.
const PATH_ENDS: usize = 8;

/// `path` with its middle steps elided when it has more than twice
/// [`PATH_ENDS`] of them (an error 100,000 levels deep would otherwise
/// carry a path of 300 KB): `a[0][0]…99984 levels…[0].b`. A path elided
/// before counts its elided steps again when a parent is put in front.
pub(crate) fn elide_path(path: String) -> String {
    // Cheap test first: a path this short has few steps.
    if path.len() <= 4 * PATH_ENDS * 2 {
        return path;
    }
    let steps = path_steps(&path);
    let weight = |s: &str| elided_count(s).unwrap_or(1);
    let total: usize = steps.iter().map(|s| weight(s)).sum();
    if total <= 2 * PATH_ENDS + 1 {
        return path;
    }
    // The first and last steps, counted by weight; everything between
    // becomes one marker.
    let (mut head, mut tail) = (0, steps.len());
    let mut kept = 0;
    while kept < PATH_ENDS && elided_count(steps[head]).is_none() {
        kept += 1;
        head += 1;
    }
    kept = 0;
    while kept < PATH_ENDS && tail > head && elided_count(steps[tail - 1]).is_none() {
        kept += 1;
        tail -= 1;
    }
    let middle: usize = steps[head..tail].iter().map(|s| weight(s)).sum();
    let mut out = String::with_capacity(8 * PATH_ENDS * 2 + 32);
    for step in &steps[..head] {
        out.push_str(step);
    }
    out.push_str(&format!("…{middle} levels…"));
    for (i, step) in steps[tail..].iter().enumerate() {
        // A key after the marker keeps its dot; the first step of the
        // path had none, and a key moved after the marker needs one.
        if i == 0 && tail == 0 && !step.starts_with('[') {
            out.push('.');
        }
        out.push_str(step);
    }
    out
}

/// The steps of a field path, each with its leading `.` or `[`: `a`,
/// `.b`, `[0]`, `["odd key"]`, and an elision marker `…N levels…`.
fn path_steps(path: &str) -> Vec<&str> {
    const MARK: &[u8] = "…".as_bytes();
    let bytes = path.as_bytes();
    let mut steps = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if i > start && (bytes[i] == b'.' || bytes[i] == b'[' || bytes[i..].starts_with(MARK)) {
            steps.push(&path[start..i]);
            start = i;
        }
        if bytes[i..].starts_with(MARK) {
            // A marker runs to its closing `…`.
            i += MARK.len();
            while i < bytes.len() && !bytes[i..].starts_with(MARK) {
                i += 1;
            }
            i += MARK.len();
        } else if bytes[i..].starts_with(b"[\"") {
            // A quoted key runs to its unescaped closing quote.
            i += 2;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        steps.push(&path[start..]);
    }
    steps
}

/// How many steps an elision marker `…N levels…` stands for.
fn elided_count(step: &str) -> Option<usize> {
    step.strip_prefix('…')?
        .strip_suffix(" levels…")?
        .parse()
        .ok()
}

/// The bytes as UTF-8, or an error at the first invalid byte.
#[cfg_attr(
    not(any(feature = "wordpress", feature = "frontmatter")),
    allow(dead_code)
)]
pub(crate) fn utf8(input: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(input).map_err(|e| {
        let at = e.valid_up_to();
        Error::new(
            ErrorKind::Syntax,
            format!(
                "invalid UTF-8: byte 0x{:02x} cannot start or continue a character",
                input[at]
            ),
        )
        .with_source(e)
        .at_byte(at)
        .relocate(input, |b| b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_characters_not_bytes() {
        let input = "é€x\nab";
        // 'x' starts at byte 5 (2 + 3), third character of line 1.
        assert_eq!(Position::locate(input, 5).column(), 3);
        assert_eq!(Position::locate(input, 7).line(), 2);
        assert_eq!(Position::locate(input, 7).column(), 1);
        assert_eq!(Position::locate(input, 99).byte(), input.len());
    }

    #[test]
    fn line_start_finds_each_line() {
        let input = b"a\nbc\n\nd";
        assert_eq!(Position::line_start(input, 1), Some(0));
        assert_eq!(Position::line_start(input, 3), Some(5));
        assert_eq!(Position::line_start(input, 4), Some(6));
        assert_eq!(Position::line_start(input, 5), None);
    }

    #[test]
    fn deep_paths_are_elided_in_the_middle() {
        let deep = format!("a{}.b", "[0]".repeat(100_000));
        let path = elide_path(deep);
        assert_eq!(
            path,
            "a[0][0][0][0][0][0][0]…99986 levels…[0][0][0][0][0][0][0].b"
        );
        // Short paths, and keys with dots and brackets inside quotes, stay.
        let odd = r#"a["x.y[0]"][1].c"#.to_owned();
        assert_eq!(elide_path(odd.clone()), odd);
        // Parents put in front of an elided path count its marker.
        let err = Error::new(ErrorKind::Syntax, "x")
            .with_path(format!("{}.z", "[1]".repeat(50)))
            .in_field("top");
        assert_eq!(
            err.path(),
            Some("top[1][1][1][1][1][1][1]…36 levels…[1][1][1][1][1][1][1].z")
        );
    }

    #[test]
    fn display_puts_path_before_position() {
        let err = Error::new(
            ErrorKind::InvalidType,
            "expected u32, found string \"wide\"",
        )
        .with_path("width")
        .in_field("[0]")
        .in_field("og_image")
        .with_position(Position::locate("ab\ncd", 4));
        assert_eq!(
            err.to_string(),
            "expected u32, found string \"wide\" in `og_image[0].width` at line 2 column 2"
        );
    }
}
