//! The `wp_object!` macro: one definition per WordPress object gives its
//! struct, a single-pass `Deserialize` that keeps unknown keys in order,
//! a `Serialize` that writes the input back, and `into_owned()`.

use std::borrow::Cow;

use serde::de::{self, MapAccess};

use super::{PhpMap, RawJson};
use crate::Text;

/// Every key of an object that its model does not know, with its value as
/// raw JSON, in input order.
pub type Extra<'a> = PhpMap<'a, RawJson<'a>>;

/// How a known field was written when it differs from how its value would be
/// written by default: `null` (read as `None`), or a number as a string.
/// `None` in the usual case, so it costs no allocation, and one pointer in
/// every object (objects are moved whole while they are read).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape(Option<Box<Quirks>>);

/// `nulls` and `quoted` are sets kept sorted, so that two reads of the same
/// object compare equal whatever the order of its keys (the order a value
/// is written back in is the model's, not the input's).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Quirks {
    nulls: Vec<&'static str>,
    quoted: Vec<&'static str>,
    /// The object was sent as a bare string (old API versions send
    /// `"caption": ""` for `{"rendered": ""}`).
    as_string: bool,
}

impl Shape {
    pub(crate) fn is_null(&self, key: &str) -> bool {
        self.0.as_ref().is_some_and(|q| q.nulls.contains(&key))
    }

    /// Adds the keys sent as `null` to `set`.
    pub(crate) fn add_nulls(&self, set: &mut super::kind::KeySet) {
        for key in self.0.iter().flat_map(|q| &q.nulls) {
            set.add(key);
        }
    }

    pub(crate) fn has_nulls(&self) -> bool {
        self.0.as_ref().is_some_and(|q| !q.nulls.is_empty())
    }

    // Nulls and quoted numbers are rare: out of line, the key loops that
    // may meet them stay small.
    #[cold]
    #[inline(never)]
    pub(crate) fn set_null(&mut self, key: &'static str) {
        insert_sorted(&mut self.quirks().nulls, key);
    }

    pub(crate) fn is_quoted(&self, key: &str) -> bool {
        self.0.as_ref().is_some_and(|q| q.quoted.contains(&key))
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn set_quoted(&mut self, key: &'static str) {
        insert_sorted(&mut self.quirks().quoted, key);
    }

    pub(crate) fn as_string(&self) -> bool {
        self.0.as_ref().is_some_and(|q| q.as_string)
    }

    pub(crate) fn set_as_string(&mut self) {
        self.quirks().as_string = true;
    }

    fn quirks(&mut self) -> &mut Quirks {
        self.0.get_or_insert_default()
    }
}

fn insert_sorted(keys: &mut Vec<&'static str>, key: &'static str) {
    if let Err(i) = keys.binary_search(&key) {
        keys.insert(i, key);
    }
}

crate::map_text::map_text_identity!(Shape);

/// Reads an object's fields from a map whose first key may already have
/// been read (to tell an error object from an item, say).
pub(crate) trait FromMap<'a>: Sized + Default {
    /// Reads the fields into `self`, a default object: in place, as the
    /// objects are large (a post is 1.5 kB) and each layer that returned one
    /// by value would copy it.
    fn read_map<'de: 'a, A: MapAccess<'de>>(
        &mut self,
        first: Option<Text<'de>>,
        map: A,
    ) -> Result<(), A::Error>;

    fn from_map<'de: 'a, A: MapAccess<'de>>(
        first: Option<Text<'de>>,
        map: A,
    ) -> Result<Self, A::Error> {
        let mut out = Self::default();
        out.read_map(first, map)?;
        Ok(out)
    }

    /// Reads a whole value into `place`, a default object, as
    /// `Deserialize` would.
    fn deserialize_into<'de: 'a, D: serde::Deserializer<'de>>(
        deserializer: D,
        place: &mut Self,
    ) -> Result<(), D::Error>;
}

/// Reads one value of `T` into the place it borrows.
pub(crate) struct InPlace<'p, T>(pub(crate) &'p mut T);

impl<'de: 'a, 'a, T: FromMap<'a>> de::DeserializeSeed<'de> for InPlace<'_, T> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::deserialize_into(deserializer, self.0)
    }
}

/// Reads an object into the `Option` it borrows, in place as [`InPlace`]
/// does; `null` leaves it `None`.
pub(crate) struct OptionInPlace<'p, T>(pub(crate) &'p mut Option<T>);

