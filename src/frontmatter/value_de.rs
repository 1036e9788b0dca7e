//! A serde [`Deserializer`](serde::Deserializer) over positioned [`Value`]s:
//! any front matter into the caller's own `#[derive(Deserialize)]` type, with
//! errors that name the field path and the position in the whole file.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::value::{Entry, Value, ValueKind};
use crate::{Error, ErrorKind, Position, Text};

/// Serde's error constructors give the crate's [`Error`], with the kind that
/// fits: `invalid_type` is [`ErrorKind::InvalidType`], `missing_field`
/// [`ErrorKind::MissingField`], and so on.
impl de::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(ErrorKind::InvalidValue, msg.to_string())
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error::new(
            ErrorKind::InvalidType,
            format!("invalid type: {unexp}, expected {exp}"),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        Error::new(ErrorKind::MissingField, format!("missing field `{field}`"))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::new(
            ErrorKind::DuplicateKey,
            format!("duplicate field `{field}`"),
        )
    }
}

/// Deserializes a [`Value`] into any `T: Deserialize`, lending its borrowed
/// strings (`visit_borrowed_str`) so that `&'a str`, `Cow<'a, str>` with
/// `#[serde(borrow)]` and [`Text`] fields borrow from the input.
///
/// Integers deserialize into any integer type that holds them, and into
/// floats; a string field does not accept a number or a boolean (no silent
/// conversion). Errors carry the field path (`related[2].quality`) and the
/// value's position.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::{self, ValueDeserializer};
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Head<'a> {
///     title: &'a str,
///     quality: u8,
/// }
///
/// let doc = frontmatter::parse("---\ntitle: Hi\nquality: 67\n---\n")?;
/// let head = Head::deserialize(ValueDeserializer::new(doc.into_value()))?;
/// assert_eq!((head.title, head.quality), ("Hi", 67));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Debug)]
pub struct ValueDeserializer<'a> {
    value: Value<'a>,
}

impl<'a> ValueDeserializer<'a> {
    /// A deserializer that consumes `value`.
    #[must_use]
    pub fn new(value: Value<'a>) -> Self {
        ValueDeserializer { value }
    }
}

/// Adds `position` to an error that has none yet (the innermost value that
/// failed gives its position first).
fn at(e: Error, position: Option<Position>) -> Error {
    match (e.position(), position) {
        (None, Some(p)) => e.with_position(p),
        _ => e,
    }
}

fn unexpected<'v>(kind: &'v ValueKind<'_>) -> de::Unexpected<'v> {
    match kind {
        ValueKind::Null => de::Unexpected::Unit,
        ValueKind::Bool(b) => de::Unexpected::Bool(*b),
        ValueKind::Int(i) => de::Unexpected::Signed(*i),
        ValueKind::Float(f) => de::Unexpected::Float(*f),
        ValueKind::String(s) => de::Unexpected::Str(s),
        ValueKind::Sequence(_) => de::Unexpected::Seq,
        ValueKind::Mapping(_) => de::Unexpected::Map,
    }
}

impl<'a> ValueDeserializer<'a> {
    fn any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        let position = self.value.position();
        let result = match self.value.kind {
            ValueKind::Null => visitor.visit_unit(),
            ValueKind::Bool(b) => visitor.visit_bool(b),
            ValueKind::Int(i) => visitor.visit_i64(i),
            ValueKind::Float(f) => visitor.visit_f64(f),
            ValueKind::String(s) => visit_text(s, visitor),
            ValueKind::Sequence(items) => visitor.visit_seq(SeqAccess {
                items: items.into_iter(),
                index: 0,
                position,
            }),
            ValueKind::Mapping(m) => visitor.visit_map(MapAccess {
                entries: m.into_entries().into_iter(),
                value: None,
                position,
            }),
        };
        result.map_err(|e| at(e, position))
    }

    fn wrong<V: Visitor<'a>, T>(&self, visitor: &V) -> Result<T, Error> {
        Err(at(
            de::Error::invalid_type(unexpected(&self.value.kind), visitor),
            self.value.position(),
        ))
    }
}

fn visit_text<'a, V: Visitor<'a>>(s: Text<'a>, visitor: V) -> Result<V::Value, Error> {
    match s.as_borrowed() {
        Some(b) => visitor.visit_borrowed_str(b),
        None => visitor.visit_string(s.into_string()),
    }
}

macro_rules! forward_any {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
            self.any(visitor)
        }
    )*};
}

impl<'a> de::Deserializer<'a> for ValueDeserializer<'a> {
    type Error = Error;

    forward_any! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_bytes deserialize_byte_buf deserialize_unit deserialize_seq
        deserialize_map deserialize_identifier
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.kind {
            ValueKind::String(_) => self.any(visitor),
            _ => self.wrong(&visitor),
        }
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.kind {
            ValueKind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.any(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let position = self.value.position();
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| at(e, position))
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.any(visitor)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.any(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let position = self.value.position();
        let result = match self.value.kind {
            ValueKind::String(s) => visitor.visit_enum(s.into_string().into_deserializer()),
            ValueKind::Mapping(m) if m.len() == 1 => {
                let mut entries = m.into_entries();
                let Entry { key, value, .. } = entries.remove(0);
                visitor.visit_enum(EnumAccess { key, value })
            }
            _ => return self.wrong(&visitor),
        };
        result.map_err(|e| at(e, position))
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

impl<'a> IntoDeserializer<'a, Error> for Value<'a> {
    type Deserializer = ValueDeserializer<'a>;
    fn into_deserializer(self) -> ValueDeserializer<'a> {
        ValueDeserializer::new(self)
    }
}

struct SeqAccess<'a> {
    items: std::vec::IntoIter<Value<'a>>,
    index: usize,
    position: Option<Position>,
}

impl<'a> de::SeqAccess<'a> for SeqAccess<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        let position = value.position().or(self.position);
        seed.deserialize(ValueDeserializer::new(value))
            .map(Some)
            .map_err(|e| at(e, position).in_field(&format!("[{index}]")))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapAccess<'a> {
    entries: std::vec::IntoIter<Entry<'a>>,
    /// The value of the key just handed out, with the key for paths.
    value: Option<(Text<'a>, Value<'a>)>,
    position: Option<Position>,
}

impl<'a> de::MapAccess<'a> for MapAccess<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        let key_position = entry.key_position();
        let Entry { key, value, .. } = entry;
        let result = match key.as_borrowed() {
            Some(b) => seed.deserialize(de::value::BorrowedStrDeserializer::new(b)),
            None => seed.deserialize(de::value::StrDeserializer::new(key.as_str())),
        };
        let position = key_position.or(self.position);
        let k = result.map_err(|e| at(e, position).with_path(key.as_str()))?;
        self.value = Some((key, value));
        Ok(Some(k))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom("expected a key before its value"));
        };
        let position = value.position().or(self.position);
        seed.deserialize(ValueDeserializer::new(value))
            .map_err(|e| at(e, position).in_field(&key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct EnumAccess<'a> {
    key: Text<'a>,
    value: Value<'a>,
}

impl<'a> de::EnumAccess<'a> for EnumAccess<'a> {
    type Error = Error;
    type Variant = ValueDeserializer<'a>;

    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, ValueDeserializer<'a>), Error> {
        let variant = seed.deserialize(de::value::StrDeserializer::<Error>::new(&self.key))?;
        Ok((variant, ValueDeserializer::new(self.value)))
    }
}

impl<'a> de::VariantAccess<'a> for ValueDeserializer<'a> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor)
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.any(visitor)
    }
}
