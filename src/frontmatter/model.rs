//! The machinery shared by the typed models: reading a field from a
//! positioned [`Value`] (borrowing, with paths and positions in errors),
//! writing it back with serde, and the `front_matter_model!` macro that puts a struct
//! together from its fields plus an `extra` mapping that keeps every key the
//! model does not know.
//!
//! The models do not go through serde to read YAML: this path keeps the
//! position of each unknown key and borrows every string it can. Their serde
//! `Deserialize` impls (for other formats, and for crates such as
//! `gray_matter`) read a [`Value`] first and come here, copying strings.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::value::{Mapping, Value, ValueKind};
use crate::{Error, ErrorKind, Position, Result, Text};

/// A value a field could not be read from: why, and the value itself, given
/// back untouched so that a lenient read keeps it as written.
pub(crate) struct Rejected<'a> {
    pub(crate) error: Error,
    pub(crate) value: Value<'a>,
}

/// Where a read puts what it notices: `None` reads strictly (the first
/// problem fails the read); `Some` reads leniently, pushing a warning for
/// each optional field it could not type and keeping its value in the
/// model's `extra`.
pub(crate) type Warnings<'w> = Option<&'w mut Vec<Error>>;

/// One field type of a model.
pub(crate) trait Field<'a>: Sized {
    /// Reads the field's value. On failure the value comes back with the
    /// error: untouched when reading leniently (a strict read may have
    /// consumed part of it).
    fn read(value: Value<'a>, warnings: Warnings<'_>) -> Result<Self, Rejected<'a>>;

    /// Whether a lenient [`Field::read`] of `value` succeeds, without
    /// reading it: a container checks this before it consumes its value,
    /// so that a failure gives the value back whole.
    fn check(value: &Value<'a>) -> Result<()>;

    /// Reads the field's value strictly.
    fn from_value(value: Value<'a>) -> Result<Self> {
        Self::read(value, None).map_err(|r| r.error)
    }

    /// Reads a whole front matter, where no value needs giving back.
    fn read_top(value: Value<'a>, warnings: Warnings<'_>) -> Result<Self> {
        Self::read(value, warnings).map_err(|r| r.error)
    }

    /// Whether the field must be present: its absence fails the model.
    fn required() -> bool {
        true
    }

    /// The field when its key is absent from a mapping at `position`: an
    /// error unless the type has a natural "absent" (`None`, empty list).
    fn missing(key: &'static str, position: Option<Position>) -> Result<Self> {
        Err(missing_field(key, position))
    }

    /// Whether serializing leaves the key out (a `None`, an empty list).
    fn skip(&self) -> bool {
        false
    }

    /// Serializes the field.
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error>;
}

/// "missing field `title`" at the mapping.
pub(crate) fn missing_field(key: &str, position: Option<Position>) -> Error {
    let err = Error::new(ErrorKind::MissingField, format!("missing field `{key}`"));
    match position {
        Some(p) => err.with_position(p),
        None => err,
    }
}

/// Reads a scalar field through `f`, which looks at the value without
/// taking it, so that a failure gives the value back.
fn peek<'a, T>(
    value: Value<'a>,
    f: impl FnOnce(&Value<'a>) -> Result<T>,
) -> Result<T, Rejected<'a>> {
    match f(&value) {
        Ok(t) => Ok(t),
        Err(error) => Err(Rejected { error, value }),
    }
}

/// Prefixes the path of the warnings pushed since `from` with `parent`.
pub(crate) fn nest(warnings: &mut Warnings<'_>, from: usize, parent: &str) {
    if let Some(w) = warnings
        && w.len() > from
    {
        let moved: Vec<Error> = w.drain(from..).map(|e| e.in_field(parent)).collect();
        w.extend(moved);
    }
}

/// How many warnings there are so far.
pub(crate) fn mark(warnings: &Warnings<'_>) -> usize {
    warnings.as_ref().map_or(0, |w| w.len())
}

/// Serializes a [`Field`].
pub(crate) struct Ser<'r, T>(pub(crate) &'r T);

impl<'a, T: Field<'a>> serde::Serialize for Ser<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.ser(s)
    }
}

