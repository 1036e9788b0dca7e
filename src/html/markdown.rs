//! HTML to Markdown on the same engine as the text: [`to_markdown`],
//! [`to_markdown_with`], [`push_markdown`] and [`MarkdownOptions`].

use super::dest::Dest;
use super::markdown_escape::{self, Context};
use super::markdown_writer::MarkdownWriter;
use super::sink::TextSink;
use super::{TextOptions, borrow, lane, plain_check};
use crate::Text;

/// How [`to_markdown_with`] and [`push_markdown`] write Markdown.
///
/// Every field is public and documented with its default; the struct is
/// `#[non_exhaustive]`, so build it from [`MarkdownOptions::default`] and
/// change fields:
///
/// ```
/// use pressmark::html::{self, MarkdownOptions};
///
/// let mut options = MarkdownOptions::default();
/// options.reference_links = true;
/// let md = html::to_markdown_with("<p>See <a href=\"https://e.x/\">the site</a>.</p>", &options);
/// assert_eq!(md, "See [the site][1].\n\n[1]: https://e.x/");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct MarkdownOptions {
    /// Write links as references (`[text][1]`, with the definitions
    /// `[1]: URL "title"` at the end) instead of inline (`[text](URL)`).
    ///
    /// Default: `false` (inline links).
    pub reference_links: bool,

    /// Keep U+00A0 NO-BREAK SPACE as it is instead of treating it as a
    /// space, as [`TextOptions::keep_nbsp`] does for text.
    ///
    /// Default: `false`.
    pub keep_nbsp: bool,

    /// Drop WordPress's screen-reader text and "Continue reading" link, as
    /// [`TextOptions::wordpress_trimmings`] does for text.
    ///
    /// Default: `false`.
    pub wordpress_trimmings: bool,
}

/// Converts an HTML fragment to Markdown with the default
/// [`MarkdownOptions`]: CommonMark, with GFM tables and strikethrough.
///
/// Headings, paragraphs, emphasis and strong emphasis, inline code, fenced
/// code blocks from `<pre>` (with the language of a `language-…` class),
/// links and images, lists (ordered with their `start`, nested),
/// blockquotes, `<br>` as hard breaks, `<hr>`, tables (GFM when every cell
/// is one line of inline content; otherwise each cell's blocks in turn),
/// figures with their captions. What the text leaves out
/// ([`to_text`](super::to_text): scripts, styles, hidden elements...) is
/// left out here too, and elements left open end where a browser ends
/// them. Text is escaped completely (it never turns into markup) and
/// minimally (ordinary prose gets no backslashes).
///
/// The result borrows from `html` when `html` is plain text that needs no
/// escaping.
///
/// # Examples
///
/// ```
/// use pressmark::html;
///
/// let md = html::to_markdown(
///     "<h2>Tides</h2><p>High water at <b>18:00</b>; see <a href=\"/t\">the table</a>.</p>\
///      <ul><li>north pier</li><li>south pier</li></ul>",
/// );
/// assert_eq!(
///     md,
///     "## Tides\n\nHigh water at **18:00**; see [the table](/t).\n\n- north pier\n- south pier"
/// );
/// assert!(html::to_markdown("Plain prose, nothing to escape.").is_borrowed());
/// ```
#[must_use]
pub fn to_markdown(html: &str) -> Text<'_> {
    to_markdown_with(html, &MarkdownOptions::default())
}

/// Converts an HTML fragment to Markdown with `options`; see [`to_markdown`].
///
/// # Examples
///
/// ```
/// use pressmark::html::{self, MarkdownOptions};
///
/// let md = html::to_markdown_with("<p>5 * 3 = 15, not *15*</p>", &MarkdownOptions::default());
/// assert_eq!(md, "5 * 3 = 15, not \\*15\\*");
/// ```
#[must_use]
pub fn to_markdown_with<'a>(html: &'a str, options: &MarkdownOptions) -> Text<'a> {
    if is_plain_markdown(html, options) {
        return Text::borrowed(html);
    }
    convert(html, options, Dest::text(html)).into_text()
}

/// Appends the Markdown of `html` to `out`, converting as
/// [`to_markdown_with`] does.
///
/// # Examples
///
/// ```
/// use pressmark::html::{self, MarkdownOptions};
///
/// let mut out = String::from("# Post\n\n");
/// html::push_markdown(&mut out, "<p>Body with <em>stress</em>.</p>", &MarkdownOptions::default());
/// assert_eq!(out, "# Post\n\nBody with *stress*.");
/// ```
pub fn push_markdown(out: &mut String, html: &str, options: &MarkdownOptions) {
    if is_plain_markdown(html, options) {
        out.push_str(html);
        return;
    }
    convert(html, options, Dest::String(out));
}

/// [`to_markdown_with`] for HTML held in a [`Text`]: borrowed from what the
/// `Text` borrows from when both allow.
#[cfg_attr(
    not(any(feature = "wordpress", feature = "frontmatter")),
    allow(dead_code)
)]
pub(crate) fn markdown_of<'a>(html: &Text<'a>, options: &MarkdownOptions) -> Text<'a> {
    match html.as_borrowed() {
        Some(s) => to_markdown_with(s, options),
        None => to_markdown_with(html, options).into_owned(),
    }
}

/// Whether `html` is its own Markdown: plain text (see
/// [`plain_check::is_plain`]) in which no word needs an escape.
fn is_plain_markdown(html: &str, options: &MarkdownOptions) -> bool {
    if !plain_check::is_plain(html, options.keep_nbsp) {
        return false;
    }
    let mut scratch = String::new();
    let mut line_start = true;
    for word in html.split(' ') {
        scratch.clear();
        let ctx = Context {
            line_start,
            references: options.reference_links,
            space_before: true,
            space_after: true,
            ..Context::default()
        };
        markdown_escape::escape_word(&mut scratch, word, ctx);
        if scratch != word {
            return false;
        }
        line_start = false;
    }
    true
}

fn convert<'o, 'a>(html: &'a str, options: &MarkdownOptions, dest: Dest<'o, 'a>) -> Dest<'o, 'a> {
    convert_with(html, options, dest, |_| {})
}

/// [`convert`], with the writer set up by `setup` first.
fn convert_with<'o, 'a>(
    html: &'a str,
    options: &MarkdownOptions,
    dest: Dest<'o, 'a>,
    setup: impl FnOnce(&mut MarkdownWriter<'o, 'a>),
) -> Dest<'o, 'a> {
    let text_options = TextOptions {
        keep_nbsp: options.keep_nbsp,
        wordpress_trimmings: options.wordpress_trimmings,
        ..TextOptions::default()
    };
    let sink = lane::run(html, borrow::CHUNK, |locator| {
        let mut writer =
            MarkdownWriter::new(dest, html.len(), options.reference_links, options.keep_nbsp);
        setup(&mut writer);
        TextSink::new(writer, locator, &text_options, true)
    });
    sink.into_layout().finish()
}

/// The Markdown of `html` converted as it is, and with every text written
/// word by word: the one-piece path for plain text must match the other.
/// (Neither takes the shortcut for input that is Markdown already.)
#[cfg(test)]
pub(crate) fn to_markdown_both_ways(html: &str, options: &MarkdownOptions) -> [String; 2] {
    [false, true].map(|word_by_word| {
        let mut out = String::new();
        convert_with(html, options, Dest::String(&mut out), |writer| {
            writer.word_by_word = word_by_word;
        });
        out
    })
}
