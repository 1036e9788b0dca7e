//! The entry points: options, the parsed result, and reading any resource
//! from a response's bytes.

use std::ops::{Deref, Range};

use serde::Deserialize;

use super::error_path::json_error;
use super::input::{element_offset, first_byte, first_key, locate_json, offset_in};
use super::json::Controls;
use super::object::{FromMap, InPlace, append_in_place, wp_object};
use super::raw::RawSpan;
use super::repair::Repairs;
use super::{ApiError, Comment, Kind, Media, Object, PhpMap, Post, RawJson, Response, Term, User};
use crate::error::LineCounter;
use crate::{Error, ErrorKind, Text};

/// How to read WordPress JSON.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, ReadOptions, Post};
///
/// let dump = "{\"id\":1,\"content\":{\"rendered\":\"<p>a\n</p>\"}}"; // a raw newline
/// assert!(wordpress::from_str::<Post>(dump).is_ok());
/// let err = wordpress::from_str_with::<Post>(dump, &ReadOptions::strict()).unwrap_err();
/// assert_eq!(err.position().map(|p| (p.line(), p.column())), Some((1, 36))); // the newline
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Read raw control characters (a literal newline) inside strings,
    /// which strict JSON forbids but dumps and scrapes contain, and report
    /// them in [`Parsed::repairs`]: a string's value holds them as they are,
    /// and a value kept as [`RawJson`] or [`JsonStr`](super::JsonStr) gets
    /// them escaped, so that it stays JSON. When `false`, they are an error
    /// at the first one. Default: `true`.
    pub repair_control_characters: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            repair_control_characters: true,
        }
    }
}

impl ReadOptions {
    /// Strict JSON: no repairs.
    #[must_use]
    pub fn strict() -> ReadOptions {
        ReadOptions {
            repair_control_characters: false,
        }
    }
}

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

/// A value read from a response, with what was noticed while reading it.
///
/// It derefs to the value, so `parsed.title` reads the post's title;
/// [`Parsed::into_value`] takes the value out. [`frontmatter::Document`]
/// has the same shape.
///
/// [`frontmatter::Document`]: crate::frontmatter::Document
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Parsed<'a, T> {
    value: T,
    repairs: Option<Repairs>,
    envelope: Option<Envelope<'a>>,
    callback: Option<Text<'a>>,
}

impl<T> Deref for Parsed<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'a, T> Parsed<'a, T> {
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

    /// The raw control characters that were read past (which strict JSON
    /// forbids), if any.
    #[must_use]
    pub fn repairs(&self) -> Option<Repairs> {
        self.repairs
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

    /// Converts the value with `f`, keeping the report.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Parsed<'a, U> {
        Parsed {
            value: f(self.value),
            repairs: self.repairs,
            envelope: self.envelope,
            callback: self.callback,
        }
    }
}

impl<'a, T: Resource<'a>> Parsed<'a, T> {
    /// Detaches everything from the input.
    #[must_use]
    pub fn into_owned(self) -> Parsed<'static, T::Owned> {
        Parsed {
            value: self.value.into_static(),
            repairs: self.repairs,
            envelope: self.envelope.map(Envelope::into_owned),
            callback: self.callback.map(Text::into_owned),
        }
    }
}

/// A type that can be read from a REST API response: [`Post`], [`Media`],
/// [`Term`], [`User`], [`Comment`], [`ApiError`], a `Vec` of one of them (a
/// collection), or [`Response`] (whatever the response holds).
pub trait Resource<'a>: private::Read<'a> {}

/// A [`Resource`] detached from any input — `Post<'static>`,
/// `Vec<Post<'static>>`, `Response<'static>` and the rest — which
/// [`from_reader`] and [`from_slice_owned`] give.
pub trait OwnedResource: private::Owned {}

pub(crate) mod private {
    use super::*;