/// "invalid type: string \"high\", expected an integer" at the value.
pub(crate) fn invalid_type(value: &Value<'_>, expected: &str) -> Error {
    let err = Error::new(
        ErrorKind::InvalidType,
        format!("invalid type: {}, expected {expected}", value.describe()),
    );
    match value.position() {
        Some(p) => err.with_position(p),
        None => err,
    }
}

/// "invalid value: ..." at the value.
pub(crate) fn invalid_value(value: &Value<'_>, message: String) -> Error {
    let err = Error::new(ErrorKind::InvalidValue, message);
    match value.position() {
        Some(p) => err.with_position(p),
        None => err,
    }
}

/// A leaf field read by looking at the value: `read` and `check` from one
/// function.
macro_rules! peek_field {
    ($ty:ty, $f:expr, |$this:ident, $s:ident| $ser:expr) => {
        impl<'a> Field<'a> for $ty {
            fn read(value: Value<'a>, _: Warnings<'_>) -> Result<Self, Rejected<'a>> {
                peek(value, $f)
            }
            fn check(value: &Value<'a>) -> Result<()> {
                ($f)(value).map(drop)
            }
            fn ser<S: serde::Serializer>(&self, $s: S) -> std::result::Result<S::Ok, S::Error> {
                let $this = self;
                $ser
            }
        }
    };
}

impl<'a> Field<'a> for Text<'a> {
    fn read(value: Value<'a>, _: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        match value.kind {
            ValueKind::String(s) => Ok(s),
            _ => Err(Rejected {
                error: invalid_type(&value, "a string"),
                value,
            }),
        }
    }
    fn check(value: &Value<'a>) -> Result<()> {
        match value.kind {
            ValueKind::String(_) => Ok(()),
            _ => Err(invalid_type(value, "a string")),
        }
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

peek_field!(
    bool,
    |v: &Value<'a>| v.as_bool().ok_or_else(|| invalid_type(v, "a boolean")),
    |this, s| s.serialize_bool(*this)
);

peek_field!(
    i64,
    |v: &Value<'a>| v.as_i64().ok_or_else(|| invalid_type(v, "an integer")),
    |this, s| s.serialize_i64(*this)
);

peek_field!(
    u64,
    |v: &Value<'a>| {
        let i = v
            .as_i64()
            .ok_or_else(|| invalid_type(v, "a non-negative integer"))?;
        u64::try_from(i).map_err(|_| {
            invalid_value(
                v,
                format!("invalid value: integer `{i}`, expected a non-negative integer"),
            )
        })
    },
    |this, s| s.serialize_u64(*this)
);

peek_field!(
    u32,
    |v: &Value<'a>| {
        let i = v
            .as_i64()
            .ok_or_else(|| invalid_type(v, "a non-negative integer"))?;
        u32::try_from(i).map_err(|_| {
            invalid_value(
                v,
                format!(
                    "invalid value: integer `{i}`, expected an integer from 0 to {}",
                    u32::MAX
                ),
            )
        })
    },
    |this, s| s.serialize_u32(*this)
);

peek_field!(
    f64,
    |v: &Value<'a>| v.as_f64().ok_or_else(|| invalid_type(v, "a number")),
    |this, s| s.serialize_f64(*this)
);

// RFC 3339, as the aggregator writes `publishedDateTime`; the offset is kept.
peek_field!(OffsetDateTime, date_time, |this, s| {
    let text = this.format(&Rfc3339).map_err(serde::ser::Error::custom)?;
    s.serialize_str(&text)
});

