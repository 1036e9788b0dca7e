//! Recognising what an input is: WordPress JSON (a post, a collection, an
//! error response) or a front-matter file, from its bytes.

use std::path::Path;

use crate::encoding::Decoded;
#[cfg(feature = "frontmatter")]
use crate::frontmatter::{self, Document, Item, NewsItem, Page};
#[cfg(feature = "wordpress")]
use crate::wordpress::{self, Object, Parsed, Response};
use crate::{Error, ErrorKind, Position};

/// An input, read as what it turned out to be.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Content<'a> {
    /// WordPress REST API JSON: one object (a post, a term, an error
    /// response, ...) or a collection.
    #[cfg(feature = "wordpress")]
    WordPress(Parsed<'a, Response<'a>>),
    /// An aggregator news item (front matter with every field a news item
    /// has).
    #[cfg(feature = "frontmatter")]
    NewsItem(Document<'a, NewsItem<'a>>),
    /// Another item of the news aggregator's collections (a front-matter
    /// file with its keys, `publishedDateTime`, `webUrl`, `provider`...),
    /// read as an [`Item`] (every field optional, unknown keys kept).
    #[cfg(feature = "frontmatter")]
    Item(Document<'a, Item<'a>>),
    /// Any other front-matter file, read as a static site's [`Page`]
    /// (Hugo, Jekyll, Eleventy, Astro...; every field optional, unknown
    /// keys kept).
    /// (Boxed: a page has many fields, and every `Content` would be its
    /// size.)
    #[cfg(feature = "frontmatter")]
    Page(Box<Document<'a, Page<'a>>>),
}

/// What kind of content an input holds, for reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ContentKind {
    /// One WordPress object that is not an error.
    WordPressObject,
    /// A WordPress collection (a JSON array).
    WordPressCollection,
    /// A WordPress REST API error response.
    WordPressError,
    /// An aggregator news item.
    NewsItem,
    /// Another item of the news aggregator's collections.
    AggregatorItem,
    /// Another front-matter file, read as a static site's page.
    FrontMatter,
}

impl std::fmt::Display for ContentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ContentKind::WordPressObject => "wordpress object",
            ContentKind::WordPressCollection => "wordpress collection",
            ContentKind::WordPressError => "wordpress error response",
            ContentKind::NewsItem => "news item",
            ContentKind::AggregatorItem => "aggregator item",
            ContentKind::FrontMatter => "front-matter file",
        })
    }
}

impl<'a> Content<'a> {
    /// What kind of content this is.
    #[must_use]
    pub fn kind(&self) -> ContentKind {
        match self {
            #[cfg(feature = "wordpress")]
            Content::WordPress(parsed) => match parsed.value() {
                Response::Collection(_) | Response::Keyed(_) => ContentKind::WordPressCollection,
                Response::Single(Object::Error(_)) => ContentKind::WordPressError,
                _ => ContentKind::WordPressObject,
            },
            #[cfg(feature = "frontmatter")]
            Content::NewsItem(_) => ContentKind::NewsItem,
            #[cfg(feature = "frontmatter")]
            Content::Item(_) => ContentKind::AggregatorItem,
            #[cfg(feature = "frontmatter")]
            Content::Page(_) => ContentKind::FrontMatter,
        }
    }