    /// Sealed: the borrowing resource an owned one is read as.
    pub trait Owned: Sized + 'static {
        /// The same type, borrowing from an input.
        type Borrowed<'a>: Resource<'a> + Read<'a, Owned = Self>;
    }

    /// Sealed: how a resource is read from a buffer.
    pub trait Read<'a>: Sized {
        /// The same type, detached from the input.
        type Owned: 'static;
        /// Reads `buf[range]`, with raw control characters counted in
        /// `controls` when they are repaired; error positions are offsets in
        /// `buf`.
        fn read(buf: &'a str, range: Range<usize>, controls: Ctl<'_>) -> Result<Self, Error>;
        /// The value [`Read::read_into`] starts from: a default model, which
        /// it fills in place, or an empty collection, which it replaces.
        fn empty() -> Self;
        /// [`Read::read`] into `out`, an [`Read::empty`] value: in place,
        /// for the models, so that a 2 kB post is not copied on its way out
        /// to the caller's [`Parsed`].
        fn read_into(
            buf: &'a str,
            range: Range<usize>,
            controls: Ctl<'_>,
            out: &mut Self,
        ) -> Result<(), Error> {
            *out = Self::read(buf, range, controls)?;
            Ok(())
        }
        /// See [`Parsed::into_owned`].
        fn into_static(self) -> Self::Owned;
    }
}
use private::Read;

/// Where raw control characters are counted when they are repaired; `None`
/// when they are an error.
type Ctl<'c> = Option<&'c Controls>;

/// Parses `buf[range]` as JSON into `T`.
fn json<'b, T: Deserialize<'b>>(
    buf: &'b str,
    range: Range<usize>,
    ctl: Ctl<'_>,
) -> Result<T, Error> {
    json_seed(buf, range, ctl, std::marker::PhantomData)
}

/// [`json`] through a seed.
fn json_seed<'b, S: serde::de::DeserializeSeed<'b>>(
    buf: &'b str,
    range: Range<usize>,
    ctl: Ctl<'_>,
    seed: S,
) -> Result<S::Value, Error> {
    let start = range.start;
    super::json::from_str_seed(&buf[range], start, ctl, seed).map_err(|e| json_error(buf, start, e))
}

/// The error for a response that is a REST API error where `what` was
/// expected.
fn api_error(err: &ApiError<'_>, what: &str, at: usize) -> Error {
    Error::new(ErrorKind::Api, format!("expected {what}, found a {err}")).at_byte(at)
}

/// Models read as single objects, checked to be the kind asked for.
pub(crate) trait Model<'a>: FromMap<'a> {
    const KIND: Kind;
    fn kind(&self) -> (Kind, &'static str);
    fn is_empty(&self) -> bool;
    /// Whether it had one of the keys its model reads.
    fn has_known_key(&self) -> bool;
}

/// Whether an object of `kind` can be read as `T`: it is one, or an
/// attachment read as a post, or an object of no clear kind that has some of
/// `T`'s keys (a response to `?_fields=meta`) or none at all.
fn compatible<'b, T: Model<'b>>(value: &T, kind: Kind) -> bool {
    kind == T::KIND
        || (T::KIND == Kind::Post && kind == Kind::Media)
        || (kind == Kind::Other && (value.is_empty() || value.has_known_key()))
}

/// Reads one object of model `T` from `buf[range]`, and checks that it is one.
fn read_model<'b, T: Model<'b>>(
    buf: &'b str,
    range: Range<usize>,
    ctl: Ctl<'_>,
) -> Result<T, Error> {
    let mut value = T::default();
    read_model_into(buf, range, ctl, &mut value)?;
    Ok(value)
}

/// [`read_model`] into `value`, a default `T`.
fn read_model_into<'b, T: Model<'b>>(
    buf: &'b str,
    range: Range<usize>,
    ctl: Ctl<'_>,
    value: &mut T,
) -> Result<(), Error> {
    let at = range.start + buf[range.clone()].len() - buf[range.clone()].trim_start().len();
    if T::KIND != Kind::Error && first_key(&buf[range.clone()]) == Some("code") {
        let err: ApiError<'_> = json(buf, range, ctl)?;
        return Err(api_error(&err, &format!("a {} object", T::KIND), at));
    }
    json_seed(buf, range, ctl, InPlace(&mut *value))?;
    let (kind, because) = value.kind();
    if compatible::<T>(value, kind) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::UnexpectedKind,
            format!("expected a {} object, found {because}", T::KIND),
        )
        .at_byte(at))
    }
}

