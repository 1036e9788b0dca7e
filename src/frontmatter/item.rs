//! [`Item`]: any file of the aggregator's other collections (learning
//! videos, courses and collections, samples, people, communities,
//! newsletters), and the types only they use.

use time::OffsetDateTime;

use super::model::{Field, Rejected, Warnings, front_matter_model, invalid_type, invalid_value};
use super::news::{ItemType, NewsImage, Provider};
use super::value::{Value, ValueKind};
use crate::Text;

front_matter_model! {
    /// The scores of a course (`ratings:`).
    pub struct Ratings<'a> {
        /// `count`: how many ratings.
        "count" => count: Option<u64>,
        /// `average`: written as a float, or as an integer (`5`, `0`).
        "average" => average: Option<f64>,
    }
}

front_matter_model! {
    /// An item of any of the aggregator's collections. Every field is
    /// optional: each collection has its own set (people have `name` and
    /// `bio`, courses `ratings` and `length`, samples `actions`...); keys
    /// not listed here are in [`Item::extra`].
    ///
    /// Read one with [`item`](super::item()), which also gives the body.
    pub struct Item<'a> {
        /// `category` (`news` for news items).
        "category" => category: Option<Text<'a>>,
        /// `title`, raw.
        "title" => title: Option<Text<'a>>,
        /// `name`: the title of people and communities.
        "name" => name: Option<Text<'a>>,
        /// `excerpt`, raw.
        "excerpt" => excerpt: Option<Text<'a>>,
        /// `publishedDateTime`.
        "publishedDateTime" => published_date_time: Option<OffsetDateTime>,
        /// `originalUrl`.
        "originalUrl" => original_url: Option<Text<'a>>,
        /// `webUrl`.
        "webUrl" => web_url: Option<Text<'a>>,
        /// `type`.
        "type" => kind: Option<ItemType<'a>>,
        /// `length`: an ISO 8601 duration (`PT13M57S`).
        "length" => length: Option<IsoDuration<'a>>,
        /// `ratings`.
        "ratings" => ratings: Option<Ratings<'a>>,
        /// `heat`: the aggregator's popularity score.
        "heat" => heat: Option<i64>,
        /// `published`.
        "published" => published: Option<bool>,
        /// `removed`.
        "removed" => removed: Option<bool>,
        /// `featuredContent`: an HTML fragment.
        "featuredContent" => featured_content: Option<Text<'a>>,
        /// `provider`.
        "provider" => provider: Option<Provider<'a>>,
        /// `topics`.
        "topics" => topics: Vec<Text<'a>>,
        /// `images`.
        "images" => images: Vec<NewsImage<'a>>,
        /// `secured`: an opaque string.
        "secured" => secured: Option<Text<'a>>,
    }
}

impl Item<'_> {
    /// The item's title: `title`, or `name` for people and communities.
    #[must_use]
    pub fn display_title(&self) -> Option<&str> {
        self.title.as_deref().or(self.name.as_deref())
    }
}

/// An ISO 8601 duration such as `PT13M57S`, `P1DT2H` or `P1M`, as written
/// and as a [`time::Duration`] when it has a fixed length.
///
/// Years and months have no fixed length: they are counted apart, in
/// [`IsoDuration::months`], and [`IsoDuration::duration`] is `None` when
/// there are any.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::IsoDuration;
///
/// let d = IsoDuration::parse("PT13M57S").expect("valid");
/// assert_eq!(d.duration().map(|d| d.whole_seconds()), Some(13 * 60 + 57));
/// assert_eq!(d.as_str(), "PT13M57S");
///
/// let month = IsoDuration::parse("P1M").expect("valid");
/// assert_eq!((month.months(), month.duration()), (1, None));
///
/// assert!(IsoDuration::parse("13 minutes").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IsoDuration<'a> {
    text: Text<'a>,
    months: u32,
    rest: time::Duration,
}

impl<'a> IsoDuration<'a> {
    /// Parses `PnYnMnWnDTnHnMnS` with any of its parts (units in that order,
    /// each once; only the seconds may have a fraction); `None` if `text` is
    /// not such a duration.
    #[must_use]
    pub fn parse(text: impl Into<Text<'a>>) -> Option<IsoDuration<'a>> {
        let text = text.into();
        let (months, rest) = parse_duration(&text)?;
        Some(IsoDuration { text, months, rest })
    }

    /// The duration as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The years and months, in months (`P1Y2M` is 14).
    #[must_use]
    pub fn months(&self) -> u32 {
        self.months
    }

    /// The duration, if it has a fixed length (no years or months).
    #[must_use]
    pub fn duration(&self) -> Option<time::Duration> {
        (self.months == 0).then_some(self.rest)
    }

    /// Detaches the value from the input.
    #[must_use]
    pub fn into_owned(self) -> IsoDuration<'static> {
        IsoDuration {
            text: self.text.into_owned(),
            months: self.months,
            rest: self.rest,
        }
    }
}

