//! [`Page`]: the front matter keys static-site generators share (Hugo,
//! Jekyll, Eleventy, Astro...), and the types only it uses: [`PageDate`]
//! and [`Terms`].

use std::borrow::Cow;

use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

use super::model::{Field, Rejected, Warnings, front_matter_model, invalid_type, invalid_value};
use super::value::{Value, ValueKind};
use crate::Text;

front_matter_model! {
    /// A page or post of a static site: the keys Hugo, Jekyll, Eleventy and
    /// Astro share, typed, and every other key in [`Page::extra`], in
    /// order, with its position.
    ///
    /// No field is required. The model reads leniently: a value that cannot
    /// be typed (a date that does not parse, a mapping where a list of
    /// names was expected) is kept in [`Page::extra`] as written, with a
    /// warning on the [`Document`](super::Document). Several keys that
    /// mean the same are each kept apart (`lastmod`, `updated`,
    /// `last_modified_at`); the methods ([`Page::published_at`],
    /// [`Page::modified_at`], [`Page::url_path`]...) read whichever is there.
    ///
    /// Read one with [`page`](super::page()).
    pub struct Page<'a> {
        /// `title`.
        "title" => title: Option<Text<'a>>,
        /// `date`: when it was published (Hugo, Jekyll, Eleventy).
        "date" => date: Option<PageDate<'a>>,
        /// `publishDate` (Hugo): when it goes live, if not `date`.
        "publishDate" => publish_date: Option<PageDate<'a>>,
        /// `pubDate` (Astro's blog).
        "pubDate" => pub_date: Option<PageDate<'a>>,
        /// `lastmod` (Hugo).
        "lastmod" => lastmod: Option<PageDate<'a>>,
        /// `updated` (Eleventy, Hexo).
        "updated" => updated: Option<PageDate<'a>>,
        /// `last_modified_at` (Jekyll's plugin).
        "last_modified_at" => last_modified_at: Option<PageDate<'a>>,
        /// `updatedDate` (Astro's blog).
        "updatedDate" => updated_date: Option<PageDate<'a>>,
        /// `expiryDate` (Hugo): when it stops being shown.
        "expiryDate" => expiry_date: Option<PageDate<'a>>,
        /// `draft`.
        "draft" => draft: Option<bool>,
        /// `published` (Jekyll: `false` hides the post).
        "published" => published: Option<bool>,
        /// `slug`: the last part of the URL.
        "slug" => slug: Option<Text<'a>>,
        /// `permalink` (Jekyll, Eleventy): the URL path.
        "permalink" => permalink: Option<Text<'a>>,
        /// `url` (Hugo): the URL path.
        "url" => url: Option<Text<'a>>,
        /// `aliases` (Hugo): other paths that redirect here.
        "aliases" => aliases: Terms<'a>,
        /// `redirect_from` (Jekyll's plugin): likewise.
        "redirect_from" => redirect_from: Terms<'a>,
        /// `tags`.
        "tags" => tags: Terms<'a>,
        /// `categories`.
        "categories" => categories: Terms<'a>,
        /// `category` (Jekyll): one category, or a list.
        "category" => category: Terms<'a>,
        /// `description`.
        "description" => description: Option<Text<'a>>,
        /// `summary` (Hugo).
        "summary" => summary: Option<Text<'a>>,
        /// `excerpt` (Jekyll).
        "excerpt" => excerpt: Option<Text<'a>>,
        /// `author`: a name, or a list of names.
        "author" => author: Terms<'a>,
        /// `authors`.
        "authors" => authors: Terms<'a>,
        /// `image`: the page's picture, a URL or path.
        "image" => image: Option<Text<'a>>,
        /// `images` (Hugo): pictures, URLs or paths.
        "images" => images: Terms<'a>,
        /// `heroImage` (Astro's blog).
        "heroImage" => hero_image: Option<Text<'a>>,
        /// `cover` (Hugo themes): a path, or a mapping with `image`, `alt`...
        "cover" => cover: Option<Value<'a>>,
        /// `weight` (Hugo): the order among pages.
        "weight" => weight: Option<i64>,
        /// `layout`.
        "layout" => layout: Option<Text<'a>>,
        /// `lang` (Jekyll).
        "lang" => lang: Option<Text<'a>>,
        /// `language`.
        "language" => language: Option<Text<'a>>,
    }
}