/// Reads a collection of `T`, placing an error on the element that has it.
fn read_models<'b, T: Model<'b>>(
    buf: &'b str,
    range: Range<usize>,
    ctl: Ctl<'_>,
) -> Result<Vec<T>, Error> {
    if first_key(&buf[range.clone()]) == Some("code") {
        let err: ApiError<'_> = json(buf, range.clone(), ctl)?;
        let at = range.start + buf[range].find('{').unwrap_or(0);
        return Err(api_error(
            &err,
            &format!("a collection of {} objects", T::KIND),
            at,
        ));
    }
    let start = range.start;
    let InPlaceVec::<T>(items) = json(buf, range, ctl)?;
    for (i, item) in items.iter().enumerate() {
        let (kind, because) = item.kind();
        if !compatible::<T>(item, kind) {
            return Err(Error::new(
                ErrorKind::UnexpectedKind,
                format!("expected a {} object, found {because}", T::KIND),
            )
            .with_path(format!("[{i}]"))
            .at_byte(element_offset(buf, start, i)));
        }
    }
    Ok(items)
}

/// A JSON array of models, each read in place at the end of the vector.
struct InPlaceVec<T>(Vec<T>);

impl<'de: 'a, 'a, T: FromMap<'a>> Deserialize<'de> for InPlaceVec<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeqVisitor<T>(Vec<T>);

        impl<'de: 'a, 'a, T: FromMap<'a>> serde::de::Visitor<'de> for SeqVisitor<T> {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                mut self,
                seq: A,
            ) -> Result<Vec<T>, A::Error> {
                append_in_place(seq, &mut self.0)?;
                Ok(self.0)
            }
        }

        // Room for a page of WordPress's default size (`per_page=10`) up
        // front: growing to it copies 12 posts of 2 kB on the way, 7% of
        // reading a page fetched with `_fields=id,title,link`.
        deserializer
            .deserialize_seq(SeqVisitor(Vec::with_capacity(10)))
            .map(InPlaceVec)
    }
}

/// Implements `Resource` for a model and for a collection of it.
macro_rules! resource {
    ($($ty:ident),*) => {$(
        impl<'a> Resource<'a> for $ty<'a> {}
        impl OwnedResource for $ty<'static> {}
        impl private::Owned for $ty<'static> {
            type Borrowed<'a> = $ty<'a>;
        }
        impl OwnedResource for Vec<$ty<'static>> {}
        impl private::Owned for Vec<$ty<'static>> {
            type Borrowed<'a> = Vec<$ty<'a>>;
        }
        impl<'a> Read<'a> for $ty<'a> {
            type Owned = $ty<'static>;
            fn read(buf: &'a str, range: Range<usize>, ctl: Ctl<'_>) -> Result<Self, Error> {
                read_model(buf, range, ctl)
            }
            fn empty() -> Self {
                Self::default()
            }
            fn read_into(
                buf: &'a str,
                range: Range<usize>,
                ctl: Ctl<'_>,
                out: &mut Self,
            ) -> Result<(), Error> {
                read_model_into(buf, range, ctl, out)
            }
            fn into_static(self) -> $ty<'static> {
                self.into_owned()
            }
        }

        impl<'a> Resource<'a> for Vec<$ty<'a>> {}
        impl<'a> Read<'a> for Vec<$ty<'a>> {
            type Owned = Vec<$ty<'static>>;
            fn read(buf: &'a str, range: Range<usize>, ctl: Ctl<'_>) -> Result<Self, Error> {
                read_models(buf, range, ctl)
            }
            fn empty() -> Self {
                Vec::new()
            }
            fn into_static(self) -> Vec<$ty<'static>> {
                self.into_iter().map($ty::into_owned).collect()
            }
        }
    )*};
}

resource!(Post, Media, Term, User, Comment, ApiError);

impl<'a> Resource<'a> for Response<'a> {}
impl OwnedResource for Response<'static> {}
impl private::Owned for Response<'static> {
    type Borrowed<'a> = Response<'a>;
}
impl<'a> Read<'a> for Response<'a> {
    type Owned = Response<'static>;
    fn read(buf: &'a str, range: Range<usize>, ctl: Ctl<'_>) -> Result<Self, Error> {
        read_response(buf, range, ctl)
    }
    fn empty() -> Self {
        Response::Collection(Vec::new())
    }
    fn into_static(self) -> Response<'static> {
        self.into_owned()
    }
}