fn date_time(value: &Value<'_>) -> Result<OffsetDateTime> {
    let Some(s) = value.as_str() else {
        return Err(invalid_type(value, "an RFC 3339 date-time string"));
    };
    if let Some(t) = utc_seconds(s) {
        return Ok(t);
    }
    OffsetDateTime::parse(s, &Rfc3339).map_err(|e| {
        invalid_value(
            value,
            format!(
                "invalid date-time: expected RFC 3339 such as `2022-10-24T21:10:00Z`, found {s:?} ({e})"
            ),
        )
        .with_source(e)
    })
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the form the aggregator always writes, read
/// without the general RFC 3339 parser; `None` for anything else (which then
/// goes through the general parser, and its errors).
fn utc_seconds(s: &str) -> Option<OffsetDateTime> {
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    let month = time::Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    let date = time::Date::from_calendar_date(year, month, u8::try_from(num(8..10)?).ok()?).ok()?;
    let time = time::Time::from_hms(
        u8::try_from(num(11..13)?).ok()?,
        u8::try_from(num(14..16)?).ok()?,
        u8::try_from(num(17..19)?).ok()?,
    )
    .ok()?;
    Some(date.with_time(time).assume_utc())
}

impl<'a, T: Field<'a>> Field<'a> for Option<T> {
    fn read(value: Value<'a>, warnings: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        if value.is_null() {
            Ok(None)
        } else {
            T::read(value, warnings).map(Some)
        }
    }
    fn check(value: &Value<'a>) -> Result<()> {
        if value.is_null() {
            Ok(())
        } else {
            T::check(value)
        }
    }
    fn required() -> bool {
        false
    }
    fn missing(_: &'static str, _: Option<Position>) -> Result<Self> {
        Ok(None)
    }
    fn skip(&self) -> bool {
        self.is_none()
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Some(v) => v.ser(s),
            None => s.serialize_none(),
        }
    }
}

/// A sequence; an empty value (`topics:` with nothing after it) is an empty
/// list. Read leniently, a list with an item that cannot be read is kept
/// whole, as written, rather than typed without that item.
impl<'a, T: Field<'a>> Field<'a> for Vec<T> {
    fn read(value: Value<'a>, mut warnings: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        if warnings.is_some()
            && let Err(error) = Self::check(&value)
        {
            return Err(Rejected { error, value });
        }
        match value.kind {
            ValueKind::Sequence(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.into_iter().enumerate() {
                    let from = mark(&warnings);
                    match T::read(v, warnings.as_deref_mut()) {
                        Ok(t) => out.push(t),
                        Err(r) => {
                            return Err(Rejected {
                                error: r.error.in_field(&format!("[{i}]")),
                                value: Value::new(ValueKind::Null),
                            });
                        }
                    }
                    if mark(&warnings) > from {
                        nest(&mut warnings, from, &format!("[{i}]"));
                    }
                }
                Ok(out)
            }
            ValueKind::Null => Ok(Vec::new()),
            _ => Err(Rejected {
                error: invalid_type(&value, "a sequence"),
                value,
            }),
        }
    }
    fn check(value: &Value<'a>) -> Result<()> {
        match &value.kind {
            ValueKind::Sequence(items) => items
                .iter()
                .enumerate()
                .try_for_each(|(i, v)| T::check(v).map_err(|e| e.in_field(&format!("[{i}]")))),
            ValueKind::Null => Ok(()),
            _ => Err(invalid_type(value, "a sequence")),
        }
    }
    fn required() -> bool {
        false
    }
    fn missing(_: &'static str, _: Option<Position>) -> Result<Self> {
        Ok(Vec::new())
    }
    fn skip(&self) -> bool {
        self.is_empty()
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Ser))
    }
}

impl<'a> Field<'a> for Value<'a> {
    fn read(value: Value<'a>, _: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        Ok(value)
    }
    fn check(_: &Value<'a>) -> Result<()> {
        Ok(())
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, s)
    }
}

impl<'a> Field<'a> for Mapping<'a> {
    fn read(value: Value<'a>, _: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        match value.kind {
            ValueKind::Mapping(m) => Ok(m),
            _ => Err(Rejected {
                error: invalid_type(&value, "a mapping"),
                value,
            }),
        }
    }
    fn check(value: &Value<'a>) -> Result<()> {
        match value.kind {
            ValueKind::Mapping(_) => Ok(()),
            _ => Err(invalid_type(value, "a mapping")),
        }
    }
    fn required() -> bool {
        false
    }
    fn missing(_: &'static str, _: Option<Position>) -> Result<Self> {
        Ok(Mapping::new())
    }
    fn skip(&self) -> bool {
        self.is_empty()
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, s)
    }
}