impl<'de: 'a, 'a, T: FromMap<'a>> de::DeserializeSeed<'de> for OptionInPlace<'_, T> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de: 'a, 'a, T: FromMap<'a>> de::Visitor<'de> for OptionInPlace<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::deserialize_into(deserializer, self.0.insert(T::default()))
    }
}

/// A model in a box of its own (a post's plugin heads: large, and absent
/// from most posts), read in place as the model is.
impl<'a, T: FromMap<'a>> FromMap<'a> for Box<T> {
    fn read_map<'de: 'a, A: MapAccess<'de>>(
        &mut self,
        first: Option<Text<'de>>,
        map: A,
    ) -> Result<(), A::Error> {
        (**self).read_map(first, map)
    }

    fn deserialize_into<'de: 'a, D: serde::Deserializer<'de>>(
        deserializer: D,
        place: &mut Self,
    ) -> Result<(), D::Error> {
        T::deserialize_into(deserializer, place)
    }
}

/// Reads the rest of `seq` onto the end of `out`, each element in place.
pub(crate) fn append_in_place<'de: 'a, 'a, T: FromMap<'a>, A: de::SeqAccess<'de>>(
    mut seq: A,
    out: &mut Vec<T>,
) -> Result<(), A::Error> {
    while seq.next_element_seed(PushInPlace(out))?.is_some() {}
    Ok(())
}

/// Reads one element at the end of the vector it borrows: pushed only once
/// the reader has found one (a `_links` relation has one link; a slot
/// pushed before asking would mostly be popped again).
struct PushInPlace<'v, T>(&'v mut Vec<T>);

impl<'de: 'a, 'a, T: FromMap<'a>> de::DeserializeSeed<'de> for PushInPlace<'_, T> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.0.push(T::default());
        let last = self.0.len() - 1;
        T::deserialize_into(deserializer, &mut self.0[last])
    }
}

/// What classifying an object asks of a field's value (see `kind.rs`):
/// its text when it is a string, whether it is a JSON object, whether it
/// is `_links` that name WordPress.
pub(crate) trait FieldShape {
    fn field_text(&self) -> Option<&str> {
        None
    }
    fn is_json_object(&self) -> bool {
        false
    }
    fn says_wordpress(&self) -> bool {
        false
    }
}

macro_rules! plain_shape {
    ($($ty:ty),*) => {$( impl FieldShape for $ty {} )*};
}
plain_shape!(bool, u16, u32, u64, i64);

impl FieldShape for Text<'_> {
    fn field_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl FieldShape for super::JsonStr<'_> {}

impl FieldShape for RawJson<'_> {
    fn is_json_object(&self) -> bool {
        self.get().starts_with('{')
    }
}

impl<T: FieldShape> FieldShape for Box<T> {
    fn field_text(&self) -> Option<&str> {
        (**self).field_text()
    }
    fn is_json_object(&self) -> bool {
        (**self).is_json_object()
    }
    fn says_wordpress(&self) -> bool {
        (**self).says_wordpress()
    }
}

impl<T> FieldShape for Vec<T> {}
impl<T> FieldShape for Option<T> {}
impl<T> FieldShape for super::PhpList<'_, T> {}
impl<T> FieldShape for super::DateTime<'_, T> {}

impl<V> FieldShape for PhpMap<'_, V> {
    fn is_json_object(&self) -> bool {
        !self.sent_as_array()
    }
}

impl FieldShape for super::Links<'_> {
    fn is_json_object(&self) -> bool {
        true
    }
    fn says_wordpress(&self) -> bool {
        self.iter().any(|(rel, links)| {
            rel.starts_with("wp:")
                || rel.starts_with("https://api.w.org/")
                || links.iter().any(|link| {
                    link.href
                        .as_ref()
                        .is_some_and(|href| super::kind::links_say_wordpress(href.literal()))
                })
        })
    }
}

/// The value of `key` in `extra`, when it is a string.
pub(crate) fn extra_string<'s>(extra: &'s super::Extra<'_>, key: &str) -> Option<Cow<'s, str>> {
    let raw = extra.get(key)?.get();
    if !raw.starts_with('"') {
        return None;
    }
    Some(Cow::Owned(
        super::JsonStr::from_literal(raw)
            .decode()
            .as_str()
            .to_owned(),
    ))
}

/// Whether the value of `key` in `extra` is a JSON object.
pub(crate) fn extra_is_object(extra: &super::Extra<'_>, key: &str) -> bool {
    extra.get(key).is_some_and(|raw| raw.get().starts_with('{'))
}

