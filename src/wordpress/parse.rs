//! Reading any resource from a response: the entry points, and how each
//! model and collection is read — strictly at full speed, then, for what
//! failed, item by item and (when asked) leniently.

use std::cell::Cell;
use std::marker::PhantomData;
use std::ops::Range;

use serde::Deserialize;

use super::error_path::{json_error, json_error_at};
use super::input::{first_byte, first_key, locate_json, offset_in, opening_keys};
use super::json::Controls;
use super::kind::{KeySet, KeyView, classify, links_say_wordpress, not_wordpress};
use super::lenient;
use super::object::{FromMap, InPlace, append_in_place};
use super::parsed::{Envelope, FailedItem, Parsed};
use super::raw::RawSpan;
use super::read_options::ReadOptions;
use super::repair::Repairs;
use super::{
    ApiError, Comment, Kind, Media, MenuItem, Object, PhpMap, Post, PostStatusObject,
    PostTypeObject, Product, RawJson, Response, SearchResult, Settings, TaxonomyObject, Template,
    Term, User,
};
use crate::error::LineCounter;
use crate::{Error, ErrorKind, Text};

impl<'a, T: Resource<'a>> Parsed<'a, T> {
    /// Detaches everything from the input.
    #[must_use]
    pub fn into_owned(self) -> Parsed<'static, T::Owned> {
        self.detach(T::into_static)
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
        type Owned: Owned;
        /// Reads `buf[range]` as `cx` says; what it meets besides the
        /// value goes in `met`. Error positions are offsets in `buf`.
        fn read(
            buf: &'a str,
            range: Range<usize>,
            cx: Cx<'_>,
            met: &mut Met<'a>,
        ) -> Result<Self, Error>;
        /// The value [`Read::read_into`] starts from: a default model, which
        /// it fills in place, or an empty collection, which it replaces.
        fn empty() -> Self;
        /// [`Read::read`] into `out`, an [`Read::empty`] value: in place,
        /// for the models, so that a 1.5 kB post is not copied on its way out
        /// to the caller's [`Parsed`].
        fn read_into(
            buf: &'a str,
            range: Range<usize>,
            cx: Cx<'_>,
            met: &mut Met<'a>,
            out: &mut Self,
        ) -> Result<(), Error> {
            *out = Self::read(buf, range, cx, met)?;
            Ok(())
        }
        /// See [`Parsed::into_owned`].
        fn into_static(self) -> Self::Owned;
        /// The owned value, as the borrowing type (which it is, for any
        /// input's lifetime).
        fn from_static(owned: Self::Owned) -> Self;
    }

    /// How one read goes.
    #[derive(Clone, Copy)]
    pub struct Cx<'c> {
        /// Where repairs are counted, when there are any to make; `None`
        /// when raw control characters and lone surrogates are errors.
        pub(crate) ctl: Option<&'c Controls>,
        /// Where the buffer read starts in the document, for counting
        /// repairs once.
        pub(crate) base: usize,
        pub(crate) lenient: bool,
        pub(crate) all_or_nothing: bool,
    }

    impl<'c> Cx<'c> {
        /// How `options` read a document, repairs counted in `controls`
        /// (made with the same options).
        pub(crate) fn new(options: &ReadOptions, controls: &'c Controls) -> Cx<'c> {
            Cx {
                ctl: (options.repair_control_characters || options.repair_lone_surrogates)
                    .then_some(controls),
                base: 0,
                lenient: options.lenient,
                all_or_nothing: options.all_or_nothing,
            }
        }
    }

    /// What a read met besides its value, with byte offsets in the buffer
    /// read.
    #[derive(Default)]
    pub struct Met<'a> {
        pub(crate) failures: Vec<FailedItem<'a>>,
        pub(crate) warnings: Vec<Error>,
    }
}
use private::{Cx, Met, Read};

impl<'a> Met<'a> {
    /// The failures and warnings, placed in `input`, where the buffer
    /// read starts at byte `start`; each list in the order read, so lines
    /// are counted forward through the input once for each.
    fn placed(self, input: &str, start: usize) -> (Vec<FailedItem<'a>>, Vec<Error>) {
        // Most reads meet nothing: no lists to walk.
        if self.failures.is_empty() && self.warnings.is_empty() {
            return (self.failures, self.warnings);
        }
        let bytes = input.as_bytes();
        let mut lines = LineCounter::default();
        let failures = self
            .failures
            .into_iter()
            .map(|f| FailedItem {
                error: f.error.placed(&mut lines, bytes, start),
                ..f
            })
            .collect();
        let mut lines = LineCounter::default();
        let warnings = self
            .warnings
            .into_iter()
            .map(|w| w.placed(&mut lines, bytes, start))
            .collect();
        (failures, warnings)
    }
}

/// Parses `buf[range]` as JSON into `T`.
fn json<'b, T: Deserialize<'b>>(buf: &'b str, range: Range<usize>, cx: Cx<'_>) -> Result<T, Error> {
    json_seed(buf, range, cx, std::marker::PhantomData)
}