/// The order a model's keys were read in, when it is not the model's own
/// (its fields in declared order, then `extra`): indices of fields, then
/// `fields + i` for `extra[i]`. Serializing follows it, so that a model
/// writes back with the file's key order. Two models are equal whatever
/// order they were read in.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyOrder(Option<Box<[u16]>>);

impl PartialEq for KeyOrder {
    fn eq(&self, _: &KeyOrder) -> bool {
        true
    }
}

crate::map_text::map_text_identity!(KeyOrder);

impl KeyOrder {
    pub(crate) fn get(&self) -> Option<&[u16]> {
        self.0.as_deref()
    }
}

/// Records the order of keys while a model reads them, on the stack; it
/// allocates only for a file whose order is not the model's.
pub(crate) struct OrderRecorder {
    fields: u16,
    seen: [u16; 48],
    len: usize,
    spill: Vec<u16>,
    last_field: Option<u16>,
    extras: u16,
    own_order: bool,
}

impl OrderRecorder {
    pub(crate) fn new(fields: usize) -> OrderRecorder {
        OrderRecorder {
            fields: u16::try_from(fields).unwrap_or(u16::MAX),
            seen: [0; 48],
            len: 0,
            spill: Vec::new(),
            last_field: None,
            extras: 0,
            own_order: true,
        }
    }

    fn push(&mut self, i: u16) {
        if self.len < self.seen.len() {
            self.seen[self.len] = i;
        } else {
            if self.spill.is_empty() {
                self.spill.extend_from_slice(&self.seen);
            }
            self.spill.push(i);
        }
        self.len += 1;
    }

    /// A known field, by its index.
    pub(crate) fn field(&mut self, i: u16) {
        if self.extras > 0 || self.last_field.is_some_and(|last| last >= i) {
            self.own_order = false;
        }
        self.last_field = Some(i);
        self.push(i);
    }

    /// The next key of `extra`.
    pub(crate) fn extra(&mut self) {
        let i = self.fields.saturating_add(self.extras);
        self.extras = self.extras.saturating_add(1);
        self.push(i);
    }

    pub(crate) fn finish(self) -> KeyOrder {
        if self.own_order {
            return KeyOrder(None);
        }
        KeyOrder(Some(if self.spill.is_empty() {
            self.seen[..self.len].into()
        } else {
            self.spill.into_boxed_slice()
        }))
    }
}

/// The index of `key` in `keys`, at compile time.
pub(crate) const fn key_index(keys: &[&str], key: &str) -> u16 {
    let mut i = 0;
    while i < keys.len() {
        let k = keys[i].as_bytes();
        let b = key.as_bytes();
        if k.len() == b.len() {
            let mut j = 0;
            while j < k.len() && k[j] == b[j] {
                j += 1;
            }
            if j == k.len() {
                return i as u16;
            }
        }
        i += 1;
    }
    panic!("a model's key is not among its keys")
}

