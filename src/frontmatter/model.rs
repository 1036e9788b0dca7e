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

/// One field type of a model.
pub(crate) trait Field<'a>: Sized {
    /// Reads the field's value.
    fn from_value(value: Value<'a>) -> Result<Self>;

    /// The field when its key is absent from a mapping at `position`: an
    /// error unless the type has a natural "absent" (`None`, empty list).
    fn missing(key: &'static str, position: Option<Position>) -> Result<Self> {
        let err = Error::new(ErrorKind::MissingField, format!("missing field `{key}`"));
        Err(match position {
            Some(p) => err.with_position(p),
            None => err,
        })
    }

    /// Whether serializing leaves the key out (a `None`, an empty list).
    fn skip(&self) -> bool {
        false
    }

    /// Serializes the field.
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error>;
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

impl<'a> Field<'a> for Text<'a> {
    fn from_value(value: Value<'a>) -> Result<Self> {
        match value.kind {
            ValueKind::String(s) => Ok(s),
            _ => Err(invalid_type(&value, "a string")),
        }
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'a> Field<'a> for bool {
    fn from_value(value: Value<'a>) -> Result<Self> {
        value
            .as_bool()
            .ok_or_else(|| invalid_type(&value, "a boolean"))
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_bool(*self)
    }
}

impl<'a> Field<'a> for i64 {
    fn from_value(value: Value<'a>) -> Result<Self> {
        value
            .as_i64()
            .ok_or_else(|| invalid_type(&value, "an integer"))
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_i64(*self)
    }
}

impl<'a> Field<'a> for u64 {
    fn from_value(value: Value<'a>) -> Result<Self> {
        let i = value
            .as_i64()
            .ok_or_else(|| invalid_type(&value, "a non-negative integer"))?;
        u64::try_from(i).map_err(|_| {
            invalid_value(
                &value,
                format!("invalid value: integer `{i}`, expected a non-negative integer"),
            )
        })
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_u64(*self)
    }
}

impl<'a> Field<'a> for u32 {
    fn from_value(value: Value<'a>) -> Result<Self> {
        let i = value
            .as_i64()
            .ok_or_else(|| invalid_type(&value, "a non-negative integer"))?;
        u32::try_from(i).map_err(|_| {
            invalid_value(
                &value,
                format!(
                    "invalid value: integer `{i}`, expected an integer from 0 to {}",
                    u32::MAX
                ),
            )
        })
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_u32(*self)
    }
}

impl<'a> Field<'a> for f64 {
    fn from_value(value: Value<'a>) -> Result<Self> {
        value
            .as_f64()
            .ok_or_else(|| invalid_type(&value, "a number"))
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_f64(*self)
    }
}

/// RFC 3339, as the aggregator writes `publishedDateTime`; the offset is kept.
impl<'a> Field<'a> for OffsetDateTime {
    fn from_value(value: Value<'a>) -> Result<Self> {
        let Some(s) = value.as_str() else {
            return Err(invalid_type(&value, "an RFC 3339 date-time string"));
        };
        if let Some(t) = utc_seconds(s) {
            return Ok(t);
        }
        OffsetDateTime::parse(s, &Rfc3339).map_err(|e| {
            invalid_value(
                &value,
                format!(
                    "invalid date-time: expected RFC 3339 such as `2022-10-24T21:10:00Z`, found {s:?} ({e})"
                ),
            )
            .with_source(e)
        })
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let text = self.format(&Rfc3339).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }
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
    fn from_value(value: Value<'a>) -> Result<Self> {
        if value.is_null() {
            Ok(None)
        } else {
            T::from_value(value).map(Some)
        }
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
/// list.
impl<'a, T: Field<'a>> Field<'a> for Vec<T> {
    fn from_value(value: Value<'a>) -> Result<Self> {
        match value.kind {
            ValueKind::Sequence(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| T::from_value(v).map_err(|e| e.in_field(&format!("[{i}]"))))
                .collect(),
            ValueKind::Null => Ok(Vec::new()),
            _ => Err(invalid_type(&value, "a sequence")),
        }
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
    fn from_value(value: Value<'a>) -> Result<Self> {
        Ok(value)
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, s)
    }
}

impl<'a> Field<'a> for Mapping<'a> {
    fn from_value(value: Value<'a>) -> Result<Self> {
        match value.kind {
            ValueKind::Mapping(m) => Ok(m),
            _ => Err(invalid_type(&value, "a mapping")),
        }
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
        }

        impl<'a> $crate::frontmatter::model::Field<'a> for $name<'a> {
            fn from_value(value: $crate::frontmatter::Value<'a>) -> $crate::Result<Self> {
                use $crate::frontmatter::model::Field;
                let position = value.position();
                let map = match value.kind {
                    $crate::frontmatter::ValueKind::Mapping(m) => m,
                    _ => return Err($crate::frontmatter::model::invalid_type(&value, "a mapping")),
                };
                $( let mut $field: Option<$ty> = None; )*
                let mut extra = Vec::new();
                for entry in map.into_entries() {
                    match entry.key.as_str() {
                        $(
                            $key => {
                                $field = Some(
                                    <$ty as Field<'a>>::from_value(entry.value)
                                        .map_err(|e| e.in_field($key))?,
                                );
                            }
                        )*
                        _ => extra.push(entry),
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
                })
            }

            fn missing(key: &'static str, position: Option<$crate::Position>) -> $crate::Result<Self> {
                let err = $crate::Error::new(
                    $crate::ErrorKind::MissingField,
                    format!("missing field `{key}`"),
                );
                Err(match position {
                    Some(p) => err.with_position(p),
                    None => err,
                })
            }

            fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, s)
            }
        }

        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                use $crate::frontmatter::model::{Field, Ser};
                let mut map = s.serialize_map(None)?;
                $(
                    if !Field::skip(&self.$field) {
                        map.serialize_entry($key, &Ser(&self.$field))?;
                    }
                )*
                for entry in self.extra.entries() {
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

        $crate::map_text::map_text_struct!($name { $($field,)* extra });
    };
}
pub(crate) use front_matter_model;

/// Reads an [`open_enum!`](crate::open_enum::open_enum) from a front-matter
/// string, and writes it back as one.
macro_rules! text_field {
    ($name:ident) => {
        impl<'a> $crate::frontmatter::model::Field<'a> for $name<'a> {
            fn from_value(value: $crate::frontmatter::Value<'a>) -> $crate::Result<Self> {
                <$crate::Text<'a> as $crate::frontmatter::model::Field<'a>>::from_value(value)
                    .map($name::from)
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