/// [`json`] through a seed.
fn json_seed<'b, S: serde::de::DeserializeSeed<'b>>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    seed: S,
) -> Result<S::Value, Error> {
    let start = range.start;
    super::json::from_str_seed(&buf[range], cx.base + start, cx.ctl, seed)
        .map_err(|e| json_error(buf, start, e))
}

/// Whether an error is about a value, which a lenient read can keep as
/// sent, rather than about the JSON itself.
fn about_a_value(err: &Error) -> bool {
    !matches!(err.kind(), ErrorKind::Syntax | ErrorKind::UnexpectedEof)
}

/// Reads the object `buf[range]` into `place`, a default `T`; when a field
/// fails it and the read is lenient, reads it again with each field that
/// does not type kept as sent, its warning added to `met`.
fn read_fields<'b, T: FromMap<'b>>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
    place: &mut T,
) -> Result<(), Error> {
    let first = match cx.lenient {
        true => lenient::first_pass(|| json_seed(buf, range.clone(), cx, InPlace(&mut *place))),
        false => json_seed(buf, range.clone(), cx, InPlace(&mut *place)),
    };
    match first {
        Ok(()) => Ok(()),
        Err(err) if cx.lenient && about_a_value(&err) => {
            *place = T::default();
            let (result, warnings) =
                lenient::scope(buf, || json_seed(buf, range, cx, InPlace(&mut *place)));
            result?;
            met.warnings.extend(
                warnings
                    .into_iter()
                    .map(|(at, warning)| json_error_at(buf, at, warning)),
            );
            Ok(())
        }
        Err(err) => Err(err),
    }
}

/// Reads one item of a collection, `buf[element]`, as a buffer of its own
/// with `read`: placing an error (its path, its offset) then scans the
/// item, not everything before it, and an error's path gets the item's
/// index in front. What the item met goes into `met`, placed in `buf`.
fn read_item<'b, T>(
    buf: &'b str,
    element: Range<usize>,
    index: usize,
    cx: Cx<'_>,
    met: &mut Met<'b>,
    read: impl FnOnce(&'b str, Cx<'_>, &mut Met<'b>) -> Result<T, Error>,
) -> Result<T, FailedItem<'b>> {
    let item = &buf[element.clone()];
    let cx = Cx {
        base: cx.base + element.start,
        ..cx
    };
    let in_collection = |err: Error| -> Error {
        let at = err.position().map(|p| p.byte());
        let err = err.in_field(&format!("[{index}]"));
        match at {
            Some(at) => err.at_byte(element.start + at),
            None => err,
        }
    };
    let mut own = Met::default();
    match read(item, cx, &mut own) {
        Ok(value) => {
            met.warnings
                .extend(own.warnings.into_iter().map(&in_collection));
            Ok(value)
        }
        Err(err) => Err(FailedItem {
            index,
            error: in_collection(err),
            raw: RawJson::from_source(item),
        }),
    }
}

/// Reads each element of the array `buf[range]` with `read` (see
/// [`read_item`]): the ones that read, and the others set aside in `met`
/// (or, all or nothing, the first one's error). When none reads, there is
/// nothing to give: the first one's error.
fn read_each<'b, T>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
    read: impl Fn(&'b str, Cx<'_>, &mut Met<'b>) -> Result<T, Error>,
) -> Result<Vec<T>, Error> {
    let spans: Vec<RawSpan> = json(buf, range, cx)?;
    let mut items = Vec::with_capacity(spans.len());
    let mut failures = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        let element = span.range_in(buf)?;
        match read_item(buf, element, index, cx, met, &read) {
            Ok(item) => items.push(item),
            Err(failed) if cx.all_or_nothing => return Err(failed.error),
            Err(failed) => failures.push(failed),
        }
    }
    if items.is_empty() && !failures.is_empty() {
        return Err(failures.swap_remove(0).error);
    }
    met.failures.append(&mut failures);
    Ok(items)
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

/// Whether an object of `kind` can be read as `T`: it is one, or a
/// post-like object (an attachment, a revision, a reusable block) read as
/// a post, or an object of no clear kind that has some of `T`'s keys (a
/// response to `?_fields=meta`) or none at all.
fn compatible<'b, T: Model<'b>>(value: &T, kind: Kind) -> bool {
    let post_like = matches!(
        kind,
        Kind::Media | Kind::Revision | Kind::Autosave | Kind::ReusableBlock | Kind::Navigation
    );
    kind == T::KIND
        || (T::KIND == Kind::Post && post_like)
        || (kind == Kind::Other && (value.is_empty() || value.has_known_key()))
}

/// The error for an object of another kind than `T`.
fn unexpected_kind<'b, T: Model<'b>>(because: &str, at: usize) -> Error {
    Error::new(
        ErrorKind::UnexpectedKind,
        format!("expected a {} object, found {because}", T::KIND),
    )
    .at_byte(at)
}

