//! Front matter: splitting a Markdown/HTML file into its front matter and its
//! body, YAML with positions in the whole file, any front matter into your
//! own serde type, and the news aggregator's typed items.
//!
//! | you want | call |
//! | --- | --- |
//! | the front matter and body as slices, no parsing | [`split()`] |
//! | the front matter as a positioned [`Value`] tree | [`parse`] |
//! | the front matter in your `#[derive(Deserialize)]` type | [`from_str`] |
//! | an aggregator news item (`_news/*.md`) | [`news_item`] |
//! | an item of the aggregator's other collections | [`item()`] |
//! | a static site's page or post (Hugo, Jekyll, Eleventy, Astro) | [`page()`] |
//! | a file written back, as YAML, TOML or JSON front matter and its body | [`to_string`], [`Document::to_string_as`] |
//!
//! Every position (syntax errors, type errors, [`Value::position`],
//! [`Entry::key_position`]) is a byte offset, line and column of the whole
//! file, not of the front-matter fragment. Strings borrow from the input
//! where the YAML scalar is the input's bytes (plain scalars, quoted ones
//! without escapes); [`crate::Text::is_borrowed`] tells which.
//!
//! # YAML
//!
//! YAML is read with yaml-rust2's event parser, or, for front matter
//! written the common way (a mapping of words to one-line scalars, block
//! and flow lists of those, nested mappings of those), by a fast lane of
//! this crate that gives exactly what yaml-rust2 would, and typed by the
//! YAML 1.2 core schema: `yes`/`no`/`on`/`off` are strings, `0o17` is octal,
//! `2022-10-24T21:10:00Z` is a string (the models parse it as a date-time).
//! A key given twice in a mapping is an error. Merge keys (`<<`) are plain
//! keys. Tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` and `!` are
//! honoured; other tags are ignored. A raw character YAML does not allow
//! in a stream (NUL and the other control characters but tab and line
//! breaks, U+FFFE, U+FFFF) is an [`ErrorKind::Syntax`] error at that
//! character: yaml-rust2 would take a NUL for the end of the input.
//!
//! Input is untrusted: [`Limits`] bounds the front matter's size, nesting
//! depth and number of values, aliases included, so an alias bomb ("billion
//! laughs") is rejected with an [`ErrorKind::LimitExceeded`] error instead
//! of exhausting memory.
//!
//! # JSON and TOML
//!
//! JSON front matter (a first line holding only `{`, or members between
//! `;;;` lines) is read with serde_json; TOML front matter (between `+++`
//! lines, Hugo's default) with the `toml` crate. Their syntax errors, and
//! their values and keys, have their positions in the whole file, as
//! YAML's do. TOML dates and times are strings, as written (the models
//! read them as dates).
//!
//! An opener may name its language, as other front-matter readers allow:
//! `---yaml` (or `---yml`), `---json` and `---toml`, each closed by `---`.
//! Any other language or opener (`---coffee`, `+++yaml`) is an
//! [`ErrorKind::Unsupported`] error that names it.
//!
//! # Examples
//!
//! ```
//! use pressmark::frontmatter;
//! use serde::Deserialize;
//!
//! #[derive(Debug, Deserialize)]
//! struct Post<'a> {
//!     title: &'a str,
//!     tags: Vec<&'a str>,
//! }
//!
//! let input = "---\ntitle: Hello\ntags: [a, b]\n---\n# Hello\n";
//! let doc = frontmatter::from_str::<Post>(input)?;
//! assert_eq!(doc.value().title, "Hello");
//! assert_eq!(doc.value().tags, ["a", "b"]);
//! assert_eq!(doc.body(), "# Hello\n");
//!
//! let err = frontmatter::from_str::<Post>("---\ntitle: Hello\ntags: 3\n---\n").unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "invalid type: integer `3`, expected a sequence in `tags` at line 3 column 7"
//! );
//! # Ok::<(), pressmark::Error>(())
//! ```

mod byte_find;
mod item;
#[cfg(feature = "html")]
mod item_text;
mod json_positions;
pub(crate) mod model;
mod news;
mod page;
mod schema;
mod split;
mod toml;
mod value;
mod value_de;
mod value_ser;
mod write;
mod yaml;
mod yaml_lane;
#[cfg(test)]
mod yaml_lane_tests;

pub use item::{IsoDuration, Item, Ratings};
pub use news::{ItemType, NewsImage, NewsItem, Provider, Related};
pub use page::{Page, PageDate, Terms};
pub use split::{Format, Split, split};
pub use value::{Entry, Mapping, Value, ValueKind};
pub use value_de::ValueDeserializer;
pub use write::to_string;