/// Declares a model struct: its fields with their YAML keys, plus `extra`
/// (every other key, in input order, with positions); `Field` to read it from
/// a [`Value`], serde `Serialize` (known keys in the declared order, absent
/// ones left out, then `extra`) and `Deserialize` (from any format, copying),
/// and `into_owned()`.
macro_rules! front_matter_model {
    (
        $(#[$meta:meta])*
        pub struct $name:ident<'a> {
            $(
                $(#[$fmeta:meta])*
                $key:literal => $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name<'a> {
            $(
                $(#[$fmeta])*
                pub $field: $ty,
            )*
            /// Every key this model does not know, in input order, with its
            /// value and position: nothing in the input is lost.
            pub extra: $crate::frontmatter::Mapping<'a>,
            /// The order the keys were read in, for writing them back.
            order: $crate::frontmatter::model::KeyOrder,
        }

        impl $name<'_> {
            /// The model's keys, in declared order.
            const KEYS: &'static [&'static str] = &[$($key),*];
        }

        impl<'a> $name<'a> {
            /// Reads the model from a mapping's entries. A required field
            /// that is absent or cannot be read fails it; another field
            /// that cannot be read fails it too when reading strictly
            /// (`warnings` is `None`), else is kept in `extra`, as
            /// written, with a warning.
            #[allow(unused_mut, unused_variables)]
            pub(crate) fn from_mapping(
                map: $crate::frontmatter::Mapping<'a>,
                position: Option<$crate::Position>,
                mut warnings: $crate::frontmatter::model::Warnings<'_>,
            ) -> $crate::Result<Self> {
                use $crate::frontmatter::model::{Field, OrderRecorder, key_index, mark, nest};
                $( let mut $field: Option<$ty> = None; )*
                let mut extra = Vec::new();
                let mut order = OrderRecorder::new($name::KEYS.len());
                for entry in map.into_entries() {
                    match entry.key.as_str() {
                        $(
                            $key => {
                                const INDEX: u16 = key_index($name::KEYS, $key);
                                let from = mark(&warnings);
                                let read = <$ty as Field<'a>>::read(entry.value, warnings.as_deref_mut());
                                nest(&mut warnings, from, $key);
                                match read {
                                    Ok(v) => {
                                        $field = Some(v);
                                        order.field(INDEX);
                                    }
                                    Err(r) => {
                                        let error = r.error.in_field($key);
                                        match warnings.as_deref_mut() {
                                            Some(w) if !<$ty as Field<'a>>::required() => {
                                                w.push(error);
                                                order.extra();
                                                extra.push($crate::frontmatter::Entry {
                                                    key: entry.key,
                                                    key_pos: entry.key_pos,
                                                    value: r.value,
                                                });
                                            }
                                            _ => return Err(error),
                                        }
                                    }
                                }
                            }
                        )*
                        _ => {
                            order.extra();
                            extra.push(entry);
                        }
                    }
                }
                Ok($name {
                    $(
                        $field: match $field {
                            Some(v) => v,
                            None => <$ty as Field<'a>>::missing($key, position)?,
                        },
                    )*
                    extra: $crate::frontmatter::Mapping::from_entries(extra),
                    order: order.finish(),
                })
            }
        }

        impl<'a> $crate::frontmatter::model::Field<'a> for $name<'a> {
            fn read(
                value: $crate::frontmatter::Value<'a>,
                warnings: $crate::frontmatter::model::Warnings<'_>,
            ) -> std::result::Result<Self, $crate::frontmatter::model::Rejected<'a>> {
                use $crate::frontmatter::model::Rejected;
                if warnings.is_some()
                    && let Err(error) = Self::check(&value)
                {
                    return Err(Rejected { error, value });
                }
                let position = value.position();
                match value.kind {
                    $crate::frontmatter::ValueKind::Mapping(m) => Self::from_mapping(m, position, warnings)
                        .map_err(|error| Rejected {
                            error,
                            value: $crate::frontmatter::Value::new($crate::frontmatter::ValueKind::Null),
                        }),
                    _ => Err(Rejected {
                        error: $crate::frontmatter::model::invalid_type(&value, "a mapping"),
                        value,
                    }),
                }
            }

            fn read_top(
                value: $crate::frontmatter::Value<'a>,
                warnings: $crate::frontmatter::model::Warnings<'_>,
            ) -> $crate::Result<Self> {
                let position = value.position();
                match value.kind {
                    $crate::frontmatter::ValueKind::Mapping(m) => Self::from_mapping(m, position, warnings),
                    _ => Err($crate::frontmatter::model::invalid_type(&value, "a mapping")),
                }
            }

            #[allow(unused_variables)]
            fn check(value: &$crate::frontmatter::Value<'a>) -> $crate::Result<()> {
                use $crate::frontmatter::model::{Field, missing_field};
                let Some(map) = value.as_mapping() else {
                    return Err($crate::frontmatter::model::invalid_type(value, "a mapping"));
                };
                $(
                    if <$ty as Field<'a>>::required() {
                        match map.get($key) {
                            Some(v) => <$ty as Field<'a>>::check(v).map_err(|e| e.in_field($key))?,
                            None => return Err(missing_field($key, value.position())),
                        }
                    }
                )*
                Ok(())
            }

            fn missing(key: &'static str, position: Option<$crate::Position>) -> $crate::Result<Self> {
                Err($crate::frontmatter::model::missing_field(key, position))
            }

            fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, s)
            }
        }

        /// The keys in the order they were read (for a model read from a
        /// file), else the model's, then `extra`; absent fields left out.
        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                use $crate::frontmatter::model::{Field, Ser};
                let mut map = s.serialize_map(None)?;
                let field = |map: &mut S::SerializeMap, key: &str| -> std::result::Result<(), S::Error> {
                    match key {
                        $(
                            $key if !Field::skip(&self.$field) => {
                                map.serialize_entry($key, &Ser(&self.$field))?;
                            }
                        )*
                        _ => {}
                    }
                    Ok(())
                };
                debug_assert!(Self::KEYS.len() <= 64, "a model of at most 64 fields");
                let extra = self.extra.entries();
                let mut written_fields = 0u64;
                let mut written_extra = 0;
                if let Some(order) = self.order.get() {
                    for &i in order {
                        let i = usize::from(i);
                        if let Some(key) = Self::KEYS.get(i) {
                            field(&mut map, key)?;
                            written_fields |= 1u64 << (i % 64);
                        } else if let Some(e) = extra.get(i - Self::KEYS.len()) {
                            map.serialize_entry(e.key.as_str(), &e.value)?;
                            written_extra = written_extra.max(i - Self::KEYS.len() + 1);
                        }
                    }
                }
                // Fields set after reading, or a model built by hand.
                for (i, key) in Self::KEYS.iter().enumerate() {
                    if written_fields & (1u64 << (i % 64)) == 0 {
                        field(&mut map, key)?;
                    }
                }
                for entry in &extra[written_extra.min(extra.len())..] {
                    map.serialize_entry(entry.key.as_str(), &entry.value)?;
                }
                map.end()
            }
        }

        /// Reads any self-describing serde format; strings are copied (the
        /// front-matter entry functions borrow instead).
        impl<'de, 'a> serde::Deserialize<'de> for $name<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let value = <$crate::frontmatter::Value<'de> as serde::Deserialize<'de>>::deserialize(d)?;
                <$name<'static> as $crate::frontmatter::model::Field<'static>>::from_value(value.into_owned())
                    .map_err(serde::de::Error::custom)
            }
        }

        $crate::map_text::map_text_struct!($name { $($field,)* extra, order });
    };
}
pub(crate) use front_matter_model;