/// Reads whatever `buf[range]` holds: one object or a collection, each
/// object read as the model its keys say it is.
fn read_response<'b>(
    buf: &'b str,
    range: Range<usize>,
    ctl: Ctl<'_>,
) -> Result<Response<'b>, Error> {
    match first_byte(&buf[range.clone()]) {
        Some(b'[') => {
            let items: Vec<RawSpan> = json(buf, range.clone(), ctl)?;
            let mut objects = Vec::with_capacity(items.len());
            for (i, span) in items.iter().enumerate() {
                let element = span.range_in(buf)?;
                let (at, raw) = (element.start, &buf[element.clone()]);
                let object = if raw.starts_with('{') {
                    read_object(buf, element, ctl)?
                } else {
                    return Err(Error::new(
                        ErrorKind::UnexpectedKind,
                        format!(
                            "expected an object in the collection, found `{}`",
                            short(raw)
                        ),
                    )
                    .with_path(format!("[{i}]"))
                    .at_byte(at));
                };
                objects.push(object);
            }
            Ok(Response::Collection(objects))
        }
        Some(b'{') => read_object(buf, range, ctl).map(Response::Single),
        _ => {
            // Not an object or array: let the reader say what it is (or
            // where the syntax breaks).
            let value: RawSpan = json(buf, range.clone(), ctl)?;
            let value = value.range_in(buf)?;
            let at = value.start;
            Err(Error::new(
                ErrorKind::UnexpectedKind,
                format!(
                    "expected a WordPress object or collection, found `{}`",
                    short(&buf[value])
                ),
            )
            .at_byte(at))
        }
    }
}

fn short(json: &str) -> &str {
    match json.char_indices().nth(40) {
        Some((i, _)) => &json[..i],
        None => json,
    }
}

/// Reads one object as the model its keys say it is.
fn read_object<'b>(buf: &'b str, range: Range<usize>, ctl: Ctl<'_>) -> Result<Object<'b>, Error> {
    if first_key(&buf[range.clone()]) == Some("code") {
        return json(buf, range, ctl).map(|e| Object::Error(Box::new(e)));
    }
    let post: Post<'b> = json(buf, range.clone(), ctl)?;
    Ok(match post.kind().0 {
        Kind::Post => Object::Post(Box::new(post)),
        Kind::Media => Object::Media(Box::new(json(buf, range, ctl)?)),
        Kind::Term => Object::Term(Box::new(json(buf, range, ctl)?)),
        Kind::User => Object::User(Box::new(json(buf, range, ctl)?)),
        Kind::Comment => Object::Comment(Box::new(json(buf, range, ctl)?)),
        Kind::Error => Object::Error(Box::new(json(buf, range, ctl)?)),
        Kind::Other => Object::Other(json(buf, range, ctl)?),
    })
}

/// Reads `T` from a response body: a post, a collection, whatever it is.
///
/// Accepts a leading UTF-8 BOM, a JSONP wrapper (`/**/cb(...)`) and the
/// `_envelope` form; repairs raw control characters inside strings (see
/// [`ReadOptions`]). Strings borrow from `input` wherever the JSON has no
/// escapes.
///
/// # Errors
///
/// When the input is not JSON, is truncated, has a value of the wrong type,
/// is a REST API error response ([`ErrorKind::Api`]), or is another kind of
/// object than `T` ([`ErrorKind::UnexpectedKind`]). The error's position is
/// in `input`, and its path names the field.
///
/// # Examples
///
/// ```
/// use pressmark::ErrorKind;
/// use pressmark::wordpress::{self, Post, Response};
///
/// let posts = wordpress::from_str::<Vec<Post>>(r#"[{"id":1},{"id":2}]"#)?;
/// assert_eq!(posts.len(), 2);
///
/// let any = wordpress::from_str::<Response>(r#"{"id":3,"name":"News","taxonomy":"category"}"#)?;
/// assert!(matches!(any.value(), Response::Single(wordpress::Object::Term(_))));
///
/// let err = wordpress::from_str::<Post>(
///     r#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#,
/// ).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Api);
/// assert_eq!(
///     err.to_string(),
///     "expected a post object, found a wordpress api error `rest_post_invalid_id` \
///      (status 404): Invalid post ID. at line 1 column 1"
/// );
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_str<'a, T: Resource<'a>>(input: &'a str) -> Result<Parsed<'a, T>, Error> {
    from_str_with(input, &ReadOptions::default())
}

/// [`from_str`] with options.
///
/// # Errors
///
/// As [`from_str`]; with [`ReadOptions::strict`], also at the first raw control
/// character inside a string.
pub fn from_str_with<'a, T: Resource<'a>>(
    input: &'a str,
    options: &ReadOptions,
) -> Result<Parsed<'a, T>, Error> {
    let bytes = input.as_bytes();
    let (range, callback) = locate_json(input).map_err(|e| e.relocate(bytes, |b| b))?;
    let (start, doc) = (range.start, &input[range]);
    let callback = callback.map(Text::borrowed);
    let controls = Controls::default();
    let ctl = options.repair_control_characters.then_some(&controls);
    // Built first and read into: the value is not copied out of the reader.
    let mut parsed = Parsed {
        value: T::empty(),
        repairs: None,
        envelope: None,
        callback,
    };
    parsed.envelope = read_document_into(doc, ctl, &mut parsed.value)
        .map_err(|e| e.relocate(bytes, |b| start + b))?;
    parsed.repairs = Repairs::counted(&controls, input, start);
    Ok(parsed)
}