use crate::{Error, ErrorKind, Position, Result, Text};
use model::Field;

/// Bounds on what one front matter may cost to read. Each limit reached
/// gives an [`ErrorKind::LimitExceeded`] error with the position where it was
/// reached.
///
/// # Examples
///
/// ```
/// use pressmark::{ErrorKind, frontmatter::{self, Limits}};
///
/// let mut limits = Limits::default();
/// limits.max_depth = 2;
/// let err = frontmatter::parse_with("---\na: {b: {c: 1}}\n---\n", &limits).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::LimitExceeded);
/// assert_eq!(err.position().map(|p| (p.line(), p.column())), Some((2, 8)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest front matter, in bytes, delimiters and body not counted.
    /// Default: 1 MiB.
    pub max_bytes: usize,
    /// Deepest nesting of sequences and mappings. Default: 128.
    pub max_depth: usize,
    /// Most values (scalars, sequences, mappings) in one front matter,
    /// counting each value an alias repeats: this is what stops an alias
    /// bomb. Default: 100,000.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1 << 20,
            max_depth: 128,
            max_nodes: 100_000,
        }
    }
}

/// A file's front matter, read into `T`, and its body: a value with what
/// was noticed while reading it.
///
/// It derefs to the front matter, so `doc.title` reads its title;
/// [`Document::into_value`] takes it out. [`wordpress::Parsed`] has the
/// same shape.
///
/// [`wordpress::Parsed`]: crate::wordpress::Parsed
#[derive(Debug, Clone)]
pub struct Document<'a, T> {
    front_matter: T,
    format: Format,
    body: Text<'a>,
    body_offset: usize,
    warnings: Vec<Error>,
}

/// Equal front matter, format, body and warnings (by kind, message, path
/// and position).
impl<T: PartialEq> PartialEq for Document<'_, T> {
    fn eq(&self, other: &Self) -> bool {
        let key = |e: &Error| {
            (
                e.kind(),
                e.message().to_owned(),
                e.path().map(str::to_owned),
                e.position(),
            )
        };
        self.front_matter == other.front_matter
            && self.format == other.format
            && self.body == other.body
            && self.body_offset == other.body_offset
            && self.warnings.len() == other.warnings.len()
            && self
                .warnings
                .iter()
                .zip(&other.warnings)
                .all(|(a, b)| key(a) == key(b))
    }
}

impl<T> std::ops::Deref for Document<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.front_matter
    }
}

impl<'a, T> Document<'a, T> {
    /// The front matter.
    #[must_use]
    pub fn value(&self) -> &T {
        &self.front_matter
    }

    /// The front matter, without the body.
    #[must_use]
    pub fn into_value(self) -> T {
        self.front_matter
    }

