//! Reading a collection from an [`io::Read`](std::io::Read) one item at a
//! time, in memory bounded by the largest item rather than the input.

use std::io::Read;
use std::marker::PhantomData;
use std::path::Path;

use super::element_scan::{ElementScanner, Scanned, locate_in};
use super::error_path::json_error;
use super::json::Controls;
use super::parse::private::{Cx, Met, Read as ReadResource};
use super::{
    Envelope, FailedItem, Object, OwnedResource, Parsed, ReadOptions, Repairs, Resource, Response,
};
use crate::{Error, ErrorKind, Position};

/// A collection read from a reader: each item's JSON text as it comes, to
/// read here ([`RawItem::read`]) or to hand to other threads.
///
/// Only the item being scanned is held, with a buffer of the reader's next
/// bytes: memory is bounded by the largest item, not the input. The input
/// may be wrapped as [`wordpress::items`](super::items) accepts: a UTF-8
/// BOM, JSONP (`/**/cb([...])`), an `_envelope` whose first key is `body`.
///
/// Each item is checked when it is read, so one bad item is one error and
/// the items after it still come. A slot with no item (`[1,,2]`) or bytes
/// that are not UTF-8 are that item's error. The scan itself ends with one
/// last error when it cannot find where the next item starts: brackets
/// that do not match, the input ending inside the collection, nesting past
/// 128 levels, anything but whitespace after it, a read that fails.
///
/// Created by [`raw_items`]; [`items_from_reader`] and [`items_from_path`]
/// read each item for you.
///
/// # Examples
///
/// Scan on one thread, read on others:
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let input: &[u8] = br#"[{"id":1},{"id":2},{"id":3}]"#;
/// let items: Vec<_> = wordpress::raw_items(input)?.collect::<Result<_, _>>()?;
/// let ids: Vec<Option<u64>> = std::thread::scope(|scope| {
///     let reads: Vec<_> = items
///         .iter()
///         .map(|item| scope.spawn(|| item.read::<Post>().map(|post| post.id)))
///         .collect();
///     reads.into_iter().map(|read| read.join().unwrap()).collect::<Result<_, _>>()
/// })?;
/// assert_eq!(ids, [Some(1), Some(2), Some(3)]);
/// # Ok::<(), pressmark::Error>(())
/// ```
pub struct RawItems<R> {
    scanner: ElementScanner<R>,
    envelope: Option<Envelope<'static>>,
    /// The repairs in the rest of an `_envelope`.
    envelope_repairs: Option<Repairs>,
}

/// One item of a collection read by [`RawItems`]: its JSON text, its index
/// and where it starts in the whole input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawItem {
    text: String,
    index: usize,
    position: Position,
}

impl RawItem {
    /// The item's JSON text, as in the input (without the whitespace
    /// around it).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The item's index in the collection, from 0.
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// Where the item starts in the whole input.
    #[must_use]
    pub fn position(&self) -> Position {
        self.position
    }