/// [`from_str`] for bytes, which must be UTF-8.
///
/// # Errors
///
/// As [`from_str`], and when the bytes are not UTF-8 (at the first bad byte).
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
/// let bytes = b"\xEF\xBB\xBF{\"id\":5}"; // with a BOM
/// assert_eq!(wordpress::from_slice::<Post>(bytes)?.id, Some(5));
/// assert!(wordpress::from_slice::<Post>(b"{\"slug\":\"\xFF\"}").is_err());
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_slice<'a, T: Resource<'a>>(input: &'a [u8]) -> Result<Parsed<'a, T>, Error> {
    from_str(crate::error::utf8(input)?)
}

/// [`from_slice`], detached from `input`: owned values (`Post<'static>`,
/// `Vec<Post<'static>>`, [`Response<'static>`](Response)) for bytes you
/// do not keep — an HTTP client's body, a buffer you reuse.
///
/// The models borrow from their input, so they cannot be serde's
/// `DeserializeOwned` (which `reqwest`'s `Response::json` requires): take
/// the body's bytes and call this instead.
///
/// # Errors
///
/// As [`from_slice`].
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// fn fetch() -> Vec<u8> {
///     br#"[{"id":1,"slug":"tides"},{"id":2,"slug":"storms"}]"#.to_vec()
/// }
/// let posts: Vec<Post<'static>> = wordpress::from_slice_owned::<Vec<Post>>(&fetch())?.into_value();
/// assert_eq!(posts[1].slug.as_deref(), Some("storms"));
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_slice_owned<T: OwnedResource>(input: &[u8]) -> Result<Parsed<'static, T>, Error> {
    from_slice::<T::Borrowed<'_>>(input).map(Parsed::into_owned)
}

/// Reads all of `reader` and gives owned values, as [`from_slice_owned`]:
/// a file, a socket, a decompressor, any [`std::io::Read`].
///
/// The whole input is read into memory first.
///
/// # Errors
///
/// [`ErrorKind::Io`] when reading fails, and the errors of [`from_slice`].
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let file = std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/wordpress-post.json"))
///     .expect("the example post");
/// let post: Post<'static> = wordpress::from_reader::<Post>(file)?.into_value();
/// assert_eq!(post.id, Some(2048));
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_reader<T: OwnedResource>(
    mut reader: impl std::io::Read,
) -> Result<Parsed<'static, T>, Error> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the input: {e}")).with_source(e)
    })?;
    from_slice_owned(&bytes)
}

/// The body range and the envelope, when `doc` is an `_envelope` response.
fn envelope_of<'a>(
    doc: &'a str,
    ctl: Ctl<'_>,
) -> Result<(Range<usize>, Option<Envelope<'a>>), Error> {
    if first_key(doc) != Some("body") {
        return Ok((0..doc.len(), None));
    }
    let envelope: Envelope<'_> = json(doc, 0..doc.len(), ctl)?;
    let body = envelope.body.as_ref().map(RawJson::get).unwrap_or("null");
    let range = match offset_in(doc, body) {
        Some(start) => start..start + body.len(),
        // A body with raw control characters is kept as an escaped copy:
        // find it in the document again.
        None => match json::<BodySpan>(doc, 0..doc.len(), ctl)?.body {
            Some(span) => span.range_in(doc)?,
            None => {
                return Err(Error::new(
                    ErrorKind::MissingField,
                    "`_envelope` response whose `body` is missing or `null`",
                )
                .at_byte(0));
            }
        },
    };
    Ok((range, Some(envelope)))
}

/// Where an envelope's body is.
#[derive(Deserialize)]
struct BodySpan {
    body: Option<RawSpan>,
}