    /// The front matter's format.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// Everything after the front matter's closing line, untouched (line
    /// endings kept).
    #[must_use]
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The body as a [`Text`], borrowed from the input.
    #[must_use]
    pub fn body_text(&self) -> &Text<'a> {
        &self.body
    }

    /// Byte offset of the body in the input.
    #[must_use]
    pub fn body_offset(&self) -> usize {
        self.body_offset
    }

    /// What was noticed while reading the front matter, in input order:
    /// each field of a model that could not be typed (a number where a
    /// string was expected, a date or duration that does not parse) and is
    /// kept as written in the model's `extra` instead. Each is an [`Error`]
    /// with its kind, message, field path and position in the whole file.
    /// Empty for [`parse`] and [`from_str`], which have no model to be
    /// lenient with.
    ///
    /// ```
    /// use pressmark::{ErrorKind, frontmatter};
    ///
    /// let doc = frontmatter::item("---\ntitle: Admin\nlength: 53 mins\n---\n")?;
    /// assert_eq!(doc.length, None);
    /// assert_eq!(doc.extra.get("length").and_then(|v| v.as_str()), Some("53 mins"));
    /// let warning = &doc.warnings()[0];
    /// assert_eq!((warning.kind(), warning.path()), (ErrorKind::InvalidValue, Some("length")));
    /// assert_eq!(warning.position().map(|p| (p.line(), p.column())), Some((3, 9)));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }

    /// The document, or its first warning as an error: all or nothing, as
    /// a strict read would give.
    ///
    /// # Errors
    ///
    /// The first of [`Document::warnings`], if any.
    ///
    /// ```
    /// use pressmark::frontmatter;
    ///
    /// let err = frontmatter::item("---\nlength: 53 mins\n---\n")?.deny_warnings().unwrap_err();
    /// assert_eq!(err.path(), Some("length"));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub fn deny_warnings(mut self) -> Result<Self> {
        if self.warnings.is_empty() {
            Ok(self)
        } else {
            Err(self.warnings.swap_remove(0))
        }
    }

    /// Detaches the document from the input, front matter and body.
    ///
    /// ```
    /// let doc = {
    ///     let input = String::from("---\ntitle: A\n---\nBody\n");
    ///     pressmark::frontmatter::item(&input)?.into_owned()
    /// };
    /// assert_eq!((doc.value().title.as_deref(), doc.body()), (Some("A"), "Body\n"));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Document<'static, T::Out<'static>>
    where
        T: crate::map_text::MapText<'a>,
    {
        Document {
            front_matter: self.front_matter.map_text(&mut Text::into_owned),
            format: self.format,
            body: self.body.into_owned(),
            body_offset: self.body_offset,
            warnings: self.warnings,
        }
    }

    /// Converts the front matter with `f`, which may fail, keeping the body.
    fn try_map<U>(self, f: impl FnOnce(T) -> Result<U>) -> Result<Document<'a, U>> {
        Ok(Document {
            front_matter: f(self.front_matter)?,
            format: self.format,
            body: self.body,
            body_offset: self.body_offset,
            warnings: self.warnings,
        })
    }

    /// Converts the front matter, keeping the body.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Document<'a, U> {
        Document {
            front_matter: f(self.front_matter),
            format: self.format,
            body: self.body,
            body_offset: self.body_offset,
            warnings: self.warnings,
        }
    }
}

/// Reads the front matter of `input` into a positioned [`Value`] tree.
///
/// Empty front matter gives an empty mapping.
///
/// # Errors
///
/// [`ErrorKind::NoFrontMatter`] when the input has none ([`split()`] tells that
/// apart without an error); [`ErrorKind::Unclosed`] when the opening line is
/// not closed; [`ErrorKind::Syntax`] for invalid YAML, TOML or JSON;
/// [`ErrorKind::DuplicateKey`]; [`ErrorKind::Unsupported`] for an opener or
/// language this crate does not read;
/// [`ErrorKind::LimitExceeded`] past the default [`Limits`]. Positions are in
/// the whole input.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter;
///
/// let input = "\u{feff}---\r\ntitle: Clearview AI\r\n---\r\nBody\r\n";
/// let doc = frontmatter::parse(input)?;
/// let title = doc.value().get("title").expect("title");
/// assert_eq!(title.as_str(), Some("Clearview AI"));
/// assert_eq!(title.position().map(|p| p.line()), Some(2));
/// assert_eq!(doc.body(), "Body\r\n");
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn parse(input: &str) -> Result<Document<'_, Value<'_>>> {
    parse_with(input, &Limits::default())
}

/// [`parse`] under the given [`Limits`].
///
/// # Errors
///
/// As [`parse`].
pub fn parse_with<'a>(input: &'a str, limits: &Limits) -> Result<Document<'a, Value<'a>>> {
    let Some(split) = split(input)? else {
        let first = input.lines().next().unwrap_or("");
        let first: String = first.chars().take(40).collect();
        return Err(Error::new(
            ErrorKind::NoFrontMatter,
            format!("no front matter: expected `---` on the first line, found {first:?}"),
        )
        .with_position(Position::locate(input, 0)));
    };
    let value = match split.format() {
        Format::Yaml => yaml::parse(
            input,
            split.front_matter(),
            split.front_matter_offset(),
            limits,
        )?,
        Format::Json => json(input, &split, limits)?,
        Format::Toml => toml::parse(
            input,
            split.front_matter(),
            split.front_matter_offset(),
            limits,
        )?,
    };
    Ok(Document {
        front_matter: value,
        format: split.format(),
        body: Text::borrowed(split.body()),
        body_offset: split.body_offset(),
        warnings: Vec::new(),
    })
}

/// The front matter's size against `max_bytes`: an error at its start past it.
pub(crate) fn check_size(input: &str, fragment: &str, base: usize, max_bytes: usize) -> Result<()> {
    if fragment.len() <= max_bytes {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::LimitExceeded,
        format!(
            "front matter too large: expected at most {max_bytes} bytes, found {}",
            fragment.len()
        ),
    )
    .with_position(Position::locate(input, base)))
}

