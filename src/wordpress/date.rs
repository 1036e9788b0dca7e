//! Date-time fields: the text as sent, and its value when it is a real date.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::Text;
use crate::map_text::MapText;

/// A date-time field: its text exactly as sent, and its value, which is
/// `None` for WordPress's zero dates (`0000-00-00 00:00:00`,
/// `-0001-11-30T00:00:00`).
///
/// `T` is [`PrimitiveDateTime`] for WordPress's own fields (`date` is
/// site-local time, `date_gmt` is UTC, neither says so) and
/// [`OffsetDateTime`] for Yoast's RFC 3339 times. The text is kept so that a
/// post writes back exactly as it was read.
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post};
///
/// use time::macros::datetime;
///
/// let post = wordpress::from_str::<Post>(
///     r#"{"date":"2023-05-17T08:42:31","date_gmt":"0000-00-00 00:00:00"}"#,
/// )?;
/// let date = post.date.as_ref().unwrap();
/// assert_eq!(date.value(), Some(datetime!(2023-05-17 08:42:31)));
/// assert_eq!(date.as_str(), "2023-05-17T08:42:31");
/// assert_eq!(post.date_gmt.as_ref().unwrap().value(), None); // a zero date
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DateTime<'a, T> {
    text: Text<'a>,
    value: Option<T>,
}

/// A WordPress date-time without offset (`date`, `modified`, `*_gmt`).
pub type LocalDateTime<'a> = DateTime<'a, PrimitiveDateTime>;

/// An RFC 3339 date-time with its offset (Yoast's `article_published_time`).
pub type ZonedDateTime<'a> = DateTime<'a, OffsetDateTime>;

impl<'a, T: DateValue> DateTime<'a, T> {
    /// The value, or `None` for a zero date.
    #[must_use]
    pub fn value(&self) -> Option<T> {
        self.value
    }

    /// The text as sent.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// A field holding `value`, written the way WordPress writes it.
    #[must_use]
    pub fn new(value: T) -> DateTime<'static, T> {
        DateTime {
            text: Text::from(value.format()),
            value: Some(value),
        }
    }

    /// Reads a field's text: `Ok(None)` value for a zero date.
    ///
    /// # Errors
    ///
    /// When the text is neither a date-time in the expected form nor a zero date.
    pub fn parse(text: impl Into<Text<'a>>) -> Result<Self, String> {
        let text = text.into();
        let value = if is_zero_date(&text) {
            None
        } else {
            Some(T::parse(&text).ok_or_else(|| {
                format!(
                    "invalid date: expected {}, found `{}`",
                    T::EXPECTED,
                    text.as_str()
                )
            })?)
        };
        Ok(DateTime { text, value })
    }

    /// Detaches the field from the input.
    #[must_use]
    pub fn into_owned(self) -> DateTime<'static, T> {
        DateTime {
            text: self.text.into_owned(),
            value: self.value,
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for DateTime<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(v) => fmt::Debug::fmt(v, f),
            None => write!(f, "ZeroDate({:?})", self.text),
        }
    }
}

/// WordPress writes "no date" as a zero date instead of `null`.
fn is_zero_date(s: &str) -> bool {
    s.starts_with("0000-00-00") || s.starts_with("-0001-11-30")
}

/// The value types a [`DateTime`] field can hold.
pub trait DateValue: Copy + sealed::Sealed {
    /// The form expected, for error messages.
    #[doc(hidden)]
    const EXPECTED: &'static str;
    /// Parses the text, `None` when it is not in the expected form.
    #[doc(hidden)]
    fn parse(s: &str) -> Option<Self>;
    /// Writes the value in the form WordPress sends.
    #[doc(hidden)]
    fn format(&self) -> String;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for time::PrimitiveDateTime {}
    impl Sealed for time::OffsetDateTime {}
}

impl DateValue for PrimitiveDateTime {
    const EXPECTED: &'static str = "`YYYY-MM-DDTHH:MM:SS`";

    fn parse(s: &str) -> Option<Self> {
        parse_wp_datetime(s)
    }

    fn format(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year(),
            u8::from(self.month()),
            self.day(),
            self.hour(),
            self.minute(),
            self.second()
        )
    }
}

impl DateValue for OffsetDateTime {
    const EXPECTED: &'static str = "an RFC 3339 date-time";