impl Page<'_> {
    /// When it was published: `date`, else `publishDate`, else `pubDate`.
    #[must_use]
    pub fn published_at(&self) -> Option<&PageDate<'_>> {
        self.date
            .as_ref()
            .or(self.publish_date.as_ref())
            .or(self.pub_date.as_ref())
    }

    /// When it was last changed: `lastmod`, `updated`, `last_modified_at`
    /// or `updatedDate`, the first there.
    #[must_use]
    pub fn modified_at(&self) -> Option<&PageDate<'_>> {
        self.lastmod
            .as_ref()
            .or(self.updated.as_ref())
            .or(self.last_modified_at.as_ref())
            .or(self.updated_date.as_ref())
    }

    /// Whether the page is a draft: `draft: true` or `published: false`.
    #[must_use]
    pub fn is_draft(&self) -> bool {
        self.draft == Some(true) || self.published == Some(false)
    }

    /// The page's URL path as written: `url`, else `permalink`.
    #[must_use]
    pub fn url_path(&self) -> Option<&str> {
        self.url.as_deref().or(self.permalink.as_deref())
    }

    /// The summary: `description`, else `summary`, else `excerpt`.
    #[must_use]
    pub fn summary_text(&self) -> Option<&str> {
        self.description
            .as_deref()
            .or(self.summary.as_deref())
            .or(self.excerpt.as_deref())
    }

    /// The categories: `categories`, then `category`.
    pub fn category_names(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.categories.names().chain(self.category.names())
    }

    /// The authors' names: `author`, then `authors`.
    pub fn author_names(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.author.names().chain(self.authors.names())
    }

    /// The page's picture: `image`, `heroImage`, the first of `images`, or
    /// `cover` (a path, or its `image`).
    #[must_use]
    pub fn image_url(&self) -> Option<Cow<'_, str>> {
        self.image
            .as_deref()
            .or(self.hero_image.as_deref())
            .map(Cow::Borrowed)
            .or_else(|| self.images.names().next())
            .or_else(|| {
                let cover = self.cover.as_ref()?;
                cover
                    .as_str()
                    .or_else(|| cover.get("image")?.as_str())
                    .map(Cow::Borrowed)
            })
    }

    /// The language: `lang`, else `language`.
    #[must_use]
    pub fn language_tag(&self) -> Option<&str> {
        self.lang.as_deref().or(self.language.as_deref())
    }
}

/// A list of names (tags, categories, authors, aliases) as generators
/// accept them: a list of strings, or one string; numbers are names too
/// (Jekyll's `category: 2013`). The value is kept as written, so that the
/// page writes back as it was read.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter;
///
/// let doc = frontmatter::page("---\ncategory: 2013\ntags: [sea, 7]\n---\n")?;
/// assert_eq!(doc.category.names().collect::<Vec<_>>(), ["2013"]);
/// assert_eq!(doc.tags.names().collect::<Vec<_>>(), ["sea", "7"]);
/// assert!(doc.categories.is_empty());
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Terms<'a> {
    value: Option<Value<'a>>,
}

impl<'a> Terms<'a> {
    /// The names, in order: each string as written, each number in
    /// decimal.
    pub fn names(&self) -> impl Iterator<Item = Cow<'_, str>> {
        let items: &[Value<'a>] = match &self.value {
            Some(v) => match &v.kind {
                ValueKind::Sequence(items) => items,
                _ => std::slice::from_ref(v),
            },
            None => &[],
        };
        items.iter().filter_map(name)
    }

    /// How many names there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names().count()
    }

    /// Whether there is none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names().next().is_none()
    }

    /// The value as written, when the key is there.
    #[must_use]
    pub fn as_value(&self) -> Option<&Value<'a>> {
        self.value.as_ref()
    }

    /// Detaches the value from the input.
    #[must_use]
    pub fn into_owned(self) -> Terms<'static> {
        Terms {
            value: self.value.map(Value::into_owned),
        }
    }
}