/// Reads one object of model `T` from `buf[range]`, and checks that it is one.
fn read_model<'b, T: Model<'b>>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
) -> Result<T, Error> {
    let mut value = T::default();
    read_model_into(buf, range, cx, met, &mut value)?;
    Ok(value)
}

/// [`read_model`] into `value`, a default `T`.
fn read_model_into<'b, T: Model<'b>>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
    value: &mut T,
) -> Result<(), Error> {
    let at = range.start + buf[range.clone()].len() - buf[range.clone()].trim_start().len();
    if T::KIND != Kind::Error && first_key(&buf[range.clone()]) == Some("code") {
        let err: ApiError<'_> = json(buf, range, cx)?;
        return Err(api_error(&err, &format!("a {} object", T::KIND), at));
    }
    let warned = met.warnings.len();
    read_fields(buf, range, cx, met, value)?;
    let (kind, because) = value.kind();
    if compatible::<T>(value, kind) {
        Ok(())
    } else {
        met.warnings.truncate(warned);
        Err(unexpected_kind::<T>(because, at))
    }
}

/// Reads a collection of `T`: every item at once, in place; when one fails,
/// item by item, setting aside the ones that fail.
fn read_models<'b, T: Model<'b>>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
) -> Result<Vec<T>, Error> {
    if first_key(&buf[range.clone()]) == Some("code") {
        let err: ApiError<'_> = json(buf, range.clone(), cx)?;
        let at = range.start + buf[range].find('{').unwrap_or(0);
        return Err(api_error(
            &err,
            &format!("a collection of {} objects", T::KIND),
            at,
        ));
    }
    let read_all = || json::<InPlaceVec<T>>(buf, range.clone(), cx);
    let all = match cx.lenient {
        true => lenient::first_pass(read_all),
        false => read_all(),
    };
    let all = all.and_then(|InPlaceVec(items)| {
        match items
            .iter()
            .all(|item| compatible::<T>(item, item.kind().0))
        {
            true => Ok(items),
            // Said again below, on the item.
            false => Err(Error::new(ErrorKind::UnexpectedKind, "")),
        }
    });
    match all {
        Ok(items) => Ok(items),
        // Broken JSON fails the whole read: its items cannot be told apart.
        Err(err) if !about_a_value(&err) => Err(err),
        Err(_) => read_each(buf, range, cx, met, |item, cx, met| {
            read_model::<T>(item, 0..item.len(), cx, met)
        }),
    }
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
        // front: growing to it copies twelve whole posts on the way, much
        // of reading a page fetched with `_fields=id,title,link`.
        deserializer
            .deserialize_seq(SeqVisitor(Vec::with_capacity(10)))
            .map(InPlaceVec)
    }
}

/// A JSON array of models, each read in place in a box of its own (a
/// collection of hundreds of 1.5 kB posts grows by moving pointers, and a
/// post becomes an [`Object`] without a copy), that stops at the first
/// element that is not of `kind` by its keys: `first` holds what the first
/// element is once it has read.
struct BoxesOfKind<'f, T> {
    kind: Kind,
    first: &'f Cell<Option<Option<Kind>>>,
    model: PhantomData<fn() -> T>,
}

impl<'de: 'a, 'a, T: FromMap<'a> + KeyView> serde::de::DeserializeSeed<'de> for BoxesOfKind<'_, T> {
    type Value = Vec<Box<T>>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de: 'a, 'a, T: FromMap<'a> + KeyView> serde::de::Visitor<'de> for BoxesOfKind<'_, T> {
    type Value = Vec<Box<T>>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(10);
        // Each told apart as soon as it is read, while it is in the cache:
        // told apart after the whole collection, a post's fields were read
        // back from memory (and the pass went on after one of another kind).
        while seq.next_element_seed(PushBoxed(&mut items))?.is_some() {
            let kind = classify(&*items[items.len() - 1]).map(|(kind, _)| kind);
            if items.len() == 1 {
                self.first.set(Some(kind));
            }
            if kind != Some(self.kind) {
                return Err(serde::de::Error::custom("an object is of another kind"));
            }
        }
        Ok(items)
    }
}

/// Reads one element into a new box at the end of the vector it borrows.
struct PushBoxed<'v, T>(&'v mut Vec<Box<T>>);