    fn parse(s: &str) -> Option<Self> {
        OffsetDateTime::parse(s, &Rfc3339).ok()
    }

    fn format(&self) -> String {
        OffsetDateTime::format(*self, &Rfc3339).unwrap_or_default()
    }
}

/// `YYYY-MM-DDTHH:MM:SS` (or with a space for `T`, as in the database),
/// by hand: this runs four times per post and needs no format description.
fn parse_wp_datetime(s: &str) -> Option<PrimitiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u16> {
        b[r].iter().try_fold(0u16, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0'))
        })
    };
    let year = i32::from(num(0..4)?);
    let month = Month::try_from(u8::try_from(num(5..7)?).ok()?).ok()?;
    let day = u8::try_from(num(8..10)?).ok()?;
    let time = Time::from_hms(
        u8::try_from(num(11..13)?).ok()?,
        u8::try_from(num(14..16)?).ok()?,
        u8::try_from(num(17..19)?).ok()?,
    )
    .ok()?;
    Some(PrimitiveDateTime::new(
        Date::from_calendar_date(year, month, day).ok()?,
        time,
    ))
}

/// The site's UTC offset, from a site-local time and the same instant in UTC.
/// `None` unless the difference is a whole number of minutes within ±18 h:
/// real offsets lie within −12 h and +14 h, and a larger difference (a
/// `modified` a day off its `modified_gmt`, seen in the corpus) is an
/// inconsistency, not an offset RFC 3339 could even write.
pub(crate) fn offset_between(
    local: PrimitiveDateTime,
    utc: PrimitiveDateTime,
) -> Option<UtcOffset> {
    let secs = (local - utc).whole_seconds();
    if secs % 60 != 0 || secs.abs() > 18 * 3600 {
        return None;
    }
    UtcOffset::from_whole_seconds(i32::try_from(secs).ok()?).ok()
}

impl<'de: 'a, 'a, T: DateValue> Deserialize<'de> for DateTime<'a, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Checked inside the visitor, so that the reader places the error
        // on the string.
        struct DateVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: DateValue> de::Visitor<'de> for DateVisitor<T> {
            type Value = DateTime<'de, T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a date-time string ({})", T::EXPECTED)
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                DateTime::parse(v).map_err(E::custom)
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                DateTime::parse(v.to_owned()).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(DateVisitor(std::marker::PhantomData))
    }
}

impl<T> Serialize for DateTime<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'a, T: DateValue> MapText<'a> for DateTime<'a, T> {
    type Out<'b> = DateTime<'b, T>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> DateTime<'b, T> {
        DateTime {
            text: f(self.text),
            value: self.value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    #[test]
    fn wordpress_forms() {
        let rows: &[(&str, Option<PrimitiveDateTime>)] = &[
            ("2023-05-17T08:42:31", Some(datetime!(2023-05-17 08:42:31))),
            ("2023-05-17 08:42:31", Some(datetime!(2023-05-17 08:42:31))),
            ("2023-02-30T08:42:31", None),
            ("2023-05-17T24:00:00", None),
            ("2023-05-17T08:42", None),
            ("2023-05-17T08:42:31Z", None),
        ];
        for (text, want) in rows {
            assert_eq!(parse_wp_datetime(text), *want, "{text}");
        }
    }

    #[test]
    fn zero_dates_are_none_not_errors() {
        for text in [
            "0000-00-00 00:00:00",
            "-0001-11-30T00:00:00",
            "0000-00-00T00:00:00",
        ] {
            assert_eq!(LocalDateTime::parse(text).unwrap().value(), None);
        }
    }

    #[test]
    fn invalid_date_message() {
        let err = LocalDateTime::parse("yesterday").unwrap_err();
        assert_eq!(
            err,
            "invalid date: expected `YYYY-MM-DDTHH:MM:SS`, found `yesterday`"
        );
    }

    #[test]
    fn offset_from_local_and_gmt() {
        let off = offset_between(
            datetime!(2023-05-17 08:42:31),
            datetime!(2023-05-17 06:42:31),
        );
        assert_eq!(off, Some(offset!(+2)));
        let odd = offset_between(
            datetime!(2023-05-17 08:42:31),
            datetime!(2023-05-17 06:42:00),
        );
        assert_eq!(odd, None);
    }
}