/// A name: a string, or a number in decimal; `None` for anything else.
fn name<'r>(v: &'r Value<'_>) -> Option<Cow<'r, str>> {
    match &v.kind {
        ValueKind::String(s) => Some(Cow::Borrowed(s.as_str())),
        ValueKind::Int(i) => Some(Cow::Owned(i.to_string())),
        ValueKind::Float(f) => Some(Cow::Owned(f.to_string())),
        _ => None,
    }
}

/// Strings and numbers (`Null` is no name).
fn is_name(v: &Value<'_>) -> bool {
    matches!(
        v.kind,
        ValueKind::String(_) | ValueKind::Int(_) | ValueKind::Float(_) | ValueKind::Null
    )
}

impl<'a> Field<'a> for Terms<'a> {
    fn read(value: Value<'a>, _: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        match Self::check(&value) {
            Ok(()) => Ok(Terms { value: Some(value) }),
            Err(error) => Err(Rejected { error, value }),
        }
    }
    fn check(value: &Value<'a>) -> crate::Result<()> {
        let ok = match &value.kind {
            ValueKind::Sequence(items) => items.iter().all(is_name),
            _ => is_name(value),
        };
        if ok {
            Ok(())
        } else {
            Err(invalid_type(value, "a name or a list of names"))
        }
    }
    fn required() -> bool {
        false
    }
    fn missing(_: &'static str, _: Option<crate::Position>) -> crate::Result<Self> {
        Ok(Terms::default())
    }
    fn skip(&self) -> bool {
        self.value.is_none()
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            Some(v) => serde::Serialize::serialize(v, s),
            None => s.serialize_none(),
        }
    }
}

impl<'a> crate::map_text::MapText<'a> for Terms<'a> {
    type Out<'b> = Terms<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Terms<'b> {
        Terms {
            value: self.value.map(|v| v.map_text(f)),
        }
    }
}

/// A date as static-site generators accept it, as written and parsed: a
/// date alone (`2024-03-01`), or with a time (`T` or spaces between,
/// seconds and fractions optional) and an offset or not (`Z`, `+01:00`,
/// `+0100`, `+01`, Jekyll's ` +0200` after a space). YAML timestamps and
/// TOML dates are all of these forms.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::PageDate;
/// use pressmark::time::macros::{datetime, offset};
///
/// let jekyll = PageDate::parse("2013-06-01 10:00:00 +0200").expect("valid");
/// assert_eq!(jekyll.offset(), Some(offset!(+2)));
/// assert_eq!(jekyll.to_offset_date_time(), datetime!(2013-06-01 10:00 +2));
///
/// let day = PageDate::parse("2024-05-02").expect("valid");
/// assert_eq!((day.time(), day.offset()), (None, None));
/// assert_eq!(day.to_offset_date_time(), datetime!(2024-05-02 00:00 UTC));
/// assert_eq!(day.as_str(), "2024-05-02");
///
/// assert!(PageDate::parse("next tuesday").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageDate<'a> {
    text: Text<'a>,
    date: Date,
    time: Option<Time>,
    offset: Option<UtcOffset>,
}

