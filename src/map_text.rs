//! [`MapText`]: one traversal over every [`Text`] inside a model, shared by
//! `into_owned()` (copy each borrowed text) and the WordPress repair path
//! (re-point each text from a repaired copy of the input back into the
//! caller's input).

use crate::Text;

/// A value whose strings may borrow from an input: it can be rebuilt with
/// every [`Text`] inside passed through a function, which may change what
/// it borrows from.
///
/// Every model of the crate implements it, and so do `Option`, `Vec`, `Box`
/// and pairs of such values. `into_owned()` on each model is
/// `map_text(&mut Text::into_owned)`; the same traversal can, say, intern
/// every string.
///
/// # Examples
///
/// ```
/// use pressmark::{MapText, Text};
///
/// let input = String::from("a");
/// let texts = vec![Text::borrowed(input.as_str()), Text::from(String::from("b"))];
/// let owned: Vec<Text<'static>> = texts.map_text(&mut Text::into_owned);
/// drop(input);
/// assert_eq!(owned, ["a", "b"]);
/// ```
pub trait MapText<'a> {
    /// `Self` with its texts borrowing for `'b`.
    type Out<'b>;

    /// Rebuilds the value with every text passed through `f`.
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b>;
}

impl<'a> MapText<'a> for Text<'a> {
    type Out<'b> = Text<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Text<'b> {
        f(self)
    }
}

impl<'a, T: MapText<'a>> MapText<'a> for Option<T> {
    type Out<'b> = Option<T::Out<'b>>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        self.map(|v| v.map_text(f))
    }
}

impl<'a, T: MapText<'a>> MapText<'a> for Vec<T> {
    type Out<'b> = Vec<T::Out<'b>>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        // Same layout on both sides, so std collects in place: no allocation.
        self.into_iter().map(|v| v.map_text(f)).collect()
    }
}

impl<'a, T: MapText<'a>> MapText<'a> for Box<T> {
    type Out<'b> = Box<T::Out<'b>>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        Box::new((*self).map_text(f))
    }
}

impl<'a, A: MapText<'a>, B: MapText<'a>> MapText<'a> for (A, B) {
    type Out<'b> = (A::Out<'b>, B::Out<'b>);
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Self::Out<'b> {
        (self.0.map_text(f), self.1.map_text(f))
    }
}

/// `MapText` for types without text inside: returned as they are.
macro_rules! map_text_identity {
    ($($ty:ty),* $(,)?) => {$(
        impl<'a> $crate::map_text::MapText<'a> for $ty {
            type Out<'b> = $ty;
            fn map_text<'b, F: FnMut($crate::Text<'a>) -> $crate::Text<'b>>(self, _: &mut F) -> $ty {
                self
            }
        }
    )*};
}
#[allow(unused_imports)] // not every feature set uses it
pub(crate) use map_text_identity;

map_text_identity!(bool, u8, u16, u32, u64, i32, i64, usize, f64, char);
map_text_identity!(
    time::OffsetDateTime,
    time::PrimitiveDateTime,
    time::UtcOffset,
    time::Date
);

/// `MapText` for a struct with a lifetime, field by field (listing every
/// field: a forgotten one is a compile error), plus its public `into_owned()`.
#[allow(unused_macros)]
macro_rules! map_text_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl<'a> $crate::map_text::MapText<'a> for $name<'a> {
            type Out<'b> = $name<'b>;
            fn map_text<'b, F: FnMut($crate::Text<'a>) -> $crate::Text<'b>>(
                self,
                f: &mut F,
            ) -> $name<'b> {
                #[allow(unused_imports)]
                use $crate::map_text::MapText as _;
                $name { $($field: self.$field.map_text(f)),* }
            }
        }

        impl<'a> $name<'a> {
            /// Detaches the value from the input it borrows from, copying
            /// every borrowed string.
            #[must_use]
            pub fn into_owned(self) -> $name<'static> {
                $crate::map_text::MapText::map_text(self, &mut $crate::Text::into_owned)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use map_text_struct;
