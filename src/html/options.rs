//! [`TextOptions`]: what the HTML to text conversion keeps and how it lays out.

/// How [`to_text_with`](super::to_text_with) and its siblings turn HTML into
/// text.
///
/// Every field is public and documented with its default; the struct is
/// `#[non_exhaustive]`, so build it from [`TextOptions::default`],
/// [`TextOptions::inline`] or [`TextOptions::excerpt`] and change fields:
///
/// ```
/// use pressmark::html::{self, TextOptions};
///
/// let mut options = TextOptions::default();
/// options.image_alt = true;
/// let text = html::to_text_with("<p>Map: <img src=m.png alt=\"Lyon\"></p>", &options);
/// assert_eq!(text, "Map: [Lyon]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TextOptions {
    /// Inline mode, for titles and other one-line strings: every block
    /// boundary and line break becomes a single space, lists get no markers,
    /// table cells are separated by spaces, and `pre` collapses its
    /// whitespace like any other text, so the result is one line.
    ///
    /// Default: `false` (block mode: paragraphs separated by one blank line,
    /// list markers, one table row per line).
    pub inline: bool,

    /// Keep U+00A0 NO-BREAK SPACE as it is instead of treating it as a space.
    ///
    /// By default `&nbsp;` collapses with the whitespace around it like an
    /// ordinary space (CSS `white-space: normal` would keep it, but in
    /// WordPress HTML it is mostly padding: `<p>&nbsp;</p>` spacer paragraphs,
    /// leading and trailing `&nbsp;` in titles), so such paragraphs vanish.
    /// With `keep_nbsp`, every U+00A0 is written as U+00A0 and is neither
    /// collapsed nor trimmed.
    ///
    /// Default: `false`.
    pub keep_nbsp: bool,

    /// Write the `alt` text of images as `[alt]` (images without an `alt`,
    /// or with an empty one, still write nothing).
    ///
    /// Default: `false` (images write nothing).
    pub image_alt: bool,

    /// Drop WordPress's screen-reader-only text and "read more" link: the
    /// content of every element whose `class` has `screen-reader-text`, and
    /// every `<a>` whose `class` has `more-link` (the "Continue reading" link
    /// that themes append to excerpts).
    ///
    /// Default: `false`; [`TextOptions::excerpt`] turns it on.
    pub wordpress_trimmings: bool,
}

impl Default for TextOptions {
    /// Block mode; every other field `false`.
    fn default() -> Self {
        TextOptions {
            inline: false,
            keep_nbsp: false,
            image_alt: false,
            wordpress_trimmings: false,
        }
    }
}

impl TextOptions {
    /// The options for titles: [`inline`](TextOptions::inline) mode, the rest as
    /// in [`TextOptions::default`]. This is what [`inline_text`](super::inline_text)
    /// uses.
    ///
    /// ```
    /// use pressmark::html::{self, TextOptions};
    /// let title = html::to_text_with("Breaking<br>news &#8211; <em>now</em>", &TextOptions::inline());
    /// assert_eq!(title, "Breaking news – now");
    /// ```
    #[must_use]
    pub fn inline() -> TextOptions {
        TextOptions {
            inline: true,
            ..TextOptions::default()
        }
    }

    /// The options for WordPress excerpts: block mode with
    /// [`wordpress_trimmings`](TextOptions::wordpress_trimmings) on, so the
    /// "Continue reading" link and screen-reader text are dropped.
    ///
    /// ```
    /// use pressmark::html::{self, TextOptions};
    /// let excerpt = "<p>The CNIL fined Clearview AI &hellip; \
    ///     <a href=\"/p/1\" class=\"more-link\">Continue reading \
    ///     <span class=\"screen-reader-text\">Clearview</span></a></p>\n";
    /// assert_eq!(html::to_text_with(excerpt, &TextOptions::excerpt()), "The CNIL fined Clearview AI …");
    /// ```
    #[must_use]
    pub fn excerpt() -> TextOptions {
        TextOptions {
            wordpress_trimmings: true,
            ..TextOptions::default()
        }
    }
}