    /// Every article in the content: one per WordPress post, page or custom
    /// post type object and per WooCommerce product (not revisions, media,
    /// terms, users, comments, settings, errors and the other kinds), one
    /// per front-matter file.
    #[cfg(feature = "html")]
    #[must_use]
    pub fn articles(&self) -> Vec<crate::article::Article<'a>> {
        self.articles_with(&crate::article::ArticleOptions::default())
    }

    /// [`Content::articles`], with revisions and autosaves, and the body
    /// as Markdown, when `options` asks for them.
    ///
    /// ```
    /// use pressmark::article::ArticleOptions;
    ///
    /// let mut options = ArticleOptions::default();
    /// options.body_markdown = true;
    /// let post = pressmark::from_slice(br#"{"id":7,"content":{"rendered":"<p>High <em>water</em>.<\/p>"}}"#)?;
    /// let page = pressmark::from_slice(b"---\ntitle: Tides\n---\nHigh *water*.\n")?;
    /// for content in [post, page] {
    ///     let article = &content.articles_with(&options)[0];
    ///     assert_eq!(article.body_markdown.as_deref(), Some("High *water*."));
    /// }
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[cfg(feature = "html")]
    #[must_use]
    pub fn articles_with(
        &self,
        options: &crate::article::ArticleOptions,
    ) -> Vec<crate::article::Article<'a>> {
        use crate::article::Article;
        match self {
            #[cfg(feature = "wordpress")]
            Content::WordPress(parsed) => parsed
                .objects()
                .filter_map(|object| Article::from_object_with(object, options))
                .collect(),
            #[cfg(feature = "frontmatter")]
            Content::NewsItem(doc) => vec![Article::from(doc).front_matter_markdown(doc, options)],
            #[cfg(feature = "frontmatter")]
            Content::Item(doc) => vec![Article::from(doc).front_matter_markdown(doc, options)],
            #[cfg(feature = "frontmatter")]
            Content::Page(doc) => {
                vec![Article::from(&**doc).front_matter_markdown(&**doc, options)]
            }
        }
    }

    /// What a lenient read kept as sent and warned about (a field that
    /// could not be typed), each with its path and position: WordPress's
    /// [`Parsed::warnings`](wordpress::Parsed::warnings), front matter's
    /// [`Document::warnings`].
    #[must_use]
    pub fn warnings(&self) -> &[Error] {
        match self {
            #[cfg(feature = "wordpress")]
            Content::WordPress(parsed) => parsed.warnings(),
            #[cfg(feature = "frontmatter")]
            Content::NewsItem(doc) => doc.warnings(),
            #[cfg(feature = "frontmatter")]
            Content::Item(doc) => doc.warnings(),
            #[cfg(feature = "frontmatter")]
            Content::Page(doc) => doc.warnings(),
        }
    }

    /// The items of a WordPress collection that could not be read, each
    /// with its index, error and JSON as sent; the content holds the
    /// others. Empty for any other content.
    #[cfg(feature = "wordpress")]
    #[must_use]
    pub fn failures(&self) -> &[wordpress::FailedItem<'a>] {
        match self {
            Content::WordPress(parsed) => parsed.failures(),
            #[cfg(feature = "frontmatter")]
            Content::NewsItem(_) | Content::Item(_) | Content::Page(_) => &[],
        }
    }

    /// Detaches the content from the input.
    #[must_use]
    pub fn into_owned(self) -> Content<'static> {
        match self {
            #[cfg(feature = "wordpress")]
            Content::WordPress(parsed) => Content::WordPress(parsed.into_owned()),
            #[cfg(feature = "frontmatter")]
            Content::NewsItem(doc) => Content::NewsItem(doc.into_owned()),
            #[cfg(feature = "frontmatter")]
            Content::Item(doc) => Content::Item(doc.into_owned()),
            #[cfg(feature = "frontmatter")]
            Content::Page(doc) => Content::Page(Box::new(doc.into_owned())),
        }
    }
}

