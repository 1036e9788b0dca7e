//! [`Parsed`]: a value read, with what was noticed while reading it; and
//! [`FailedItem`], a collection's item that could not be read.

use std::ops::Deref;

use super::object::wp_object;
use super::repair::Repairs;
use super::{PhpMap, RawJson};
use crate::{Error, Text};

wp_object! {
    "envelope"
    /// The `_envelope` form of a response (`{body, status, headers}`), for
    /// clients that cannot read HTTP headers.
    pub struct Envelope<'a> {
        /// The response body, as sent.
        body: RawJson<'a> = "body",
        /// The HTTP status.
        status: u16 = "status" [lenient],
        /// The HTTP headers (`X-WP-Total`, `Link`, ...).
        headers: PhpMap<'a, RawJson<'a>> = "headers",
    }
}

/// A value read from a response, with what was noticed while reading it:
/// repairs, warnings, a collection's items that could not be read, the
/// envelope, the JSONP callback, the encoding transcoded from.
///
/// It derefs to the value, so `parsed.title` reads the post's title;
/// [`Parsed::into_value`] takes the value out. [`frontmatter::Document`]
/// has the same shape.
///
/// [`frontmatter::Document`]: crate::frontmatter::Document
///
/// # Examples
///
/// A collection with one item that does not read: the others come through,
/// and the bad one is set aside, as sent, with its problem.
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let json = "[{\"id\":1},\n {\"id\":2,\"date\":\"soon\"},\n {\"id\":3}]";
/// let parsed = wordpress::from_str::<Vec<Post>>(json)?;
/// let ids: Vec<_> = parsed.iter().map(|post| post.id).collect();
/// assert_eq!(ids, [Some(1), Some(3)]);
/// let failed = &parsed.failures()[0];
/// assert_eq!(failed.index, 1);
/// assert_eq!(failed.raw.get(), r#"{"id":2,"date":"soon"}"#);
/// assert_eq!(failed.error.path(), Some("[1].date"));
/// let at = failed.error.position().unwrap();
/// assert_eq!((at.line(), at.column()), (2, 17));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Parsed<'a, T> {
    pub(crate) value: T,
    pub(crate) repairs: Option<Repairs>,
    pub(crate) envelope: Option<Envelope<'a>>,
    pub(crate) callback: Option<Text<'a>>,
    pub(crate) warnings: Vec<Error>,
    pub(crate) failures: Vec<FailedItem<'a>>,
    pub(crate) transcoded_from: Option<&'static str>,
}

/// An item of a collection that could not be read: where it is, why, and
/// its JSON as sent, so that nothing is lost.
///
/// The error's path starts with the item's index (`[1].date`), and its
/// position is in the whole input.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct FailedItem<'a> {
    /// The item's index in the collection.
    pub index: usize,
    /// Why it could not be read.
    pub error: Error,
    /// The item as sent (raw control characters escaped).
    pub raw: RawJson<'a>,
}

impl FailedItem<'_> {
    /// Detaches the item from the input.
    #[must_use]
    pub fn into_owned(self) -> FailedItem<'static> {
        FailedItem {
            index: self.index,
            error: self.error,
            raw: self.raw.into_owned(),
        }
    }
}

impl<T> Deref for Parsed<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'a, T> Parsed<'a, T> {
    /// A value with nothing noticed.
    pub(crate) fn new(value: T) -> Parsed<'a, T> {
        Parsed {
            value,
            repairs: None,
            envelope: None,
            callback: None,
            warnings: Vec::new(),
            failures: Vec::new(),
            transcoded_from: None,
        }
    }

    /// The value read.
    #[must_use]
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The value, without the report.
    #[must_use]
    pub fn into_value(self) -> T {
        self.value
    }

    /// What was repaired (raw control characters, lone surrogate escapes,
    /// which strict JSON forbids), if anything.
    #[must_use]
    pub fn repairs(&self) -> Option<Repairs> {
        self.repairs
    }

    /// The fields that could not be typed and were kept as sent in their
    /// object's `extra`, each an [`Error`] with its kind, message, path and
    /// position; empty unless the read was
    /// [lenient](super::ReadOptions::lenient).
    #[must_use]
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }

    /// The items of a collection that could not be read, in order; the
    /// value holds the others.
    #[must_use]
    pub fn failures(&self) -> &[FailedItem<'a>] {
        &self.failures
    }

    /// The envelope, when the response came as `?_envelope`.
    #[must_use]
    pub fn envelope(&self) -> Option<&Envelope<'a>> {
        self.envelope.as_ref()
    }

    /// The JSONP callback name, when the response was wrapped in one.
    #[must_use]
    pub fn callback(&self) -> Option<&Text<'a>> {
        self.callback.as_ref()
    }

    /// The encoding the input was transcoded from to be read (`"UTF-16LE"`,
    /// `"windows-1252"`), when it was not UTF-8.
    #[must_use]
    pub fn transcoded_from(&self) -> Option<&'static str> {
        self.transcoded_from
    }

    /// Converts the value with `f`, keeping the report.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<'a, U> {
        Parsed {
            value: f(self.value),
            repairs: self.repairs,
            envelope: self.envelope,
            callback: self.callback,
            warnings: self.warnings,
            failures: self.failures,
            transcoded_from: self.transcoded_from,
        }
    }

    /// Every position of an input transcoded to be read (repairs,
    /// warnings, failed items), placed in the caller's bytes by
    /// `to_input`.
    pub(crate) fn in_transcoded(mut self, mut to_input: impl FnMut(usize) -> usize) -> Self {
        self.repairs = self.repairs.map(|r| r.in_transcoded(&mut to_input));
        self.warnings = self
            .warnings
            .into_iter()
            .map(|w| w.in_transcoded(&mut to_input))
            .collect();
        self.failures = self
            .failures
            .into_iter()
            .map(|mut f| {
                f.error = f.error.in_transcoded(&mut to_input);
                f
            })
            .collect();
        self
    }

    /// Detaches the report from the input, converting the value with `f`.
    pub(crate) fn detach<U>(self, f: impl FnOnce(T) -> U) -> Parsed<'static, U> {
        Parsed {
            value: f(self.value),
            repairs: self.repairs,
            envelope: self.envelope.map(Envelope::into_owned),
            callback: self.callback.map(Text::into_owned),
            warnings: self.warnings,
            failures: self
                .failures
                .into_iter()
                .map(FailedItem::into_owned)
                .collect(),
            transcoded_from: self.transcoded_from,
        }
    }
}
