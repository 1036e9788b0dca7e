//! Recognising an input as [`from_slice`](crate::from_slice) does, without
//! holding a WordPress collection whole: its items come one at a time.

use std::io::Read;
use std::path::Path;

use crate::wordpress::{RawItems, open_collection, open_file};
use crate::{Content, ContentKind, Error, ErrorKind};

/// An input read as it comes: a WordPress collection one item at a time,
/// anything else whole (one object or one front-matter file is one item).
///
/// From [`stream_from_reader`] and [`stream_from_path`].
#[derive(Debug)]
#[non_exhaustive]
// Made once per input: boxing the larger variant would only add an
// allocation.
#[allow(clippy::large_enum_variant)]
pub enum ContentStream<R> {
    /// A WordPress collection (a JSON array, maybe with a BOM, in JSONP or
    /// in an `_envelope`), its items read as the iterator reaches them.
    Collection(RawItems<R>),
    /// Anything else, read whole with [`from_slice`](crate::from_slice).
    Whole(Content<'static>),
}

impl<R: Read> ContentStream<R> {
    /// What kind of content this is.
    #[must_use]
    pub fn kind(&self) -> ContentKind {
        match self {
            ContentStream::Collection(_) => ContentKind::WordPressCollection,
            ContentStream::Whole(content) => content.kind(),
        }
    }

    /// Every article, as it is read: one per WordPress post, page or custom
    /// post type (not media, terms, users, comments or errors), one per
    /// front-matter file, as [`Content::articles`] gives them. A
    /// collection's items are read leniently, as
    /// [`from_slice`](crate::from_slice) reads.
    ///
    /// A collection's bad item is one error and the articles after it still
    /// come; see [`RawItems`]. For each item's warnings and repairs, read
    /// the [`ContentStream::Collection`]'s items with
    /// [`RawItem::object_with`](crate::wordpress::RawItem::object_with).
    #[cfg(feature = "html")]
    #[cfg_attr(docsrs, doc(cfg(feature = "html")))]
    pub fn articles(self) -> Articles<R> {
        Articles(match self {
            ContentStream::Collection(items) => ArticleSource::Collection(items),
            ContentStream::Whole(content) => ArticleSource::Whole(content.articles().into_iter()),
        })
    }
}

/// The articles of a [`ContentStream`], from [`ContentStream::articles`].
#[cfg(feature = "html")]
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
#[derive(Debug)]
pub struct Articles<R>(ArticleSource<R>);

#[cfg(feature = "html")]
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // as `ContentStream`
enum ArticleSource<R> {
    Collection(RawItems<R>),
    Whole(std::vec::IntoIter<crate::article::Article<'static>>),
}

#[cfg(feature = "html")]
impl<R: Read> Iterator for Articles<R> {
    type Item = Result<crate::article::Article<'static>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            ArticleSource::Whole(articles) => articles.next().map(Ok),
            ArticleSource::Collection(items) => loop {
                // Leniently, as `from_slice` reads.
                let article = items.next()?.and_then(|item| {
                    Ok(item
                        .object_with(&crate::wordpress::ReadOptions::lenient())?
                        .as_post()
                        .map(|post| crate::article::Article::from(post).into_owned()))
                });
                match article {
                    Ok(None) => continue,
                    Ok(Some(article)) => return Some(Ok(article)),
                    Err(err) => return Some(Err(err)),
                }
            },
        }
    }
}

/// Recognises and reads `reader` as [`from_slice`](crate::from_slice)
/// does, except that a WordPress collection is not read whole: its items
/// come one at a time, in memory bounded by the largest item. Anything else
/// is read whole.
///
/// # Errors
///
/// [`ErrorKind::Io`] when reading fails; for an input that is not a
/// collection, the errors of [`from_slice`](crate::from_slice). A
/// collection's items have their own errors, from the iterator.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "html")] {
/// use pressmark::{ContentKind, ContentStream};
///
/// let input: &[u8] = br#"[{"id":1,"title":{"rendered":"Tides"}},
///     {"id":2,"name":"News","taxonomy":"category"},
///     {"id":3,"title":{"rendered":"Storms"}}]"#;
/// let stream = pressmark::stream_from_reader(input)?;
/// assert_eq!(stream.kind(), ContentKind::WordPressCollection);
/// let titles: Vec<String> = stream
///     .articles()
///     .map(|article| article.map(|a| a.title.unwrap().to_string()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(titles, ["Tides", "Storms"]); // the term is no article
///
/// let file: &[u8] = b"---\ntitle: Tides\n---\nHigh water.\n";
/// assert!(matches!(pressmark::stream_from_reader(file)?, ContentStream::Whole(_)));
/// # }
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn stream_from_reader<R: Read>(reader: R) -> Result<ContentStream<R>, Error> {
    match open_collection(reader)? {
        Ok(items) => Ok(ContentStream::Collection(items)),
        Err((mut bytes, mut reader)) => {
            reader.read_to_end(&mut bytes).map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot read the input: {e}")).with_source(e)
            })?;
            crate::from_slice(&bytes)
                .map(Content::into_owned)
                .map(ContentStream::Whole)
        }
    }
}

/// [`stream_from_reader`] on the file at `path`: [`from_path`](crate::from_path)
/// for a file of any size.
///
/// # Errors
///
/// As [`stream_from_reader`], and [`ErrorKind::Io`] when the file cannot be
/// opened.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "html")] {
/// let path = std::env::temp_dir().join("pressmark-stream-from-path-doc.json");
/// let json = r#"[{"id":1,"type":"post","link":"https://e.x/1"},{"id":2,"type":"post","link":"https://e.x/2"}]"#;
/// std::fs::write(&path, json).unwrap();
/// let mut urls = Vec::new();
/// for article in pressmark::stream_from_path(&path)?.articles() {
///     urls.push(article?.url.unwrap().to_string());
/// }
/// assert_eq!(urls, ["https://e.x/1", "https://e.x/2"]);
/// std::fs::remove_file(&path).unwrap();
/// # }
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn stream_from_path(path: impl AsRef<Path>) -> Result<ContentStream<std::fs::File>, Error> {
    stream_from_reader(open_file(path.as_ref())?)
}