    /// Reads the item as `T` — [`Post`](super::Post), [`Response`], any
    /// [`Resource`] — borrowing from its text, with the default
    /// [`ReadOptions`], as [`wordpress::items`](super::items) reads each
    /// item: raw control characters and lone surrogate escapes repaired.
    /// The [`Parsed`] says what was repaired, warned about (when read
    /// leniently) or set aside, placed in the whole input.
    ///
    /// # Errors
    ///
    /// As [`wordpress::items`](super::items) gives them: the path starts
    /// with the item's index (`[3].id`) and the position is in the whole
    /// input.
    pub fn read<'s, T: Resource<'s>>(&'s self) -> Result<Parsed<'s, T>, Error> {
        self.read_with(&ReadOptions::default())
    }

    /// [`RawItem::read`] with options. [`ReadOptions::encoding`] does not
    /// apply: a stream is read as UTF-8.
    ///
    /// # Errors
    ///
    /// As [`RawItem::read`]; with [`ReadOptions::strict`], also at the
    /// first repair it would have made.
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Post, ReadOptions};
    ///
    /// let input: &[u8] = b"[{\"id\":1},\n {\"id\":2,\"date\":\"soon\"}]";
    /// let items: Vec<_> = wordpress::raw_items(input)?.collect::<Result<_, _>>()?;
    /// assert!(items[1].read::<Post>().is_err());
    /// let post = items[1].read_with::<Post>(&ReadOptions::lenient())?;
    /// assert_eq!(post.id, Some(2));
    /// let warning = &post.warnings()[0];
    /// assert_eq!(warning.path(), Some("[1].date"));
    /// let at = warning.position().unwrap();
    /// assert_eq!((at.line(), at.column()), (2, 17));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub fn read_with<'s, T: Resource<'s>>(
        &'s self,
        options: &ReadOptions,
    ) -> Result<Parsed<'s, T>, Error> {
        let controls = Controls::new(
            options.repair_control_characters,
            options.repair_lone_surrogates,
        );
        let cx = Cx::new(options, &controls);
        let mut met = Met::default();
        let value =
            T::read(&self.text, 0..self.text.len(), cx, &mut met).map_err(|err| self.place(err))?;
        let mut parsed = Parsed::new(value);
        parsed.repairs = Repairs::counted(&controls, &self.text, 0).and_then(|repairs| {
            let place = |(count, at): (usize, Position)| {
                (
                    count,
                    locate_in(self.position, self.text.as_bytes(), at.byte()),
                )
            };
            let controls = repairs.first_control_character();
            let surrogates = repairs.first_lone_surrogate();
            Repairs::from_tallies(
                controls.map(|at| place((repairs.control_characters(), at))),
                surrogates.map(|at| place((repairs.lone_surrogates(), at))),
            )
        });
        parsed.warnings = met.warnings.into_iter().map(|w| self.place(w)).collect();
        parsed.failures = met
            .failures
            .into_iter()
            .map(|failed| FailedItem {
                error: self.place(failed.error),
                ..failed
            })
            .collect();
        Ok(parsed)
    }

    /// Reads the item as the [`Object`] its keys say it is, as an item of
    /// a [`Response::Collection`] is read.
    ///
    /// # Errors
    ///
    /// As [`RawItem::read`], and [`ErrorKind::UnexpectedKind`] when the
    /// item is not a JSON object.
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Kind};
    ///
    /// let input: &[u8] = br#"[{"id":1,"title":{"rendered":"A"}}, 7]"#;
    /// let mut items = wordpress::raw_items(input)?;
    /// assert_eq!(items.next().unwrap()?.object()?.kind(), Kind::Post);
    /// let err = items.next().unwrap()?.object().unwrap_err();
    /// assert_eq!(err.path(), Some("[1]"));
    /// assert_eq!(err.position().unwrap().column(), 37);
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub fn object(&self) -> Result<Parsed<'_, Object<'_>>, Error> {
        self.object_with(&ReadOptions::default())
    }

    /// [`RawItem::object`] with options, as [`RawItem::read_with`].
    ///
    /// # Errors
    ///
    /// As [`RawItem::object`].
    pub fn object_with(&self, options: &ReadOptions) -> Result<Parsed<'_, Object<'_>>, Error> {
        if self.text.starts_with('{') {
            let mut parsed = self.read_with::<Response>(options)?;
            let read = std::mem::replace(&mut parsed.value, Response::Collection(Vec::new()));
            if let Response::Single(object) = read {
                return Ok(parsed.map(|_| object));
            }
        }
        let found = match self.text.char_indices().nth(40) {
            Some((end, _)) => &self.text[..end],
            None => &self.text,
        };
        Err(Error::new(
            ErrorKind::UnexpectedKind,
            format!("expected an object in the collection, found `{found}`"),
        )
        .with_path(format!("[{}]", self.index))
        .with_position(self.position))
    }

    /// `err`, raised reading the item's text, placed in the whole input.
    fn place(&self, err: Error) -> Error {
        let at = err.position().map(|p| p.byte());
        let err = err.in_field(&format!("[{}]", self.index));
        match at {
            Some(at) => err.with_position(locate_in(self.position, self.text.as_bytes(), at)),
            None => err,
        }
    }
}

impl<R> RawItems<R> {
    /// The raw control characters read inside the collection's strings
    /// (which strict JSON forbids) so far, counted by the scan whether or
    /// not their items are read, and the repairs in the rest of an
    /// `_envelope`; `None` when there were none. Lone surrogate escapes
    /// are found when an item is read: see its [`Parsed::repairs`].
    #[must_use]
    pub fn repairs(&self) -> Option<Repairs> {
        let scanned = self.scanner.controls();
        let envelope = self.envelope_repairs;
        let controls = match (scanned, envelope.and_then(|r| r.first_control_character())) {
            (Some((n, at)), Some(other)) => Some((
                n + envelope.map_or(0, |r| r.control_characters()),
                at.min(other),
            )),
            (Some(tally), None) => Some(tally),
            (None, Some(at)) => Some((envelope.map_or(0, |r| r.control_characters()), at)),
            (None, None) => None,
        };
        let surrogates =
            envelope.and_then(|r| Some((r.lone_surrogates(), r.first_lone_surrogate()?)));
        Repairs::from_tallies(controls, surrogates)
    }

    /// The JSONP callback's name, when the input was wrapped in one.
    #[must_use]
    pub fn callback(&self) -> Option<&str> {
        self.scanner.wrapper().callback.as_deref()
    }