impl<'a> PageDate<'a> {
    /// Parses one of the forms above; `None` for anything else.
    #[must_use]
    pub fn parse(text: impl Into<Text<'a>>) -> Option<PageDate<'a>> {
        let text = text.into();
        let (date, time, offset) = parse_page_date(&text)?;
        Some(PageDate {
            text,
            date,
            time,
            offset,
        })
    }

    /// The date as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The calendar date.
    #[must_use]
    pub fn date(&self) -> Date {
        self.date
    }

    /// The time of day, when written.
    #[must_use]
    pub fn time(&self) -> Option<Time> {
        self.time
    }

    /// The UTC offset, when written.
    #[must_use]
    pub fn offset(&self) -> Option<UtcOffset> {
        self.offset
    }

    /// The instant: midnight when no time is written, UTC when no offset
    /// is (as Hugo and Jekyll take it when no time zone is configured).
    #[must_use]
    pub fn to_offset_date_time(&self) -> OffsetDateTime {
        self.date
            .with_time(self.time.unwrap_or(Time::MIDNIGHT))
            .assume_offset(self.offset.unwrap_or(UtcOffset::UTC))
    }

    /// Detaches the value from the input.
    #[must_use]
    pub fn into_owned(self) -> PageDate<'static> {
        PageDate {
            text: self.text.into_owned(),
            date: self.date,
            time: self.time,
            offset: self.offset,
        }
    }
}