fn json<'a>(input: &'a str, split: &Split<'a>, limits: &Limits) -> Result<Value<'a>> {
    let fragment = split.front_matter();
    let base = split.front_matter_offset();
    check_size(input, fragment, base, limits.max_bytes)?;
    let locate = |e: serde_json::Error, shift: usize| {
        // serde_json counts columns in bytes from 1; line 1 of a wrapped
        // fragment has the added `{` in front.
        let line_start = Position::line_start(fragment.as_bytes(), e.line()).unwrap_or(0);
        // It can be inside a multi-byte character (an invalid `\u` escape
        // is placed at its fourth byte); `locate` moves it to the start.
        let byte = (line_start + e.column().saturating_sub(1))
            .saturating_sub(if e.line() <= 1 { shift } else { 0 })
            .min(fragment.len());
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        Error::new(ErrorKind::Syntax, format!("invalid json: {message}"))
            .with_position(Position::locate(input, base + byte))
            .with_source(e)
    };
    if fragment.trim_start().starts_with('{') {
        let mut de = serde_json::Deserializer::from_str(fragment);
        let mut value = serde::Deserialize::deserialize(&mut de).map_err(|e| locate(e, 0))?;
        de.end().map_err(|e| locate(e, 0))?;
        json_positions::place(&mut value, input, base, fragment, true);
        Ok(value)
    } else {
        // `;;;` front matter holds an object's members without the braces.
        let wrapped = format!("{{{fragment}}}");
        let value: Value<'_> = serde_json::from_str(&wrapped).map_err(|e| locate(e, 1))?;
        let mut value = value.into_owned();
        json_positions::place(&mut value, input, base, fragment, false);
        Ok(value)
    }
}

/// Reads the front matter of `input` into `T`, borrowing from `input` where
/// `T` and the YAML allow.
///
/// # Errors
///
/// As [`parse`], plus the errors of `T`'s `Deserialize`
/// ([`ErrorKind::InvalidType`], [`ErrorKind::MissingField`]...) with the field
/// path and the position of the value in the whole input.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter;
/// use serde::Deserialize;
///
/// #[derive(Debug, Deserialize)]
/// struct Head {
///     quality: u8,
/// }
///
/// let err = frontmatter::from_str::<Head>("---\nquality: high\n---\n").unwrap_err();
/// assert_eq!(err.path(), Some("quality"));
/// assert_eq!(
///     err.to_string(),
///     "invalid type: string \"high\", expected u8 in `quality` at line 2 column 10"
/// );
/// ```
pub fn from_str<'a, T: serde::Deserialize<'a>>(input: &'a str) -> Result<Document<'a, T>> {
    from_str_with(input, &Limits::default())
}

/// [`from_str`] under the given [`Limits`].
///
/// # Errors
///
/// As [`from_str`].
pub fn from_str_with<'a, T: serde::Deserialize<'a>>(
    input: &'a str,
    limits: &Limits,
) -> Result<Document<'a, T>> {
    parse_with(input, limits)?.try_map(|v| T::deserialize(ValueDeserializer::new(v)))
}

/// Reads an aggregator news item (`_news/*.md`): the typed [`NewsItem`]
/// and the body (empty for news items).
///
/// Lenient: an optional field that cannot be typed is kept as written in
/// the model's `extra`, with a warning ([`Document::warnings`]);
/// [`Document::deny_warnings`] makes that an error.
///
/// # Errors
///
/// As [`parse`], plus [`ErrorKind::MissingField`], [`ErrorKind::InvalidType`]
/// and [`ErrorKind::InvalidValue`] (a date that is not RFC 3339) with the
/// field path and position, for a required field (see [`NewsItem`]).
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::{self, ItemType};
///
/// let input = "---\ncategory: news\ntitle: \"Hello\"\nexcerpt: \"Hi\"\n\
///              publishedDateTime: 2022-10-24T21:10:00Z\ntype: article\n\
///              provider:\n  name: TechSpot\nsecured: \"x;y\"\nscore: 3\n---\n";
/// let item = frontmatter::news_item(input)?.into_value();
/// assert_eq!(item.title, "Hello");
/// assert!(item.title.is_borrowed());
/// assert_eq!(item.kind, ItemType::Article);
/// assert_eq!(item.published_date_time.unix_timestamp(), 1_666_645_800);
/// assert_eq!(item.extra.keys().collect::<Vec<_>>(), ["score"]);
///
/// let err = frontmatter::news_item("---\ncategory: news\n---\n").unwrap_err();
/// assert_eq!(err.to_string(), "missing field `title` at line 2 column 1");
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn news_item(input: &str) -> Result<Document<'_, NewsItem<'_>>> {
    typed(input, &Limits::default())
}