/// Recognises and reads `input`: WordPress JSON (an object, a collection,
/// an error response; with a BOM, JSONP or `_envelope`; UTF-8, or UTF-16
/// with its byte order mark), or a file with front matter in YAML, TOML or
/// JSON: an aggregator news item when it has every field a news item
/// requires, another aggregator item when it has the aggregator's keys
/// (`publishedDateTime`, `webUrl`, `originalUrl`, `provider`, `secured`),
/// else a static site's [`Page`].
///
/// WordPress JSON is read leniently ([`wordpress::ReadOptions::lenient`]):
/// a collection's item that cannot be read is set aside in
/// [`Content::failures`] and the others are read; a field that cannot be
/// typed is kept as sent, with a warning in [`Content::warnings`]. Front
/// matter likewise: a value a model cannot type is kept, with a warning.
///
/// # Errors
///
/// When the bytes are not UTF-8 (naming the encoding they look like);
/// when they are empty or in neither format ([`ErrorKind::UnknownFormat`],
/// at the first character); and the errors of [`wordpress::from_str`] and
/// [`frontmatter::parse`] for an input of that format. A Markdown file
/// without front matter is
/// [`ErrorKind::NoFrontMatter`].
///
/// # Examples
///
/// ```
/// # #[cfg(all(feature = "wordpress", feature = "frontmatter", feature = "html"))] {
/// use pressmark::{ContentKind, ErrorKind};
///
/// let post = pressmark::from_slice(br#"{"id":1,"title":{"rendered":"Hi"}}"#)?;
/// assert_eq!(post.kind(), ContentKind::WordPressObject);
///
/// let item = pressmark::from_slice(b"---\ntitle: Hello\n---\nBody\n")?;
/// assert_eq!(item.kind(), ContentKind::FrontMatter);
/// assert_eq!(item.articles()[0].body.as_deref(), Some("Body"));
///
/// let err = pressmark::from_slice(b"\n  <html><body>Hi</body></html>").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// assert_eq!(err.position().map(|p| (p.line(), p.column())), Some((2, 3)));
/// # }
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_slice(input: &[u8]) -> Result<Content<'_>, Error> {
    match crate::encoding::decode(input, None)? {
        Decoded::Utf8(text) => from_text(text),
        Decoded::Transcoded {
            text,
            encoding,
            skipped,
        } => {
            let mut offsets = crate::encoding::InputOffsets::new(&text, encoding, skipped);
            match from_text(&text)
                .map_err(|err| err.in_transcoded(|at| offsets.place(at)))?
                .into_owned()
            {
                #[cfg(feature = "wordpress")]
                Content::WordPress(parsed) => {
                    let mut parsed = parsed.in_transcoded(|at| offsets.place(at));
                    parsed.transcoded_from = Some(encoding.name());
                    Ok(Content::WordPress(parsed))
                }
                #[cfg(feature = "frontmatter")]
                Content::NewsItem(_) | Content::Item(_) | Content::Page(_) => Err(Error::new(
                    ErrorKind::Unsupported,
                    format!("front matter in {}: expected UTF-8", encoding.name()),
                )),
            }
        }
    }
}

/// [`from_slice`] for text.
fn from_text(text: &str) -> Result<Content<'_>, Error> {
    let start = text.len()
        - text
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len();
    let rest = &text[start..];
    if rest.is_empty() {
        let what = if text.is_empty() {
            ""
        } else {
            " (only whitespace)"
        };
        return Err(Error::new(
            ErrorKind::UnknownFormat,
            format!("empty input{what}: expected {EXPECTED}"),
        )
        .with_position(Position::locate(text, start)));
    }
    match guess(rest) {
        #[cfg(feature = "wordpress")]
        Guess::Json => read_wordpress(text),
        #[cfg(feature = "frontmatter")]
        Guess::FrontMatter => read_front_matter(text),
        _ => {
            let found: String = rest.chars().take(24).collect();
            Err(Error::new(
                ErrorKind::UnknownFormat,
                format!(
                    "unknown format: expected {}, found `{}`",
                    EXPECTED,
                    found.escape_debug()
                ),
            )
            .with_position(Position::locate(text, start)))
        }
    }
}

/// What this build of the crate reads, for the unknown-format message.
const EXPECTED: &str = match (cfg!(feature = "wordpress"), cfg!(feature = "frontmatter")) {
    (true, true) => "WordPress JSON (an object, an array or JSONP) or front matter (`---`)",
    (true, false) => "WordPress JSON (an object, an array or JSONP)",
    _ => "front matter (`---`, `+++`, `;;;` or `{`)",
};