impl<'de: 'a, 'a, T: FromMap<'a>> serde::de::DeserializeSeed<'de> for PushBoxed<'_, T> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.0.push(Box::default());
        let last = self.0.len() - 1;
        T::deserialize_into(deserializer, &mut self.0[last])
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
            fn read(buf: &'a str, range: Range<usize>, cx: Cx<'_>, met: &mut Met<'a>) -> Result<Self, Error> {
                read_model(buf, range, cx, met)
            }
            fn empty() -> Self {
                Self::default()
            }
            fn read_into(
                buf: &'a str,
                range: Range<usize>,
                cx: Cx<'_>,
                met: &mut Met<'a>,
                out: &mut Self,
            ) -> Result<(), Error> {
                read_model_into(buf, range, cx, met, out)
            }
            fn into_static(self) -> $ty<'static> {
                self.into_owned()
            }
            fn from_static(owned: $ty<'static>) -> Self {
                owned
            }
        }

        impl<'a> Resource<'a> for Vec<$ty<'a>> {}
        impl<'a> Read<'a> for Vec<$ty<'a>> {
            type Owned = Vec<$ty<'static>>;
            fn read(buf: &'a str, range: Range<usize>, cx: Cx<'_>, met: &mut Met<'a>) -> Result<Self, Error> {
                read_models(buf, range, cx, met)
            }
            fn empty() -> Self {
                Vec::new()
            }
            fn into_static(self) -> Vec<$ty<'static>> {
                self.into_iter().map($ty::into_owned).collect()
            }
            fn from_static(owned: Vec<$ty<'static>>) -> Self {
                owned
            }
        }
    )*};
}

resource!(
    Post,
    Media,
    Term,
    User,
    Comment,
    ApiError,
    PostTypeObject,
    TaxonomyObject,
    PostStatusObject,
    Settings,
    SearchResult,
    Template,
    MenuItem,
    Product
);

impl<'a> Resource<'a> for Response<'a> {}
impl OwnedResource for Response<'static> {}
impl private::Owned for Response<'static> {
    type Borrowed<'a> = Response<'a>;
}
impl<'a> Read<'a> for Response<'a> {
    type Owned = Response<'static>;
    fn read(
        buf: &'a str,
        range: Range<usize>,
        cx: Cx<'_>,
        met: &mut Met<'a>,
    ) -> Result<Self, Error> {
        read_response(buf, range, cx, met)
    }
    fn empty() -> Self {
        Response::Collection(Vec::new())
    }
    fn into_static(self) -> Response<'static> {
        self.into_owned()
    }
    fn from_static(owned: Response<'static>) -> Self {
        owned
    }
}

/// Reads whatever `buf[range]` holds: one object or a collection, each
/// object read as the model its keys say it is; a collection's items that
/// do not read are set aside in `met`.
fn read_response<'b>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
) -> Result<Response<'b>, Error> {
    match first_byte(&buf[range.clone()]) {
        Some(b'[') => read_collection(buf, range, cx, met).map(Response::Collection),
        Some(b'{') => match read_object(buf, range.clone(), cx, met) {
            Err(err) if err.cause() == crate::error::Cause::NotWordPress => {
                read_keyed(buf, range, cx, met)
                    .map(Response::Keyed)
                    .ok_or(err)
            }
            object => object.map(Response::Single),
        },
        _ => {
            // Not an object or array: let the reader say what it is (or
            // where the syntax breaks).
            let value: RawSpan = json(buf, range.clone(), cx)?;
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

/// Reads a collection of any objects, each as the model its keys say it
/// is. An object that is no WordPress object by its keys alone is read as
/// a post when others are WordPress objects (a `?_fields=` subset); when
/// none is, the collection is not a WordPress response.
fn read_collection<'b>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
) -> Result<Vec<Object<'b>>, Error> {
    // Most collections hold one kind, which their first object's keys
    // say: read them all as it in one pass, in place, and item by item
    // only when one is of another kind or does not read as that. Most are
    // posts: the pass starts as posts, and stops after the first object
    // when that is not one.
    let first = Cell::new(None);
    let first_start = super::input::first_object_start(&buf[range.clone()])
        .map(|start| range.start + start..range.end);
    // A first object that opens as a term, user, comment or media item
    // does: all as that kind (each checked by its keys), else as posts.
    let told = first_start
        .clone()
        .and_then(|start| kind_by_opening(&buf[start]))
        .and_then(|kind| read_all_of_kind(buf, range.clone(), cx, kind, &first));
    first.set(None);
    let all = told.or_else(|| {
        if let Some(objects) =
            read_all_as::<Post<'b>>(buf, range.clone(), cx, Kind::Post, &first, Object::Post)
        {
            return Some(objects);
        }
        match first.get() {
            // The first object says another kind: all as it.
            Some(Some(kind)) if kind != Kind::Post => {
                read_all_of_kind(buf, range.clone(), cx, kind, &first)
            }
            // Posts, but a later object is not one or does not read; or
            // the first is of no kind.
            Some(_) => None,
            // The first object did not read as a post: its keys say what
            // it is. A first object too large to look at cheaply is taken
            // for a post (posts are the large ones), tried already.
            None => first_start
                .and_then(|start| first_kind(buf, start, cx))
                .filter(|&kind| kind != Kind::Post)
                .and_then(|kind| read_all_of_kind(buf, range.clone(), cx, kind, &first)),
        }
    });
    if let Some(objects) = all {
        return Ok(objects);
    }
    let spans: Vec<RawSpan> = json(buf, range, cx)?;
    let mut objects: Vec<Option<Object<'b>>> = Vec::with_capacity(spans.len());
    let mut failures = Vec::new();
    // Objects told from nothing: their ranges, read once the others say
    // what the collection is.
    let mut unknown = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        let element = span.range_in(buf)?;
        match read_item(buf, element.clone(), index, cx, met, read_element) {
            Ok(object) => objects.push(Some(object)),
            Err(failed) if failed.error.cause() == crate::error::Cause::NotWordPress => {
                objects.push(None);
                unknown.push((index, element, failed));
            }
            Err(failed) if cx.all_or_nothing => return Err(failed.error),
            Err(failed) => {
                objects.push(None);
                failures.push(failed);
            }
        }
    }
    if objects.iter().any(Option::is_some) {
        for (index, element, _) in unknown {
            let as_post = |item: &'b str, cx: Cx<'_>, met: &mut Met<'b>| {
                read_as::<Post>(item, 0..item.len(), cx, met).map(Object::Post)
            };
            match read_item(buf, element, index, cx, met, as_post) {
                Ok(object) => objects[index] = Some(object),
                Err(failed) if cx.all_or_nothing => return Err(failed.error),
                Err(failed) => failures.push(failed),
            }
        }
    } else if let Some((_, _, failed)) = unknown.into_iter().next() {
        return Err(failed.error);
    }
    if objects.iter().all(Option::is_none) && !failures.is_empty() {
        return Err(failures.swap_remove(0).error);
    }
    failures.sort_by_key(|f| f.index);
    met.failures.append(&mut failures);
    Ok(objects.into_iter().flatten().collect())
}