/// (months, the rest) of an ISO 8601 duration.
fn parse_duration(s: &str) -> Option<(u32, time::Duration)> {
    let rest = s.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return None,
        None => (rest, None),
    };
    if date.is_empty() && time.is_none() {
        return None;
    }
    let mut months = 0u32;
    let mut seconds = 0f64;
    // (unit, months, seconds, may have a fraction)
    let mut add = |part: &str, units: &[(char, u32, f64, bool)]| -> Option<()> {
        let mut rest = part;
        let mut last = 0;
        while !rest.is_empty() {
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
            let digits = &rest[..end];
            let unit = rest[end..].chars().next()?;
            let i = units.iter().position(|&(u, ..)| u == unit)?;
            if i < last {
                return None;
            }
            last = i + 1;
            let (_, m, secs, fraction) = units[i];
            if m > 0 {
                let n: u32 = digits.parse().ok()?;
                months = months.checked_add(n.checked_mul(m)?)?;
            } else {
                if !fraction && digits.contains('.') {
                    return None;
                }
                let n: f64 = digits.parse().ok()?;
                seconds += n * secs;
            }
            rest = &rest[end + unit.len_utf8()..];
        }
        Some(())
    };
    add(
        date,
        &[
            ('Y', 12, 0.0, false),
            ('M', 1, 0.0, false),
            ('W', 0, 604_800.0, false),
            ('D', 0, 86_400.0, false),
        ],
    )?;
    if let Some(t) = time {
        add(
            t,
            &[
                ('H', 0, 3600.0, false),
                ('M', 0, 60.0, false),
                ('S', 0, 1.0, true),
            ],
        )?;
    }
    if !seconds.is_finite() || seconds > 1e15 {
        return None;
    }
    Some((months, time::Duration::seconds_f64(seconds)))
}

impl<'a> Field<'a> for IsoDuration<'a> {
    fn read(value: Value<'a>, _: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        let pos = value.pos;
        let kind = match value.kind {
            ValueKind::String(text) => match parse_duration(&text) {
                Some((months, rest)) => return Ok(IsoDuration { text, months, rest }),
                None => ValueKind::String(text),
            },
            kind => kind,
        };
        let value = Value { kind, pos };
        let error = match duration_parts(&value) {
            Err(e) => e,
            Ok(_) => invalid_type(&value, "an ISO 8601 duration string"),
        };
        Err(Rejected { error, value })
    }
    fn check(value: &Value<'a>) -> crate::Result<()> {
        duration_parts(value).map(drop)
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

fn duration_parts(value: &Value<'_>) -> crate::Result<(u32, time::Duration)> {
    let Some(s) = value.as_str() else {
        return Err(invalid_type(value, "an ISO 8601 duration string"));
    };
    parse_duration(s).ok_or_else(|| {
        invalid_value(
            value,
            format!("invalid duration: expected ISO 8601 such as `PT13M57S`, found {s:?}"),
        )
    })
}

impl<'a> crate::map_text::MapText<'a> for IsoDuration<'a> {
    type Out<'b> = IsoDuration<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> IsoDuration<'b> {
        IsoDuration {
            text: f(self.text),
            months: self.months,
            rest: self.rest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations() {
        let rows: &[(&str, Option<(u32, i64)>)] = &[
            ("PT15M", Some((0, 900))),
            ("PT13M57S", Some((0, 837))),
            ("PT2H21M", Some((0, 8460))),
            ("P1DT1S", Some((0, 86_401))),
            ("P2W", Some((0, 1_209_600))),
            ("PT1.5S", Some((0, 1))),
            ("P1M", Some((1, 0))),
            ("P1Y2MT1M", Some((14, 60))),
            ("P", None),
            ("PT", None),
            ("PT5S3M", None),
            ("PT5M5M", None),
            ("P1.5M", None),
            ("PT1.5M", None),
            ("15M", None),
            ("P1ÿ", None),
        ];
        for (s, expected) in rows {
            let got = parse_duration(s).map(|(m, d)| (m, d.whole_seconds()));
            assert_eq!(got, *expected, "{s}");
        }
    }
}