/// The typed field under `key` (among the `field = "key"` pairs) as a
/// `&dyn FieldShape`, if the model has one and it is set.
macro_rules! key_field {
    ($self:ident, $want:literal $(, $field:ident = $key:literal)*) => {{
        let mut found: Option<&dyn $crate::wordpress::object::FieldShape> = None;
        $( if $key == $want {
            if let Some(value) = &$self.$field {
                found = Some(value);
            }
        } )*
        found
    }};
}
pub(crate) use key_field;

/// Whether `key` was read already but not into its field: sent as `null`,
/// or kept in `extra` as sent (a value that did not type).
#[inline]
pub(crate) fn kept_apart(shape: &Shape, extra: &Extra<'_>, key: &str) -> bool {
    (shape.0.is_some() || !extra.is_empty()) && kept_apart_search(shape, extra, key)
}

/// [`kept_apart`] once either may hold it: out of line, as every field
/// of every model's key loop calls it.
#[inline(never)]
fn kept_apart_search(shape: &Shape, extra: &Extra<'_>, key: &str) -> bool {
    shape.is_null(key) || extra.get(key).is_some()
}

#[cold]
#[inline(never)]
pub(crate) fn duplicate_field<E: de::Error>(key: &'static str) -> E {
    E::duplicate_field(key)
}