/// How many bytes of a collection's first object are looked at to tell
/// the collection's kind: a term, a user or a media item fits.
const FIRST_LOOK: usize = 4096;

/// The kind of the object that starts `buf[range]`, from its keys, read
/// within its first [`FIRST_LOOK`] bytes: a post when it does not end
/// within them, `None` when it does not read or its keys say no kind.
fn first_kind(buf: &str, range: Range<usize>, cx: Cx<'_>) -> Option<Kind> {
    let mut end = range.end.min(range.start.saturating_add(FIRST_LOOK));
    while !buf.is_char_boundary(end) {
        end -= 1;
    }
    let look = &buf[range.start..end];
    let keys = super::json::prefix_from_str_seed(
        look,
        cx.base + range.start,
        cx.ctl,
        PhantomData::<ObjectKeys<'_>>,
    );
    match keys {
        Ok(keys) => classify(&keys).map(|(kind, _)| kind),
        // Longer than the look (anything read past it is checked when the
        // collection is read).
        Err(_) if end < range.end => Some(Kind::Post),
        Err(_) => None,
    }
}

/// Reads every element of the array `buf[range]` as `T` in one pass;
/// `None` unless each reads and is of `kind` by its keys (the pass stops
/// at the first that is not). `first` tells what the first element is,
/// once it has read.
fn read_all_as<'b, T: FromMap<'b> + KeyView>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    kind: Kind,
    first: &Cell<Option<Option<Kind>>>,
    object: fn(Box<T>) -> Object<'b>,
) -> Option<Vec<Object<'b>>> {
    let seed = BoxesOfKind {
        kind,
        first,
        model: PhantomData,
    };
    let read_all = || json_seed(buf, range, cx, seed);
    let items = match cx.lenient {
        true => lenient::first_pass(read_all),
        false => read_all(),
    };
    // Each was told apart by the pass.
    Some(items.ok()?.into_iter().map(object).collect())
}

/// [`read_all_as`] the model of `kind`; `None` for a kind read item by
/// item.
fn read_all_of_kind<'b>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    kind: Kind,
    first: &Cell<Option<Option<Kind>>>,
) -> Option<Vec<Object<'b>>> {
    macro_rules! all_as {
        ($model:ident, $variant:ident) => {
            read_all_as::<$model<'b>>(buf, range, cx, kind, first, Object::$variant)
        };
    }
    match kind {
        Kind::Post => all_as!(Post, Post),
        Kind::Media => all_as!(Media, Media),
        Kind::Term => all_as!(Term, Term),
        Kind::User => all_as!(User, User),
        Kind::Comment => all_as!(Comment, Comment),
        Kind::MenuItem => all_as!(MenuItem, MenuItem),
        Kind::Product => all_as!(Product, Product),
        Kind::SearchResult => all_as!(SearchResult, SearchResult),
        Kind::Template => all_as!(Template, Template),
        _ => None,
    }
}

/// Reads an element of a collection, which must be an object.
fn read_element<'b>(item: &'b str, cx: Cx<'_>, met: &mut Met<'b>) -> Result<Object<'b>, Error> {
    if item.starts_with('{') {
        read_object(item, 0..item.len(), cx, met)
    } else {
        Err(Error::new(
            ErrorKind::UnexpectedKind,
            format!(
                "expected an object in the collection, found `{}`",
                short(item)
            ),
        )
        .at_byte(0))
    }
}

