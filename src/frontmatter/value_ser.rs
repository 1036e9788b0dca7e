//! A serde [`Serializer`](serde::Serializer) into [`Value`]s: any
//! `Serialize` type (a user's struct, a model, a `Value`) as the tree the
//! front-matter writers emit, keys in the order the type gives them.

use serde::ser::{self, Serialize};

use super::value::{Entry, Mapping, Value, ValueKind};
use crate::{Error, ErrorKind, Text};

/// Serializes `value` into a [`Value`].
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value<'static>, Error> {
    value.serialize(ValueSerializer)
}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::new(ErrorKind::InvalidValue, msg.to_string())
    }
}

struct ValueSerializer;

fn value(kind: ValueKind<'static>) -> Value<'static> {
    Value::new(kind)
}

/// An integer past `i64`: kept as its digits, as the readers keep one.
fn big(digits: String) -> Value<'static> {
    value(ValueKind::String(Text::from(digits)))
}

impl ser::Serializer for ValueSerializer {
    type Ok = Value<'static>;
    type Error = Error;
    type SerializeSeq = SeqSerializer;
    type SerializeTuple = SeqSerializer;
    type SerializeTupleStruct = SeqSerializer;
    type SerializeTupleVariant = VariantSerializer<SeqSerializer>;
    type SerializeMap = MapSerializer;
    type SerializeStruct = MapSerializer;
    type SerializeStructVariant = VariantSerializer<MapSerializer>;

    fn serialize_bool(self, v: bool) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Bool(v)))
    }
    fn serialize_i8(self, v: i8) -> Result<Value<'static>, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Value<'static>, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Value<'static>, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Int(v)))
    }
    fn serialize_i128(self, v: i128) -> Result<Value<'static>, Error> {
        Ok(i64::try_from(v).map_or_else(|_| big(v.to_string()), |i| value(ValueKind::Int(i))))
    }
    fn serialize_u8(self, v: u8) -> Result<Value<'static>, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Value<'static>, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Value<'static>, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Value<'static>, Error> {
        self.serialize_i128(v.into())
    }
    fn serialize_u128(self, v: u128) -> Result<Value<'static>, Error> {
        Ok(i64::try_from(v).map_or_else(|_| big(v.to_string()), |i| value(ValueKind::Int(i))))
    }
    fn serialize_f32(self, v: f32) -> Result<Value<'static>, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Float(v)))
    }
    fn serialize_char(self, v: char) -> Result<Value<'static>, Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::String(Text::from(v.to_owned()))))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Sequence(
            v.iter().map(|&b| value(ValueKind::Int(b.into()))).collect(),
        )))
    }
    fn serialize_none(self) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Null))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Value<'static>, Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Null))
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value<'static>, Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Value<'static>, Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Value<'static>, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Value<'static>, Error> {
        let inner = v.serialize(ValueSerializer)?;
        Ok(value(ValueKind::Mapping(Mapping::from_entries(vec![
            Entry::new(variant, inner),
        ]))))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqSerializer, Error> {
        Ok(SeqSerializer(Vec::with_capacity(len.unwrap_or(0).min(256))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqSerializer, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqSerializer, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantSerializer<SeqSerializer>, Error> {
        Ok(VariantSerializer {
            variant,
            inner: self.serialize_seq(Some(len))?,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapSerializer, Error> {
        Ok(MapSerializer {
            entries: Vec::new(),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<MapSerializer, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantSerializer<MapSerializer>, Error> {
        Ok(VariantSerializer {
            variant,
            inner: self.serialize_map(Some(len))?,
        })
    }
}

pub(crate) struct SeqSerializer(Vec<Value<'static>>);

impl ser::SerializeSeq for SeqSerializer {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.0.push(v.serialize(ValueSerializer)?);
        Ok(())
    }
    fn end(self) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Sequence(self.0)))
    }
}

impl ser::SerializeTuple for SeqSerializer {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<Value<'static>, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqSerializer {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<Value<'static>, Error> {
        ser::SerializeSeq::end(self)
    }
}

pub(crate) struct MapSerializer {
    entries: Vec<Entry<'static>>,
    key: Option<Text<'static>>,
}

/// A map key: a string, or a scalar written as one (`2019: x`).
fn key_text(key: Value<'static>) -> Result<Text<'static>, Error> {
    Ok(match key.kind {
        ValueKind::String(s) => s,
        ValueKind::Int(i) => Text::from(i.to_string()),
        ValueKind::Bool(b) => Text::from(b.to_string()),
        ValueKind::Float(f) => Text::from(f.to_string()),
        ValueKind::Null => Text::default(),
        _ => {
            return Err(Error::new(
                ErrorKind::Unsupported,
                "unsupported key: expected a string or a number as a front-matter key, found a sequence or mapping",
            ));
        }
    })
}

impl MapSerializer {
    fn push(&mut self, key: Text<'static>, v: Value<'static>) -> Result<(), Error> {
        if self.entries.iter().any(|e| e.key == key) {
            return Err(Error::new(
                ErrorKind::DuplicateKey,
                format!("duplicate key `{key}`: expected each key once in a mapping"),
            ));
        }
        self.entries.push(Entry::new(key, v));
        Ok(())
    }
}

impl ser::SerializeMap for MapSerializer {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key_text(key.serialize(ValueSerializer)?)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self.key.take().unwrap_or_default();
        let v = v.serialize(ValueSerializer).map_err(|e| e.in_field(&key))?;
        self.push(key, v)
    }
    fn end(self) -> Result<Value<'static>, Error> {
        Ok(value(ValueKind::Mapping(Mapping::from_entries(
            self.entries,
        ))))
    }
}

impl ser::SerializeStruct for MapSerializer {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        let v = v.serialize(ValueSerializer).map_err(|e| e.in_field(key))?;
        self.push(Text::borrowed(key), v)
    }
    fn end(self) -> Result<Value<'static>, Error> {
        ser::SerializeMap::end(self)
    }
}

/// An enum variant with content: `{variant: content}`.
pub(crate) struct VariantSerializer<S> {
    variant: &'static str,
    inner: S,
}

impl<S> VariantSerializer<S> {
    fn wrap(variant: &'static str, inner: Value<'static>) -> Value<'static> {
        value(ValueKind::Mapping(Mapping::from_entries(vec![Entry::new(
            variant, inner,
        )])))
    }
}

impl ser::SerializeTupleVariant for VariantSerializer<SeqSerializer> {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(&mut self.inner, v)
    }
    fn end(self) -> Result<Value<'static>, Error> {
        let inner = ser::SerializeSeq::end(self.inner)?;
        Ok(Self::wrap(self.variant, inner))
    }
}

impl ser::SerializeStructVariant for VariantSerializer<MapSerializer> {
    type Ok = Value<'static>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, v)
    }
    fn end(self) -> Result<Value<'static>, Error> {
        let inner = ser::SerializeMap::end(self.inner)?;
        Ok(Self::wrap(self.variant, inner))
    }
}