/// Reads `YYYY-MM-DD`, then optionally `T`/`t`/blanks, `H:MM[:SS[.f]]`,
/// optional blanks, and `Z`/`z` or `±HH[[:]MM]`.
fn parse_page_date(s: &str) -> Option<(Date, Option<Time>, Option<UtcOffset>)> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        (!part.is_empty() && part.iter().all(u8::is_ascii_digit))
            .then(|| part.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    let month = Month::try_from(u8::try_from(digits(5..7)?).ok()?).ok()?;
    let date = Date::from_calendar_date(year, month, u8::try_from(digits(8..10)?).ok()?).ok()?;
    let mut at = 10;
    if at == b.len() {
        return Some((date, None, None));
    }
    match b[at] {
        b'T' | b't' => at += 1,
        b' ' | b'\t' => {
            while matches!(b.get(at), Some(b' ' | b'\t')) {
                at += 1;
            }
        }
        _ => return None,
    }
    let number = |at: &mut usize, max: usize| -> Option<u32> {
        let start = *at;
        while *at < b.len() && *at - start < max && b[*at].is_ascii_digit() {
            *at += 1;
        }
        digits(start..*at)
    };
    let hour = number(&mut at, 2)?;
    (b.get(at) == Some(&b':')).then_some(())?;
    at += 1;
    let minute = (at + 2 <= b.len()).then(|| digits(at..at + 2))??;
    at += 2;
    let mut second = 0;
    let mut nanos = 0u32;
    if b.get(at) == Some(&b':') {
        second = (at + 3 <= b.len()).then(|| digits(at + 1..at + 3))??;
        at += 3;
        if b.get(at) == Some(&b'.') {
            at += 1;
            let start = at;
            while at < b.len() && b[at].is_ascii_digit() {
                at += 1;
            }
            let fraction = &s[start..at];
            if fraction.is_empty() {
                return None;
            }
            let nine: String = fraction
                .chars()
                .chain(std::iter::repeat('0'))
                .take(9)
                .collect();
            nanos = nine.parse().ok()?;
        }
    }
    let time = Time::from_hms_nano(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
        nanos,
    )
    .ok()?;
    while matches!(b.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    let offset = match b.get(at) {
        None => None,
        Some(b'Z' | b'z') if at + 1 == b.len() => Some(UtcOffset::UTC),
        Some(&sign @ (b'+' | b'-')) => {
            at += 1;
            let hours = number(&mut at, 2)?;
            let minutes = match b.get(at) {
                None => 0,
                Some(b':') => (at + 3 == b.len()).then(|| digits(at + 1..at + 3))??,
                Some(_) => (at + 2 == b.len()).then(|| digits(at..at + 2))??,
            };
            let sign = if sign == b'-' { -1 } else { 1 };
            Some(
                UtcOffset::from_hms(
                    sign * i8::try_from(hours).ok()?,
                    sign * i8::try_from(minutes).ok()?,
                    0,
                )
                .ok()?,
            )
        }
        _ => return None,
    };
    if offset.is_none() && at != b.len() {
        return None;
    }
    Some((date, Some(time), offset))
}

impl<'a> Field<'a> for PageDate<'a> {
    fn read(value: Value<'a>, _: Warnings<'_>) -> Result<Self, Rejected<'a>> {
        let pos = value.pos;
        let kind = match value.kind {
            ValueKind::String(text) => match parse_page_date(&text) {
                Some((date, time, offset)) => {
                    return Ok(PageDate {
                        text,
                        date,
                        time,
                        offset,
                    });
                }
                None => ValueKind::String(text),
            },
            kind => kind,
        };
        let value = Value { kind, pos };
        let error = match Self::check(&value) {
            Err(e) => e,
            Ok(()) => invalid_type(&value, "a date"),
        };
        Err(Rejected { error, value })
    }
    fn check(value: &Value<'a>) -> crate::Result<()> {
        let Some(s) = value.as_str() else {
            return Err(invalid_type(
                value,
                "a date such as `2024-03-01T10:00:00+01:00`",
            ));
        };
        parse_page_date(s).map(drop).ok_or_else(|| {
            invalid_value(
                value,
                format!(
                    "invalid date: expected a date such as `2024-03-01`, `2024-03-01T10:00:00+01:00` or `2024-03-01 10:00:00 +0100`, found {s:?}"
                ),
            )
        })
    }
    fn ser<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'a> crate::map_text::MapText<'a> for PageDate<'a> {
    type Out<'b> = PageDate<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> PageDate<'b> {
        PageDate {
            text: f(self.text),
            date: self.date,
            time: self.time,
            offset: self.offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_page_date;

    #[test]
    fn page_date_forms() {
        let rows: &[(&str, Option<&str>)] = &[
            ("2024-03-01", Some("2024-03-01 0:00:00.0 +00:00:00")),
            (
                "2024-03-01T10:00:00Z",
                Some("2024-03-01 10:00:00.0 +00:00:00"),
            ),
            (
                "2024-03-01T10:00:00+01:00",
                Some("2024-03-01 10:00:00.0 +01:00:00"),
            ),
            (
                "2024-03-01 10:00:00 +0200",
                Some("2024-03-01 10:00:00.0 +02:00:00"),
            ),
            (
                "2024-03-01 10:00:00",
                Some("2024-03-01 10:00:00.0 +00:00:00"),
            ),
            ("2024-03-01T10:00", Some("2024-03-01 10:00:00.0 +00:00:00")),
            (
                "2001-12-14 21:59:43.10 -5",
                Some("2001-12-14 21:59:43.1 -05:00:00"),
            ),
            (
                "2001-12-15 2:59:43.10",
                Some("2001-12-15 2:59:43.1 +00:00:00"),
            ),
            (
                "2001-12-14t21:59:43.10-05:00",
                Some("2001-12-14 21:59:43.1 -05:00:00"),
            ),
            (
                "2024-06-01T12:00:00.000+02:00",
                Some("2024-06-01 12:00:00.0 +02:00:00"),
            ),
            ("2024-02-30", None),
            ("2024-03-01T25:00:00Z", None),
            ("2024-03-01T10:00:00Zulu", None),
            ("2024-03-01T10", None),
            ("2024-03-01X", None),
            ("2024-3-1", None),
            ("today", None),
            (
                "2024-03-01T10:00:00+1:00",
                Some("2024-03-01 10:00:00.0 +01:00:00"),
            ),
            ("2024-03-01T10:00:00+01:0", None),
            ("2024-03-01T10:00:00.", None),
            ("2024-03-01 10:00:00 x", None),
        ];
        for (input, expected) in rows {
            let got = parse_page_date(input).map(|(d, t, o)| {
                d.with_time(t.unwrap_or(time::Time::MIDNIGHT))
                    .assume_offset(o.unwrap_or(time::UtcOffset::UTC))
                    .to_string()
            });
            assert_eq!(got.as_deref(), *expected, "{input}");
        }
    }
}