    /// The `_envelope` (its status and headers), once the items are all
    /// read, when the input came as one; its `body` is `None`, since the
    /// items were the body.
    #[must_use]
    pub fn envelope(&self) -> Option<&Envelope<'static>> {
        self.envelope.as_ref()
    }

    /// How many bytes of the input have been read.
    #[must_use]
    pub fn bytes_read(&self) -> usize {
        self.scanner.bytes_read()
    }
}

impl<R: Read> Iterator for RawItems<R> {
    type Item = Result<RawItem, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.scanner.next_scanned()? {
            Scanned::Item {
                bytes,
                index,
                position,
            } => Some(match String::from_utf8(bytes) {
                Ok(text) => Ok(RawItem {
                    text,
                    index,
                    position,
                }),
                Err(err) => {
                    let (at, bytes) = (err.utf8_error().valid_up_to(), err.as_bytes());
                    Err(Error::new(
                        ErrorKind::Syntax,
                        format!(
                            "invalid UTF-8: byte 0x{:02x} cannot start or continue a character",
                            bytes[at]
                        ),
                    )
                    .with_path(format!("[{index}]"))
                    .with_position(locate_in(position, bytes, at))
                    .with_source(err.utf8_error()))
                }
            }),
            Scanned::Missing(err) | Scanned::Fatal(err) => Some(Err(err)),
            Scanned::End { envelope_rest } => {
                let (rest, position) = envelope_rest?;
                match self.read_envelope(rest, position) {
                    Ok(()) => None,
                    Err(err) => Some(Err(err)),
                }
            }
        }
    }
}

impl<R: Read> RawItems<R> {
    /// Reads the rest of an `_envelope` (`, "status": 200, "headers":
    /// {...}}`), which starts at `position`.
    fn read_envelope(&mut self, rest: Vec<u8>, position: Position) -> Result<(), Error> {
        const HEAD: &str = "{\"body\":null";
        // Offsets in the rest, or in `HEAD` and the rest, to the input.
        let place = |err: Error, head: usize| {
            let at = err.position().map_or(0, |p| p.byte()).saturating_sub(head);
            err.with_position(locate_in(position, &rest, at))
        };
        let rest_text = crate::error::utf8(&rest).map_err(|err| place(err, 0))?;
        let text = format!("{HEAD}{rest_text}");
        let controls = Controls::default();
        let envelope: Envelope<'_> =
            super::json::from_str_seed(&text, 0, Some(&controls), PhantomData)
                .map_err(|err| place(json_error(&text, 0, err), HEAD.len()))?;
        self.envelope_repairs = Repairs::counted(&controls, &text, 0).and_then(|repairs| {
            let place = |at: Position| locate_in(position, &rest, at.byte() - HEAD.len());
            Repairs::from_tallies(
                repairs
                    .first_control_character()
                    .map(|at| (repairs.control_characters(), place(at))),
                repairs
                    .first_lone_surrogate()
                    .map(|at| (repairs.lone_surrogates(), place(at))),
            )
        });
        let mut envelope = envelope.into_owned();
        envelope.body = None;
        self.envelope = Some(envelope);
        Ok(())
    }
}

impl<R> std::fmt::Debug for RawItems<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawItems")
            .field("bytes_read", &self.bytes_read())
            .field("repairs", &self.repairs())
            .field("callback", &self.callback())
            .finish_non_exhaustive()
    }
}

/// A collection read from a reader one owned item at a time, from
/// [`items_from_reader`] and [`items_from_path`]: each item is read with
/// [`RawItem::read_with`] and detached from its text.
pub struct ItemReader<R, T> {
    raw: RawItems<R>,
    options: ReadOptions,
    _t: PhantomData<fn() -> T>,
}

impl<R, T> ItemReader<R, T> {
    /// Reads the items with `options` ([`ReadOptions::default`] until
    /// then).
    #[must_use]
    pub fn with_options(mut self, options: ReadOptions) -> Self {
        self.options = options;
        self
    }

    /// The scan under the items: [`RawItems::repairs`], its callback,
    /// envelope and bytes read.
    #[must_use]
    pub fn raw(&self) -> &RawItems<R> {
        &self.raw
    }
}

impl<R: Read, T: OwnedResource> Iterator for ItemReader<R, T> {
    type Item = Result<Parsed<'static, T>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.raw.next()?;
        Some(item.and_then(|item| {
            item.read_with::<T::Borrowed<'_>>(&self.options)
                .map(|parsed| parsed.detach(ReadResource::into_static))
        }))
    }
}

impl<R, T> std::fmt::Debug for ItemReader<R, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemReader")
            .field("raw", &self.raw)
            .field("options", &self.options)
            .finish()
    }
}

