//! [`open_enum!`]: enums over the strings a field takes, shared by every
//! format. Known values are variants; any other value is kept as written in
//! `Other`, not rejected, so nothing a newer WordPress or another generator
//! sends is lost.

/// Declares an open enum: `Variant = "value"` rows, plus `Other(Text)`.
///
/// It gets `as_str` (the value as written), `into_owned`, `From<Text>`,
/// `Display`, serde's `Serialize` and (borrowing) `Deserialize`, and
/// [`MapText`](crate::MapText). A format that reads values its own way adds
/// its trait on top (front matter's `Field`, through `text_field!`).
macro_rules! open_enum {
    (
        $(#[$attr:meta])*
        pub enum $name:ident<$lt:lifetime> {
            $( $(#[$vattr:meta])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name<$lt> {
            $( $(#[$vattr])* #[doc = concat!("\n\n`\"", $value, "\"`")] $variant, )*
            /// A value this crate does not know, kept as written.
            Other($crate::Text<$lt>),
        }

        impl<$lt> $name<$lt> {
            /// The value as written in the input.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )*
                    $name::Other(s) => s,
                }
            }

            /// Detaches the value from the input.
            #[must_use]
            pub fn into_owned(self) -> $name<'static> {
                $crate::map_text::MapText::map_text(self, &mut $crate::Text::into_owned)
            }
        }

        impl<$lt> From<$crate::Text<$lt>> for $name<$lt> {
            fn from(text: $crate::Text<$lt>) -> Self {
                match text.as_str() {
                    $( $value => $name::$variant, )*
                    _ => $name::Other(text),
                }
            }
        }

        impl std::fmt::Display for $name<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de: $lt, $lt> serde::Deserialize<'de> for $name<$lt> {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$crate::Text<$lt> as serde::Deserialize<'de>>::deserialize(deserializer).map($name::from)
            }
        }

        impl serde::Serialize for $name<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg(feature = "wordpress")]
        impl $crate::wordpress::object::FieldShape for $name<'_> {
            fn field_text(&self) -> Option<&str> {
                Some(self.as_str())
            }
        }

        impl<$lt> $crate::map_text::MapText<$lt> for $name<$lt> {
            type Out<'b> = $name<'b>;
            fn map_text<'b, F: FnMut($crate::Text<$lt>) -> $crate::Text<'b>>(self, f: &mut F) -> $name<'b> {
                match self {
                    $( $name::$variant => $name::$variant, )*
                    $name::Other(s) => $name::Other(f(s)),
                }
            }
        }
    };
}
pub(crate) use open_enum;
