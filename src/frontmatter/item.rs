//! [`Item`]: any file of the aggregator's other collections (learning
//! videos, courses and collections, samples, people, communities,
//! newsletters), and the types only they use.

use time::OffsetDateTime;

use super::model::{Field, invalid_type, invalid_value, model};
use super::news::{Image, ItemType, Provider};
use super::value::Value;
use crate::{Result, Text};

model! {
    /// The scores of a course (`ratings:`).
    pub struct Ratings<'a> {
        /// `count`: how many ratings.
        "count" => count: Option<u64>,
        /// `average`: written as a float, or as an integer (`5`, `0`).
        "average" => average: Option<f64>,
    }
}

model! {
    /// An item of any of the aggregator's collections. Every field is
    /// optional: each collection has its own set (people have `name` and
    /// `bio`, courses `ratings` and `length`, samples `actions`...); keys
    /// not listed here are in [`Item::extra`].
    ///
    /// Read one with [`item`](super::item), which also gives the body.
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
        "images" => images: Vec<Image<'a>>,
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

/// An ISO 8601 duration such as `PT13M57S` or `P1DT2H`, as written and as a
/// [`time::Duration`].
///
/// Years and months are not accepted (their length varies).
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::IsoDuration;
///
/// let d = IsoDuration::parse("PT13M57S").expect("valid");
/// assert_eq!(d.duration().whole_seconds(), 13 * 60 + 57);
/// assert_eq!(d.as_str(), "PT13M57S");
/// assert!(IsoDuration::parse("13 minutes").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IsoDuration<'a> {
    text: Text<'a>,
    duration: time::Duration,
}

impl<'a> IsoDuration<'a> {
    /// Parses `PnW`, `PnD`, `PTnHnMnS` and their combinations (the seconds
    /// may have a fraction); `None` if `text` is not such a duration.
    #[must_use]
    pub fn parse(text: impl Into<Text<'a>>) -> Option<IsoDuration<'a>> {
        let text = text.into();
        let duration = parse_duration(&text)?;
        Some(IsoDuration { text, duration })
    }

    /// The duration as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The duration.
    #[must_use]
    pub fn duration(&self) -> time::Duration {
        self.duration
    }

    /// Detaches the value from the input.
    #[must_use]
    pub fn into_owned(self) -> IsoDuration<'static> {
        IsoDuration {
            text: self.text.into_owned(),
            duration: self.duration,
        }
    }
}

fn parse_duration(s: &str) -> Option<time::Duration> {
    let rest = s.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) if !t.is_empty() => (d, Some(t)),
        Some(_) => return None,
        None => (rest, None),
    };
    if date.is_empty() && time.is_none() {
        return None;
    }
    let mut seconds = 0f64;
    let mut add = |part: &str, units: &[(char, f64)]| -> Option<()> {
        let mut rest = part;
        let mut last = 0;
        while !rest.is_empty() {
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
            let number: f64 = rest[..end].parse().ok()?;
            let unit = rest[end..].chars().next()?;
            let i = units.iter().position(|&(u, _)| u == unit)?;
            // Units in order, each at most once.
            if i < last {
                return None;
            }
            last = i + 1;
            seconds += number * units[i].1;
            rest = &rest[end + 1..];
        }
        Some(())
    };
    add(date, &[('W', 604_800.0), ('D', 86_400.0)])?;
    if let Some(t) = time {
        add(t, &[('H', 3600.0), ('M', 60.0), ('S', 1.0)])?;
    }
    if !seconds.is_finite() || seconds > i64::MAX as f64 {
        return None;
    }
    Some(time::Duration::seconds_f64(seconds))
}

impl<'a> Field<'a> for IsoDuration<'a> {
    fn from_value(value: Value<'a>) -> Result<Self> {
        let Some(s) = value.as_str() else {
            return Err(invalid_type(&value, "an ISO 8601 duration string"));
        };
        match parse_duration(s) {
            Some(duration) => Ok(IsoDuration {
                text: Text::from_value(value)?,
                duration,
            }),
            None => Err(invalid_value(
                &value,
                format!("invalid duration: expected ISO 8601 such as `PT13M57S`, found {s:?}"),
            )),
        }
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'a> crate::map_text::MapText<'a> for IsoDuration<'a> {
    type Out<'b> = IsoDuration<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> IsoDuration<'b> {
        IsoDuration {
            text: f(self.text),
            duration: self.duration,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations() {
        let rows: &[(&str, Option<i64>)] = &[
            ("PT15M", Some(900)),
            ("PT13M57S", Some(837)),
            ("PT2H21M", Some(8460)),
            ("P1DT1S", Some(86_401)),
            ("P2W", Some(1_209_600)),
            ("PT1.5S", Some(1)),
            ("P", None),
            ("PT", None),
            ("PT5S3M", None),
            ("PT5M5M", None),
            ("P1Y", None),
            ("15M", None),
        ];
        for (s, secs) in rows {
            assert_eq!(parse_duration(s).map(|d| d.whole_seconds()), *secs, "{s}");
        }
    }
}