/// Reads the file at `path` with [`from_slice`], detached from the bytes.
///
/// The file is read whole; [`stream_from_path`](crate::stream_from_path)
/// reads a WordPress collection of any size one item at a time.
///
/// # Errors
///
/// As [`from_slice`], and [`ErrorKind::Io`] when the file cannot be read.
///
/// # Examples
///
/// ```
/// # #[cfg(all(feature = "wordpress", feature = "html"))] {
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/wordpress-post.json");
/// let content = pressmark::from_path(path)?;
/// assert_eq!(content.kind(), pressmark::ContentKind::WordPressObject);
/// assert_eq!(content.articles()[0].id.as_deref(), Some("2048"));
///
/// let err = pressmark::from_path("missing.json").unwrap_err();
/// assert_eq!(err.kind(), pressmark::ErrorKind::Io);
/// # }
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_path(path: impl AsRef<Path>) -> Result<Content<'static>, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read {}: {e}", path.display()),
        )
        .with_source(e)
    })?;
    from_slice(&bytes).map(Content::into_owned)
}

/// Reads all of `reader` and recognises it with [`from_slice`], detached
/// from the bytes: a file, a socket, an HTTP body, any [`std::io::Read`].
///
/// # Errors
///
/// As [`from_slice`], and [`ErrorKind::Io`] when reading fails.
///
/// # Examples
///
/// ```
/// # #[cfg(all(feature = "frontmatter", feature = "html"))] {
/// let body: &[u8] = b"---\ntitle: Tides\n---\nHigh water.\n";
/// let content = pressmark::from_reader(body)?;
/// assert_eq!(content.articles()[0].title.as_deref(), Some("Tides"));
/// # }
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_reader(mut reader: impl std::io::Read) -> Result<Content<'static>, Error> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the input: {e}")).with_source(e)
    })?;
    from_slice(&bytes).map(Content::into_owned)
}

enum Guess {
    Json,
    FrontMatter,
    Unknown,
}

fn guess(rest: &str) -> Guess {
    let b = rest.as_bytes();
    match b.first() {
        Some(b'{' | b'[') => Guess::Json,
        _ if rest.starts_with("---") || rest.starts_with("+++") || rest.starts_with(";;;") => {
            Guess::FrontMatter
        }
        // JSONP: `/**/callback(` or `callback(`.
        _ if rest.starts_with("/**/") => Guess::Json,
        Some(c) if c.is_ascii_alphabetic() || *c == b'_' || *c == b'$' => {
            let name = b
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'.'))
                .count();
            if b[name..].iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'(') {
                Guess::Json
            } else {
                Guess::Unknown
            }
        }
        _ => Guess::Unknown,
    }
}

#[cfg(feature = "wordpress")]
fn read_wordpress(text: &str) -> Result<Content<'_>, Error> {
    match wordpress::from_str_with::<Response>(text, &wordpress::ReadOptions::lenient()) {
        Ok(parsed) => Ok(Content::WordPress(parsed)),
        // `{` on its own line opens JSON front matter too: a JSON value
        // followed by a body.
        #[cfg(feature = "frontmatter")]
        Err(err) if err.cause() == crate::error::Cause::TrailingCharacters => {
            match frontmatter::split(text) {
                Ok(Some(split)) if split.format() == frontmatter::Format::Json => {
                    read_front_matter(text)
                }
                _ => Err(err),
            }
        }
        Err(err) => Err(err),
    }
}

#[cfg(feature = "frontmatter")]
fn read_front_matter(text: &str) -> Result<Content<'_>, Error> {
    Ok(match frontmatter::recognise(text)? {
        frontmatter::Recognised::News(doc) => Content::NewsItem(doc),
        frontmatter::Recognised::Item(doc) => Content::Item(doc),
        frontmatter::Recognised::Page(doc) => Content::Page(doc),
    })
}