fn short(json: &str) -> &str {
    match json.char_indices().nth(40) {
        Some((i, _)) => &json[..i],
        None => json,
    }
}

/// Reads `buf[range]` as the model `T`, leniently when `cx` says so.
fn read_as<'b, T: FromMap<'b>>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
) -> Result<Box<T>, Error> {
    // Read in its box: a model built on the stack and boxed after was
    // copied whole (a post is 1.5 kB), and written twice.
    let mut value = Box::<T>::default();
    read_fields(buf, range, cx, met, &mut *value)?;
    Ok(value)
}

/// Reads one object as the model its keys say it is (see `kind.rs` for
/// the rule); one that is no WordPress object is an error that says so.
fn read_object<'b>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
) -> Result<Object<'b>, Error> {
    if first_key(&buf[range.clone()]) == Some("code") {
        return read_as(buf, range, cx, met).map(Object::Error);
    }
    let warned = met.warnings.len();
    if let Some(kind) = kind_by_opening(&buf[range.clone()]) {
        // Kept when its keys say the same; else read as below, which says
        // what it is, or why it does not read.
        match read_kind(kind, buf, range.clone(), cx, met, Ok(())) {
            Ok(object) if classify_object(&object) == Some(kind) => return Ok(object),
            _ => met.warnings.truncate(warned),
        }
    }
    // Most objects are posts: read as one, and again as another model
    // only when its keys say so (or it does not read as a post).
    let mut post = Box::<Post>::default();
    let read = read_fields(buf, range.clone(), cx, met, &mut *post);
    let kind = match &read {
        Ok(()) => classify(&*post).map(|(kind, _)| kind),
        // Broken JSON is broken whatever the object is.
        Err(err) if !about_a_value(err) => return Err(read.unwrap_err()),
        Err(_) => None,
    };
    match kind {
        Some(Kind::Post) => return Ok(Object::Post(post)),
        Some(kind @ (Kind::Revision | Kind::Autosave)) => {
            return Ok(Object::Revision(kind, post));
        }
        Some(kind @ (Kind::ReusableBlock | Kind::Navigation)) => {
            return Ok(Object::Block(kind, post));
        }
        // The post's keys are the object's: read as what they say it is,
        // without reading its keys again. (`Other` is told by `_links`,
        // which the two views check differently: the object's keys say.)
        Some(kind) if kind != Kind::Other => {
            met.warnings.truncate(warned);
            return read_kind(kind, buf, range, cx, met, read);
        }
        _ => met.warnings.truncate(warned),
    }
    let keys: ObjectKeys<'_> = json(buf, range.clone(), cx)?;
    let Some((kind, _)) = classify(&keys) else {
        return Err(match read {
            // A post's field would not read, and nothing else fits: that
            // field is the problem.
            Err(err) if keys.has_post_marker() => err,
            _ => not_wordpress_error(&keys, buf, range.start),
        });
    };
    read_kind(kind, buf, range, cx, met, read)
}

/// The kind an object opens as, by core's order of keys: a term opens
/// with `id` then `count`, a user with `id` then `name` (or `username`), a
/// comment with `id` then `post`; a post, or a media item, with `id` then
/// `date`, and a media item's `type`, `attachment`, comes ninth. Reads a
/// few bytes, or for a post a search of its first [`TYPE_WITHIN`]; the
/// caller checks the model read by its keys.
///
/// Most objects are posts, read as one first and again as what their keys
/// say only when they are not. Objects told here are read once instead. A
/// keys-only read to confirm the kind first cost these small objects more
/// than the post read it saved, and reading the keys up to `type` cost
/// every single post more than reading a media item twice costs: a search
/// for the string does not (inside a string value a quote is escaped, so
/// `"attachment"` is a whole string).
fn kind_by_opening(json: &str) -> Option<Kind> {
    match opening_keys(json)? {
        ("id", "count") => Some(Kind::Term),
        ("id", "name" | "username") => Some(Kind::User),
        ("id", "post") => Some(Kind::Comment),
        ("id", "date") => {
            let mut end = json.len().min(TYPE_WITHIN);
            while !json.is_char_boundary(end) {
                end -= 1;
            }
            json[..end]
                .contains("\"attachment\"")
                .then_some(Kind::Media)
        }
        _ => None,
    }
}

/// How many bytes of an object that opens as a post are searched for a
/// media item's `type` (core writes it after the dates, `guid`, `slug`
/// and `status`, some 300 to 500 bytes in).
const TYPE_WITHIN: usize = 1024;

/// What the keys of a term, user, comment or media item read say it is.
fn classify_object(object: &Object<'_>) -> Option<Kind> {
    let told = match object {
        Object::Media(media) => classify(&**media),
        Object::Term(term) => classify(&**term),
        Object::User(user) => classify(&**user),
        Object::Comment(comment) => classify(&**comment),
        _ => None,
    };
    told.map(|(kind, _)| kind)
}