/// A collection opened, or the bytes read to find it is not one and the
/// reader, for the rest.
pub(crate) type Opened<R> = Result<RawItems<R>, (Vec<u8>, R)>;

/// Opens the collection `reader` holds; `Ok(Err((bytes, reader)))`, with
/// the bytes read so far, when it holds something else.
pub(crate) fn open_collection<R: Read>(reader: R) -> Result<Opened<R>, Error> {
    Ok(ElementScanner::open(reader)?.map(|scanner| RawItems {
        scanner,
        envelope: None,
        envelope_repairs: None,
    }))
}

/// Reads the collection in `reader` one item at a time, each item's JSON
/// text as it comes: see [`RawItems`].
///
/// # Errors
///
/// When reading fails ([`ErrorKind::Io`]), and when the input is not a
/// collection (a JSON array, maybe wrapped as [`RawItems`] says):
/// [`ErrorKind::UnexpectedKind`] at its first character. The items' own
/// errors come from the iterator.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress;
///
/// let input: &[u8] = b"\xEF\xBB\xBF/**/cb([{\"id\":1},\n {\"id\":2}]);";
/// let items = wordpress::raw_items(input)?;
/// let starts: Vec<(usize, usize)> = items
///     .map(|item| item.map(|item| (item.position().line(), item.position().column())))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(starts, [(1, 10), (2, 2)]); // after the BOM, `/**/cb(` and `[`
///
/// let err = wordpress::raw_items(&b"{\"id\":1}"[..]).unwrap_err();
/// assert_eq!(err.kind(), pressmark::ErrorKind::UnexpectedKind);
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn raw_items<R: Read>(reader: R) -> Result<RawItems<R>, Error> {
    open_collection(reader)?.map_err(|(bytes, _)| not_a_collection(&bytes))
}

/// The error for an input that is not a collection, from its first bytes.
fn not_a_collection(bytes: &[u8]) -> Error {
    let text = String::from_utf8_lossy(bytes);
    let start = text.len()
        - text
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len();
    let found: String = text[start..].chars().take(24).collect();
    let (kind, found) = if found.is_empty() {
        (ErrorKind::UnexpectedEof, "the end of the input".to_owned())
    } else {
        (
            ErrorKind::UnexpectedKind,
            format!("`{}`", found.escape_debug()),
        )
    };
    Error::new(
        kind,
        format!("expected a collection (a JSON array), found {found}"),
    )
    .with_position(Position::locate(&text, start))
}

/// Reads the collection in `reader` one item at a time as owned values
/// (`Post<'static>`, ...): [`raw_items`], each item read with
/// [`RawItem::read`] and detached.
///
/// # Errors
///
/// As [`raw_items`]; each item's own errors come from the iterator, which
/// goes on after them.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let input: &[u8] = br#"[{"id":1},{"id":true},{"id":3}]"#;
/// let results: Vec<_> = wordpress::items_from_reader::<Post, _>(input)?.collect();
/// assert_eq!(results[0].as_ref().unwrap().id, Some(1));
/// let err = results[1].as_ref().unwrap_err();
/// assert_eq!(err.path(), Some("[1].id"));
/// assert_eq!(err.position().unwrap().column(), 17);
/// assert_eq!(results[2].as_ref().unwrap().id, Some(3));
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn items_from_reader<T: OwnedResource, R: Read>(reader: R) -> Result<ItemReader<R, T>, Error> {
    Ok(ItemReader {
        raw: raw_items(reader)?,
        options: ReadOptions::default(),
        _t: PhantomData,
    })
}

/// [`items_from_reader`] on the file at `path`.
///
/// # Errors
///
/// As [`items_from_reader`], and [`ErrorKind::Io`] when the file cannot be
/// opened.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let path = std::env::temp_dir().join("pressmark-items-from-path-doc.json");
/// std::fs::write(&path, r#"[{"id":1},{"id":2}]"#).unwrap();
/// let ids: Vec<Option<u64>> = wordpress::items_from_path::<Post>(&path)?
///     .map(|post| post.map(|post| post.id))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(ids, [Some(1), Some(2)]);
/// std::fs::remove_file(&path).unwrap();
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn items_from_path<T: OwnedResource>(
    path: impl AsRef<Path>,
) -> Result<ItemReader<std::fs::File, T>, Error> {
    items_from_reader(open_file(path.as_ref())?)
}

/// The file at `path`, or an [`ErrorKind::Io`] error naming it.
pub(crate) fn open_file(path: &Path) -> Result<std::fs::File, Error> {
    std::fs::File::open(path).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            format!("cannot read {}: {e}", path.display()),
        )
        .with_source(e)
    })
}