/// Reads `doc` into `out`; returns the envelope, if the response has one.
fn read_document_into<'a, T: Resource<'a>>(
    doc: &'a str,
    ctl: Ctl<'_>,
    out: &mut T,
) -> Result<Option<Envelope<'a>>, Error> {
    let (range, envelope) = envelope_of(doc, ctl)?;
    T::read_into(doc, range, ctl, out)?;
    Ok(envelope)
}

/// Reads a collection one object at a time.
///
/// The array is scanned once up front (to find its elements); each element
/// is read when the iterator reaches it, so one bad element gives one
/// error and the others still read. Raw control characters inside strings
/// are repaired, as by [`from_str`], and [`Items::repairs`] reports them for
/// the whole collection.
///
/// # Errors
///
/// When the input is not a JSON array; each item's own errors come from the
/// iterator.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// let json = r#"[{"id":1},{"id":true},{"id":3}]"#;
/// let results: Vec<_> = wordpress::items::<Post>(json)?.collect();
/// assert_eq!(results.len(), 3);
/// assert_eq!(results[0].as_ref().unwrap().id, Some(1));
/// let err = results[1].as_ref().unwrap_err();
/// assert_eq!(err.path(), Some("[1].id"));
/// assert_eq!(err.position().unwrap().column(), 17); // at `true`
///
/// // A raw line feed inside a string, in a dump: read, and reported.
/// let dump = "[{\"id\":4,\"slug\":\"a\nb\"}]";
/// let items = wordpress::items::<Post>(dump)?;
/// let repairs = items.repairs().unwrap();
/// assert_eq!((repairs.count(), repairs.first().column()), (1, 19));
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn items<'a, T: Resource<'a>>(input: &'a str) -> Result<Items<'a, T>, Error> {
    let bytes = input.as_bytes();
    let (range, _) = locate_json(input).map_err(|e| e.relocate(bytes, |b| b))?;
    let start = range.start;
    let doc = &input[range];
    let controls = Controls::default();
    let elements = (|| -> Result<Vec<Range<usize>>, Error> {
        let (body, _) = envelope_of(doc, Some(&controls))?;
        let spans: Vec<RawSpan> = json(doc, body, Some(&controls))?;
        spans.iter().map(|span| span.range_in(doc)).collect()
    })();
    let elements = elements.map_err(|e| e.relocate(bytes, |b| start + b))?;
    // The scan read every string of the collection, so it counted every
    // raw control character there is.
    let repairs = Repairs::counted(&controls, input, start);
    Ok(Items {
        input,
        doc,
        start,
        elements: elements.into_iter().enumerate(),
        lines: LineCounter::default(),
        repairs,
        _t: std::marker::PhantomData,
    })
}

/// An iterator over a collection's objects, from [`items`].
pub struct Items<'a, T> {
    input: &'a str,
    doc: &'a str,
    start: usize,
    elements: std::iter::Enumerate<std::vec::IntoIter<Range<usize>>>,
    lines: LineCounter,
    repairs: Option<Repairs>,
    _t: std::marker::PhantomData<fn() -> T>,
}

impl<T> Items<'_, T> {
    /// The raw control characters read inside the collection's strings
    /// (which strict JSON forbids), all of them, whether or not their items
    /// have been read yet; `None` when there are none.
    #[must_use]
    pub fn repairs(&self) -> Option<Repairs> {
        self.repairs
    }
}

impl<'a, T: Resource<'a>> Iterator for Items<'a, T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let (index, range) = self.elements.next()?;
        let start = self.start;
        // Each element is read as a buffer of its own, so that placing an
        // error (its path, its offset) scans the element, not everything
        // before it; the path then gets the element's index in front.
        // Raw control characters are repaired; `items` counted them all.
        let result = T::read(
            &self.doc[range.clone()],
            0..range.len(),
            Some(&Controls::default()),
        );
        Some(result.map_err(|err| {
            // From an offset in the element to one in the input.
            let at = err.position().map(|p| start + range.start + p.byte());
            let err = err.in_field(&format!("[{index}]"));
            match at {
                Some(at) => err.with_position(self.lines.locate(self.input.as_bytes(), at)),
                None => err,
            }
        }))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.elements.size_hint()
    }
}

impl<'a, T: Resource<'a>> ExactSizeIterator for Items<'a, T> {}

impl<T> std::fmt::Debug for Items<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Items")
            .field("remaining", &self.elements.len())
            .field("repairs", &self.repairs)
            .finish()
    }
}