/// Reads `buf[range]` as the model of `kind`; `post_read` is how reading
/// it as a post went, whose error is the object's when it is one.
fn read_kind<'b>(
    kind: Kind,
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
    post_read: Result<(), Error>,
) -> Result<Object<'b>, Error> {
    macro_rules! boxed {
        ($variant:ident) => {
            Object::$variant(read_as(buf, range, cx, met)?)
        };
    }
    Ok(match kind {
        // Its keys say post, but it did not read as one.
        Kind::Post | Kind::Revision | Kind::Autosave | Kind::ReusableBlock | Kind::Navigation => {
            post_read?;
            unreachable_post(kind)?
        }
        Kind::Media => boxed!(Media),
        Kind::Term => boxed!(Term),
        Kind::User => boxed!(User),
        Kind::Comment => boxed!(Comment),
        Kind::Error => boxed!(Error),
        Kind::PostType => boxed!(PostType),
        Kind::Taxonomy => boxed!(Taxonomy),
        Kind::Status => boxed!(Status),
        Kind::Settings => boxed!(Settings),
        Kind::SearchResult => boxed!(SearchResult),
        Kind::Template => boxed!(Template),
        Kind::MenuItem => boxed!(MenuItem),
        Kind::Product => boxed!(Product),
        other => Object::Other(other, json(buf, range, cx)?),
    })
}

/// A post whose read succeeded is returned before its kind is read again;
/// reaching here is a bug, said as an error rather than a panic.
fn unreachable_post(kind: Kind) -> Result<Object<'static>, Error> {
    Err(Error::new(
        ErrorKind::InvalidValue,
        format!("a {kind} object was read twice (a bug in pressmark)"),
    ))
}

/// "not a WordPress response", at the object.
fn not_wordpress_error(keys: &ObjectKeys<'_>, buf: &str, start: usize) -> Error {
    let at = start + buf[start..].len() - buf[start..].trim_start().len();
    Error::new(ErrorKind::UnknownFormat, not_wordpress(keys))
        .with_cause(crate::error::Cause::NotWordPress)
        .at_byte(at)
}

/// An object's keys, each with its value as raw JSON: what it is told
/// from when it did not read as a post.
#[derive(Deserialize)]
struct ObjectKeys<'a>(#[serde(borrow)] PhpMap<'a, RawJson<'a>>);

impl ObjectKeys<'_> {
    /// Whether it has a key or a rendered field only posts have, so that a
    /// field of a post that would not read is its problem.
    fn has_post_marker(&self) -> bool {
        ["title", "content", "excerpt", "guid"]
            .iter()
            .any(|k| self.is_object(k))
            || [
                "date_gmt",
                "modified_gmt",
                "featured_media",
                "comment_status",
            ]
            .iter()
            .any(|k| self.has(k))
    }
}

impl ObjectKeys<'_> {
    fn has(&self, key: &str) -> bool {
        self.0.get(key).is_some()
    }
}

impl KeyView for ObjectKeys<'_> {
    fn key_set(&self) -> KeySet {
        let mut set = KeySet::default();
        for key in self.0.keys() {
            set.add(key);
        }
        set
    }

    fn string(&self, key: &str) -> Option<std::borrow::Cow<'_, str>> {
        let raw = self.0.get(key)?.get();
        raw.starts_with('"').then(|| {
            std::borrow::Cow::Owned(
                super::JsonStr::from_literal(raw)
                    .decode()
                    .as_str()
                    .to_owned(),
            )
        })
    }

    fn is_object(&self, key: &str) -> bool {
        self.0
            .get(key)
            .is_some_and(|raw| raw.get().starts_with('{'))
    }

    fn wordpress_links(&self) -> bool {
        self.0
            .get("_links")
            .is_some_and(|raw| links_say_wordpress(raw.get()))
    }

    fn key_names(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

/// Objects by name (`/wp/v2/types`, `/wp/v2/taxonomies`,
/// `/wp/v2/statuses`): the object `buf[range]`, when every value of it is
/// a WordPress object.
fn read_keyed<'b>(
    buf: &'b str,
    range: Range<usize>,
    cx: Cx<'_>,
    met: &mut Met<'b>,
) -> Option<PhpMap<'b, Object<'b>>> {
    let ObjectKeys(entries) = json(buf, range, cx).ok()?;
    if entries.is_empty() {
        return None;
    }
    let mut objects = PhpMap::default();
    for (name, value) in entries.into_entries() {
        let start = super::input::offset_in(buf, value.get())?;
        if !value.get().starts_with('{') {
            return None;
        }
        let object = read_object(buf, start..start + value.get().len(), cx, met).ok()?;
        objects.push(name, object);
    }
    Some(objects)
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
    let controls = Controls::new(
        options.repair_control_characters,
        options.repair_lone_surrogates,
    );
    let cx = Cx::new(options, &controls);
    // Built first and read into: the value is not copied out of the reader.
    let mut parsed = Parsed::new(T::empty());
    parsed.callback = callback.map(Text::borrowed);
    let mut met = Met::default();
    parsed.envelope = read_document_into(doc, cx, &mut met, &mut parsed.value)
        .map_err(|e| e.relocate(bytes, |b| start + b))?;
    parsed.repairs = Repairs::counted(&controls, input, start);
    (parsed.failures, parsed.warnings) = met.placed(input, start);
    Ok(parsed)
}