/// Reads an [`open_enum!`](crate::open_enum::open_enum) from a front-matter
/// string, and writes it back as one.
macro_rules! text_field {
    ($name:ident) => {
        impl<'a> $crate::frontmatter::model::Field<'a> for $name<'a> {
            fn read(
                value: $crate::frontmatter::Value<'a>,
                warnings: $crate::frontmatter::model::Warnings<'_>,
            ) -> std::result::Result<Self, $crate::frontmatter::model::Rejected<'a>> {
                <$crate::Text<'a> as $crate::frontmatter::model::Field<'a>>::read(value, warnings)
                    .map($name::from)
            }
            fn check(value: &$crate::frontmatter::Value<'a>) -> $crate::Result<()> {
                <$crate::Text<'a> as $crate::frontmatter::model::Field<'a>>::check(value)
            }
            fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use text_field;

#[cfg(test)]
mod tests {
    use super::utc_seconds;
    use time::OffsetDateTime;
    use time::format_description::well_known::Rfc3339;

    #[test]
    fn fast_utc_dates_agree_with_rfc3339() {
        for s in [
            "2022-10-24T21:10:00Z",
            "2000-02-29T00:00:00Z",
            "1999-12-31T23:59:59Z",
            "2021-02-29T00:00:00Z",
            "2022-13-01T00:00:00Z",
            "2022-10-24T24:00:00Z",
            "2022-10-24T21:10:60Z",
            "2022-10-24 21:10:00Z",
            "2022-1a-24T21:10:00Z",
            "+022-10-24T21:10:00Z",
        ] {
            let fast = utc_seconds(s);
            assert!(
                fast.is_none() || fast == OffsetDateTime::parse(s, &Rfc3339).ok(),
                "{s}"
            );
        }
        assert!(utc_seconds("2000-02-29T00:00:00Z").is_some());
        assert!(utc_seconds("2021-02-29T00:00:00Z").is_none());
    }
}