/// Reads an item of any of the aggregator's collections: the typed
/// [`Item`] (every field optional, unknown keys kept) and the body.
///
/// Lenient, as [`news_item`]: a field that cannot be typed is kept in
/// [`Item::extra`] with a warning.
///
/// # Errors
///
/// As [`parse`]; [`ErrorKind::InvalidType`] when the front matter is not a
/// mapping.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter;
///
/// let input = "---\ntitle: Admin\nlength: PT57M\nratings:\n  count: 524\n  average: 5\n\
///              levels:\n  - Intermediate\n---\n<p>Body</p>\n";
/// let doc = frontmatter::item(input)?;
/// let item = doc.value();
/// assert_eq!(item.length.as_ref().and_then(|d| d.duration()).map(|d| d.whole_minutes()), Some(57));
/// assert_eq!(item.ratings.as_ref().and_then(|r| r.average), Some(5.0));
/// assert!(item.extra.get("levels").is_some());
/// assert_eq!(doc.body(), "<p>Body</p>\n");
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn item(input: &str) -> Result<Document<'_, Item<'_>>> {
    typed(input, &Limits::default())
}

/// A front-matter file read as what it holds (for [`crate::from_slice`]).
pub(crate) enum Recognised<'a> {
    News(Document<'a, NewsItem<'a>>),
    Item(Document<'a, Item<'a>>),
    Page(Box<Document<'a, Page<'a>>>),
}

/// Reads `input` once and types it: a news item when every field a news
/// item requires is there and readable; another aggregator item when it
/// has the aggregator's keys; else a static site's page.
pub(crate) fn recognise(input: &str) -> Result<Recognised<'_>> {
    let doc = parse(input)?;
    let value = doc.value();
    if <NewsItem<'_> as Field<'_>>::check(value).is_ok() {
        return read_typed(doc).map(Recognised::News);
    }
    let aggregator = [
        "publishedDateTime",
        "webUrl",
        "originalUrl",
        "provider",
        "secured",
    ]
    .iter()
    .any(|key| value.get(key).is_some());
    if aggregator {
        read_typed(doc).map(Recognised::Item)
    } else {
        read_typed(doc).map(|d| Recognised::Page(Box::new(d)))
    }
}

/// Reads a static site's page or post (Hugo, Jekyll, Eleventy, Astro...)
/// in any front-matter format: the typed [`Page`] and the body.
///
/// Lenient, as [`news_item`]: no field is required, and a value that
/// cannot be typed is kept in [`Page::extra`] with a warning.
///
/// # Errors
///
/// As [`parse`]; [`ErrorKind::InvalidType`] when the front matter is not a
/// mapping.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter;
/// use pressmark::time::macros::datetime;
///
/// let file = "+++\ntitle = \"Tides\"\ndate = 2024-03-01T10:00:00+01:00\ntags = [\"sea\"]\n\
///             [params]\ntoc = true\n+++\nHigh water.\n";
/// let doc = frontmatter::page(file)?;
/// assert_eq!(doc.title.as_deref(), Some("Tides"));
/// let published = doc.published_at().map(|d| d.to_offset_date_time());
/// assert_eq!(published, Some(datetime!(2024-03-01 10:00 +1)));
/// assert_eq!(doc.tags.names().collect::<Vec<_>>(), ["sea"]);
/// assert!(doc.extra.get("params").is_some());
/// assert_eq!(doc.body(), "High water.\n");
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn page(input: &str) -> Result<Document<'_, Page<'_>>> {
    typed(input, &Limits::default())
}

fn typed<'a, T: Field<'a>>(input: &'a str, limits: &Limits) -> Result<Document<'a, T>> {
    read_typed(parse_with(input, limits)?)
}

/// Types a document's value leniently.
fn read_typed<'a, T: Field<'a>>(mut doc: Document<'a, Value<'a>>) -> Result<Document<'a, T>> {
    let mut warnings = Vec::new();
    let value = std::mem::replace(&mut doc.front_matter, Value::new(ValueKind::Null));
    let model = T::read_top(value, Some(&mut warnings))?;
    let mut doc = doc.map(|_| model);
    doc.warnings = warnings;
    Ok(doc)
}