/// [`from_str`] for bytes: UTF-8, or UTF-16 with its byte order mark
/// (decoded, and said by [`Parsed::transcoded_from`]).
///
/// # Errors
///
/// As [`from_str`], and when the bytes are not UTF-8: the error gives the
/// first bad byte's position and, when the bytes look like another
/// encoding (Windows-1252, UTF-16 without its mark), names it; read them
/// with [`from_slice_with`] and [`ReadOptions::encoding`].
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
/// let bytes = b"\xEF\xBB\xBF{\"id\":5}"; // with a BOM
/// assert_eq!(wordpress::from_slice::<Post>(bytes)?.id, Some(5));
///
/// let latin = b"{\"slug\":\"espa\xF1a\"}"; // Windows-1252
/// let err = wordpress::from_slice::<Post>(latin).unwrap_err();
/// assert!(err.message().contains("windows-1252"), "{err}");
/// assert_eq!(err.position().unwrap().column(), 14);
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_slice<'a, T: Resource<'a>>(input: &'a [u8]) -> Result<Parsed<'a, T>, Error> {
    from_slice_with(input, &ReadOptions::default())
}

/// [`from_slice`] with options, among them the encoding to transcode
/// from.
///
/// # Errors
///
/// As [`from_slice`] and [`from_str_with`]; with [`ReadOptions::encoding`],
/// when the label names no encoding or the bytes are not in it.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post, ReadOptions};
///
/// let latin = b"{\"slug\":\"espa\xF1a\"}"; // Windows-1252
/// let mut options = ReadOptions::default();
/// options.encoding = Some("windows-1252".into());
/// let post = wordpress::from_slice_with::<Post>(latin, &options)?;
/// assert_eq!(post.slug.as_deref(), Some("españa"));
/// assert_eq!(post.transcoded_from(), Some("windows-1252"));
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn from_slice_with<'a, T: Resource<'a>>(
    input: &'a [u8],
    options: &ReadOptions,
) -> Result<Parsed<'a, T>, Error> {
    match crate::encoding::decode(input, options.encoding.as_deref())? {
        crate::encoding::Decoded::Utf8(text) => from_str_with(text, options),
        crate::encoding::Decoded::Transcoded {
            text,
            encoding,
            skipped,
        } => {
            // The value borrows from the transcoded text, which goes out of
            // scope here: detached from it.
            type Again<'t, 'a, T> = <<T as Read<'a>>::Owned as private::Owned>::Borrowed<'t>;
            let mut offsets = crate::encoding::InputOffsets::new(&text, encoding, skipped);
            let mut parsed = from_str_with::<Again<'_, 'a, T>>(&text, options)
                .map_err(|err| err.in_transcoded(|at| offsets.place(at)))?
                .in_transcoded(|at| offsets.place(at))
                .detach(Read::into_static)
                .map(T::from_static);
            parsed.transcoded_from = Some(encoding.name());
            Ok(parsed)
        }
    }
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
    cx: Cx<'_>,
) -> Result<(Range<usize>, Option<Envelope<'a>>), Error> {
    if first_key(doc) != Some("body") {
        return Ok((0..doc.len(), None));
    }
    let envelope: Envelope<'_> = json(doc, 0..doc.len(), cx)?;
    let body = envelope.body.as_ref().map(RawJson::get).unwrap_or("null");
    let range = match offset_in(doc, body) {
        Some(start) => start..start + body.len(),
        // A body with raw control characters is kept as an escaped copy:
        // find it in the document again.
        None => match json::<BodySpan>(doc, 0..doc.len(), cx)?.body {
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
    cx: Cx<'_>,
    met: &mut Met<'a>,
    out: &mut T,
) -> Result<Option<Envelope<'a>>, Error> {
    let (range, envelope) = envelope_of(doc, cx)?;
    T::read_into(doc, range, cx, met, out)?;
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
    let cx = Cx {
        ctl: Some(&controls),
        base: 0,
        lenient: false,
        all_or_nothing: false,
    };
    let elements = (|| -> Result<Vec<Range<usize>>, Error> {
        let (body, _) = envelope_of(doc, cx)?;
        let spans: Vec<RawSpan> = json(doc, body, cx)?;
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
        let controls = Controls::default();
        let cx = Cx {
            ctl: Some(&controls),
            base: 0,
            lenient: false,
            all_or_nothing: false,
        };
        let result = T::read(
            &self.doc[range.clone()],
            0..range.len(),
            cx,
            &mut Met::default(),
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