/// Reads a field's value in a lenient scope (see `lenient.rs`): typed with
/// `read` when it types, else handed to `keep` as sent.
///
/// Out of line and cold: every field of every model has this path, and
/// inlined into each field's arm of the models' key loops it made them
/// about twice the size of the strict path they run.
#[cold]
#[inline(never)]
pub(crate) fn read_leniently<'de, A: MapAccess<'de>, T>(
    map: &mut A,
    out: &mut T,
    read: impl FnOnce(&mut super::lenient::OneValue<'de>, &mut T) -> Result<(), super::json::JsonError>,
    keep: impl FnOnce(&mut T, RawJson<'de>),
) -> Result<(), A::Error> {
    let source = map.next_value::<super::lenient::Source<'de>>()?;
    if !super::lenient::retype(source.0, |one| read(one, out)) {
        keep(out, RawJson::from_source(source.0));
    }
    Ok(())
}

/// Defines a WordPress object model. Each field is `Option<T>` (any field may
/// be absent) under its JSON key; `[lenient]` accepts an integer sent as a
/// string and writes it back as one; `[object]` marks a field that is itself
/// a model, read in place. In a lenient scope (`lenient.rs`) a field that
/// does not type is kept in `extra` as sent.
macro_rules! wp_object {
    (
        $what:literal $(or string into $sfield:ident)?
        $(#[$attr:meta])*
        pub struct $name:ident<$lt:lifetime> {
            $(
                $(#[$fattr:meta])*
                $field:ident : $ty:ty = $key:literal $([$how:ident])?
            ),* $(,)?
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $name<$lt> {
            $(
                $(#[$fattr])*
                #[doc = concat!("\n\nJSON key: `", $key, "`.")]
                pub $field: Option<$ty>,
            )*
            /// Every key this model does not know, with its raw JSON value, in
            /// input order.
            pub extra: $crate::wordpress::Extra<$lt>,
            shape: $crate::wordpress::object::Shape,
        }

        impl<$lt> $name<$lt> {
            /// The JSON keys this model reads into typed fields.
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            /// Whether the object had one of [`Self::KEYS`], typed or not
            /// (`null` counts): `has_key` of each, without matching names.
            #[allow(dead_code)]
            pub(crate) fn has_known_key(&self) -> bool {
                $( self.$field.is_some() || )* self.shape.has_nulls()
                    || self.extra.keys().any(|k| Self::KEYS.contains(&k.as_str()))
            }

            /// Whether the object had no keys at all.
            #[allow(dead_code)]
            pub(crate) fn has_no_keys(&self) -> bool {
                self.extra.is_empty() && !self.has_known_key()
            }
        }

        impl<$lt> $crate::wordpress::object::FromMap<$lt> for $name<$lt> {
            fn read_map<'de: $lt, A: serde::de::MapAccess<'de>>(
                &mut self,
                first: Option<$crate::Text<'de>>,
                mut map: A,
            ) -> Result<(), A::Error> {
                use $crate::wordpress::key_table::{KeyRead, KeySeed};
                const TABLE: &str = $crate::wordpress::key_table::key_table!($($key),*);
                #[allow(non_camel_case_types)]
                #[derive(Clone, Copy)]
                enum Field { $($field),* }
                const FIELDS: &[Field] = &[$(Field::$field),*];
                let out = self;
                // Read again after a strict read failed: each field on its
                // own (see `lenient.rs`).
                let lenient = $crate::wordpress::lenient::active();
                let mut next = match first {
                    Some(key) => Some(KeyRead::Name(key)),
                    None => map.next_key_seed(KeySeed(TABLE))?,
                };
                while let Some(read) = next {
                    // A known field, or the key kept as sent.
                    let field = match read {
                        KeyRead::Index(index) => match FIELDS.get(index) {
                            Some(&field) => Ok(field),
                            None => return Err(serde::de::Error::custom("a key index past the model's keys")),
                        },
                        KeyRead::Name(key) => match key.as_str() {
                            $( $key => Ok(Field::$field), )*
                            _ => Err(key),
                        },
                    };
                    match field {
                        $(
                            Ok(Field::$field) => {
                                // `has_key` for this field, without matching the key again.
                                if out.$field.is_some() || $crate::wordpress::object::kept_apart(&out.shape, &out.extra, $key) {
                                    return Err($crate::wordpress::object::duplicate_field($key));
                                }
                                if lenient {
                                    // Out of line: a strict read's loop stays small.
                                    $crate::wordpress::object::read_leniently(
                                        &mut map,
                                        out,
                                        |one, out| {
                                            use serde::de::MapAccess as _;
                                            $crate::wordpress::object::wp_object!(@read one, out, $field, $ty, $key $(, $how)?);
                                            Ok(())
                                        },
                                        // Kept as sent; the warning says why.
                                        |out, raw| {
                                            out.$field = None;
                                            out.extra.push($key, raw);
                                        },
                                    )?;
                                } else {
                                    $crate::wordpress::object::wp_object!(@read map, out, $field, $ty, $key $(, $how)?);
                                }
                            }
                        )*
                        Err(key) => {
                            let value = map.next_value::<$crate::wordpress::RawJson<'de>>()?;
                            out.extra.push(key, value);
                        }
                    }
                    next = map.next_key_seed(KeySeed(TABLE))?;
                }
                Ok(())
            }

            fn deserialize_into<'de: $lt, D: serde::Deserializer<'de>>(
                deserializer: D,
                place: &mut Self,
            ) -> Result<(), D::Error> {
                struct ObjectVisitor<'p, $lt>(&'p mut $name<$lt>);

                impl<'de: $lt, $lt> serde::de::Visitor<'de> for ObjectVisitor<'_, $lt> {
                    type Value = ();

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", $what, " object"))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
                        $crate::wordpress::object::FromMap::read_map(self.0, None, map)
                    }

                    $(
                        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<(), E> {
                            self.0.$sfield = Some($crate::wordpress::JsonStr::encode(v));
                            self.0.shape.set_as_string();
                            Ok(())
                        }
                    )?
                }

                $crate::wordpress::object::wp_object!(@deserialize deserializer, ObjectVisitor(place) $(, $sfield)?)
            }
        }

        impl<'de: $lt, $lt> serde::Deserialize<'de> for $name<$lt> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let mut out = Self::default();
                <Self as $crate::wordpress::object::FromMap<$lt>>::deserialize_into(deserializer, &mut out)?;
                Ok(out)
            }
        }

        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap as _;
                $(
                    if self.shape.as_string() {
                        let text = self.$sfield.as_ref().map(|s| s.decode()).unwrap_or_default();
                        return serializer.serialize_str(&text);
                    }
                )?
                let mut map = serializer.serialize_map(None)?;
                $(
                    match &self.$field {
                        Some(value) => {
                            $crate::wordpress::object::wp_object!(@write map, self, value, $key $(, $how)?);
                        }
                        None if self.shape.is_null($key) => map.serialize_entry($key, &())?,
                        None => {}
                    }
                )*
                for (key, value) in self.extra.iter() {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        $crate::map_text::map_text_struct!($name { $($field,)* extra, shape });

        impl $crate::wordpress::object::FieldShape for $name<'_> {
            fn is_json_object(&self) -> bool {
                !self.shape.as_string()
            }

            /// For `_embedded`: a relation it types (`author`,
            /// `wp:featuredmedia`, `wp:term`, ...) or another `wp:` one.
            fn says_wordpress(&self) -> bool {
                self.has_known_key() || self.extra.keys().any(|k| k.starts_with("wp:"))
            }
        }

        impl $crate::wordpress::kind::KeyView for $name<'_> {
            fn key_set(&self) -> $crate::wordpress::kind::KeySet {
                let mut set = $crate::wordpress::kind::KeySet::default();
                // The typed keys' bits are constants; a known key can also
                // sit in `extra` (a number field sent a non-numeric
                // string), or be `null`.
                $( if self.$field.is_some() {
                    set.add_mask(const { $crate::wordpress::kind::marker_mask($key) });
                } )*
                self.shape.add_nulls(&mut set);
                for key in self.extra.keys() {
                    set.add(key);
                }
                set
            }

            fn string(&self, key: &str) -> Option<std::borrow::Cow<'_, str>> {
                use $crate::wordpress::object::FieldShape as _;
                match key {
                    $( $key => match &self.$field {
                        Some(value) => value.field_text().map(std::borrow::Cow::Borrowed),
                        None => $crate::wordpress::object::extra_string(&self.extra, key),
                    }, )*
                    _ => $crate::wordpress::object::extra_string(&self.extra, key),
                }
            }

            fn is_object(&self, key: &str) -> bool {
                use $crate::wordpress::object::FieldShape as _;
                match key {
                    $( $key => match &self.$field {
                        Some(value) => value.is_json_object(),
                        None => $crate::wordpress::object::extra_is_object(&self.extra, key),
                    }, )*
                    _ => $crate::wordpress::object::extra_is_object(&self.extra, key),
                }
            }

            fn wordpress_links(&self) -> bool {
                ["_links", "_embedded"].iter().any(|&key| {
                    let typed = match key {
                        "_links" => $crate::wordpress::object::key_field!(self, "_links" $(, $field = $key)*),
                        _ => $crate::wordpress::object::key_field!(self, "_embedded" $(, $field = $key)*),
                    };
                    match typed {
                        Some(shape) => shape.says_wordpress(),
                        None => self.extra.get(key).is_some_and(|raw| {
                            $crate::wordpress::kind::links_say_wordpress(raw.get())
                        }),
                    }
                })
            }

            fn key_names(&self) -> Vec<&str> {
                let mut keys: Vec<&str> = Vec::new();
                $( if self.$field.is_some() || self.shape.is_null($key) {
                    keys.push($key);
                } )*
                keys.extend(self.extra.keys().map(|k| k.as_str()));
                keys
            }
        }
    };

    (@read $map:ident, $out:ident, $field:ident, $ty:ty, $key:literal) => {
        match $map.next_value::<Option<$ty>>()? {
            Some(value) => $out.$field = Some(value),
            None => $out.shape.set_null($key),
        }
    };
    (@read $map:ident, $out:ident, $field:ident, $ty:ty, $key:literal, object) => {
        $map.next_value_seed($crate::wordpress::object::OptionInPlace(&mut $out.$field))?;
        if $out.$field.is_none() {
            $out.shape.set_null($key);
        }
    };
    (@read $map:ident, $out:ident, $field:ident, $ty:ty, $key:literal, lenient) => {
        match $map.next_value::<Option<$crate::wordpress::php::Lenient<'de, $ty>>>()? {
            Some($crate::wordpress::php::Lenient::Number(value)) => $out.$field = Some(value),
            Some($crate::wordpress::php::Lenient::Quoted(value)) => {
                $out.$field = Some(value);
                $out.shape.set_quoted($key);
            }
            // Not a number: kept as sent, in `extra`; a lenient read warns
            // about it (it fails here, and the field is read again).
            Some($crate::wordpress::php::Lenient::Text(text)) => {
                if $crate::wordpress::lenient::reading() {
                    return Err(serde::de::Error::invalid_type(
                        serde::de::Unexpected::Str(&text),
                        &"an integer (or a string holding one)",
                    ));
                }
                $out.extra.push($key, $crate::wordpress::RawJson::string(&text));
            }
            None => $out.shape.set_null($key),
        }
    };
    (@deserialize $de:ident, $visitor:ident($place:ident)) => {
        $de.deserialize_map($visitor($place))
    };
    (@deserialize $de:ident, $visitor:ident($place:ident), $sfield:ident) => {
        $de.deserialize_any($visitor($place))
    };
    (@write $map:ident, $self:ident, $value:ident, $key:literal $(, object)?) => {
        $map.serialize_entry($key, $value)?
    };
    (@write $map:ident, $self:ident, $value:ident, $key:literal, lenient) => {
        if $self.shape.is_quoted($key) {
            $map.serialize_entry($key, &$crate::wordpress::php::Quoted($value))?
        } else {
            $map.serialize_entry($key, $value)?
        }
    };
}
pub(crate) use wp_object;
