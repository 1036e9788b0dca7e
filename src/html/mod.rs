//! HTML fragments to plain text: WordPress `content.rendered`, excerpts and
//! titles, aggregator excerpts, any HTML.
//!
//! ```
//! use pressmark::html;
//!
//! let text = html::to_text("<h2>Fined</h2><p>The CNIL fined Clearview AI &euro;5.2m.</p>");
//! assert_eq!(text, "Fined\n\nThe CNIL fined Clearview AI €5.2m.");
//!
//! let title = html::inline_text("Clearview AI&#8217;s fine<br>&nbsp;");
//! assert_eq!(title, "Clearview AI’s fine");
//! ```
//!
//! HTML never fails to parse, so these functions return text, not a
//! `Result`. They read the input with html5ever's tokenizer rules (no tree
//! builder, no DOM) and lay the text out as it goes. Text and tags,
//! attributes included, are read without the tokenizer, exactly as it
//! would read them: the bulk of a post, so converting takes less time than
//! running the tokenizer alone over the same input (`benches/html.rs`).
//! Character references in text, comments, raw text and the rest go
//! through the tokenizer. Time is linear in the input whatever its shape
//! (a tag with a million attributes included), and memory does not grow
//! with it.

//! # Borrowing
//!
//! [`to_text`] returns a [`Text`] that borrows from the input when the whole
//! result is one slice of it: input that is already plain text comes back as
//! it is without running the tokenizer, and `<p>Some text.</p>` gives a slice
//! of the input too. Otherwise the text is built once, copying the runs of
//! text the input holds and decoding the rest. [`push_text`] and
//! [`write_text`] append to a buffer of yours instead. One `String` reused
//! across calls with [`push_text`] saves the allocation an owned [`Text`]
//! needs, which shows on short fragments: about a quarter of the time for
//! an 800-byte post (the `content_seed` group of `benches/html.rs`).
//!
//! # What the text looks like
//!
//! - **Character references** are decoded as browsers do (html5ever's
//!   WHATWG decoder): named ones, legacy names without `;` (`&copy`),
//!   numeric ones with the Windows-1252 remap (`&#150;` is `–`); invalid ones
//!   become U+FFFD and unknown `&foo;` stays as it is. Nothing is ASCII-folded.
//! - **Whitespace** collapses as in CSS `white-space: normal`: a run of ASCII
//!   whitespace is one space, and none is left at the start or end of a line.
//!   U+00A0 no-break space counts as whitespace, so `<p>&nbsp;</p>` spacers
//!   vanish ([`TextOptions::keep_nbsp`] keeps it). U+00AD soft hyphens and
//!   U+200B zero-width spaces are dropped, and so are NUL and every other C0
//!   control except `\n` and `\t`.
//! - **Blocks**: paragraph-level elements (`p`, `h1`–`h6`, `blockquote`,
//!   `pre`, `ul`, `ol`, `dl`, `table`, `figure`, `figcaption`, `hr`,
//!   `section`, `article`, `header`, `footer`, `aside`, `nav`, `div`, ...)
//!   are separated by one blank line; `br`, `li`, `tr`, `dt`, `dd` start a new
//!   line. Never two blank lines in a row, none at the start or end. An end
//!   tag whose element was never opened (the stray `</div>` and `</p>` of
//!   WordPress dumps) still marks a boundary.
//! - **Lists**: items start with `- ` or `N. ` (honouring `start`,
//!   `reversed` and `value`; numbers are always decimal), nested lists are
//!   indented by two spaces per level, and inside a list blocks are separated
//!   by a line break, not a blank line.
//! - **Tables**: one row per line, cells separated by a tab; `<br>` and
//!   blocks inside a cell are line breaks within it (the next cell still
//!   follows a tab), as a browser's `innerText` has them.
//! - **`pre`**: kept as written, except that a line feed right after `<pre>`
//!   is dropped, runs of blank lines become one blank line, and controls are
//!   dropped as everywhere.
//! - **Links**: the anchor text only; [`to_text_and_links`] also gives the
//!   byte range of each link's text in the output and its `href`.
//! - **Images**: nothing, or `[alt]` with [`TextOptions::image_alt`].
//! - **Skipped** with their content, as browsers never show them:
//!   `script`, `style`, `noscript`, `template`, `title`, `iframe`,
//!   `noembed`, `noframes`, `textarea`, `select` (its options: a closed
//!   list shows one), `datalist`, `svg` and `math` (icons and formulas,
//!   not prose), comments, doctypes, and every element hidden by the
//!   `hidden` attribute or an inline `style` with `display: none` or
//!   `visibility: hidden` (contact-form honeypots, e-mail obfuscation).
//!   `<button>` labels and an `<object>`'s fallback content are kept, as
//!   browsers show them; `<head>`, `<html>` and `<body>` tags are ignored,
//!   as in a post's body.
//! - **Where a skipped element ends** is where a browser ends it: the HTML
//!   standard's tree-building rules, followed without building a tree. An
//!   `<svg>` or `<math>` left open ends at the next `<p>`, `<div>`, `<b>`,
//!   `<br>` or other HTML tag that breaks out of foreign content (but not
//!   inside `<foreignObject>`, where HTML is read as HTML), a `<select>`
//!   at the next `<select>` or `<input>`, and any of them at the end tag of
//!   an element open around it (`</div>`, `</td>`). The text after an
//!   element left open is kept, as in a browser; only a `<template>`'s
//!   content, or a `<select>`'s, runs on to the end when its end tag never
//!   comes, because a browser shows none of it either. Raw-text elements
//!   (`script`, `style`, `title`...) run to their end tag whatever the
//!   start tag's form, as in browsers.
//! - **Text out of place in a table** (between cells) stays where it was
//!   written; a browser shows it before the table, so it is shown even
//!   when the table is hidden.
//! - **WordPress trimmings** ([`TextOptions::wordpress_trimmings`], on in
//!   [`TextOptions::excerpt`]): `.screen-reader-text` elements and the "Continue
//!   reading" `a.more-link` are dropped.
//! - **Nothing else is dropped**: every other character of text is in the
//!   output, in order, but for the whitespace and invisible characters
//!   above. The tests check it letter by letter over both corpora and over
//!   generated, mutated and fuzzed input.
//! - **Inline mode** ([`TextOptions::inline`], [`inline_text`]) for titles:
//!   every block boundary and line break is one space, so the text is one
//!   line.
//!
//! # Markdown
//!
//! [`to_markdown`] (and [`to_markdown_with`], [`push_markdown`]) write the
//! same content as Markdown on the same engine: CommonMark with GFM tables
//! and strikethrough, headings, emphasis, code spans and fenced code
//! blocks, links and images, lists, blockquotes, hard breaks, rules.
//! What the text leaves out, Markdown leaves out. Escaping is complete and
//! minimal (see [`to_markdown`]); the tests render every corpus post's
//! Markdown with pulldown-cmark and check that its text is the source's.
//!
//! ```
//! use pressmark::html;
//!
//! let md = html::to_markdown("<p>Read <a href=\"https://e.x/r\">the <em>report</em></a>:</p><ol><li>one</li></ol>");
//! assert_eq!(md, "Read [the *report*](https://e.x/r):\n\n1. one");
//! ```
//!
//! [`yoast_head`] reads the title, `<meta>` and `<link>` pairs out of a
//! Yoast SEO `yoast_head` string.

mod attr_value;
mod borrow;
mod dest;
mod head_tags;
mod lane;
mod layout;
mod markdown;
mod markdown_escape;
mod markdown_writer;
mod open_elements;
mod options;
mod plain_check;
mod sink;
mod tag_reader;
mod tags;
mod text_scan;
mod writer;

use std::fmt;
use std::ops::Range;

pub use head_tags::{HeadTags, yoast_head};
#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
pub(crate) use markdown::markdown_of;
pub use markdown::{MarkdownOptions, push_markdown, to_markdown, to_markdown_with};
pub use options::TextOptions;

use crate::Text;
use crate::map_text::{map_text_identity, map_text_struct};
use dest::Dest;
use sink::TextSink;
use writer::Writer;

/// Block mode with every option off: what [`to_text`] uses.
const DEFAULT: TextOptions = TextOptions {
    inline: false,
    keep_nbsp: false,
    image_alt: false,
    wordpress_trimmings: false,
};

/// Inline mode: what [`inline_text`] uses.
const INLINE: TextOptions = TextOptions {
    inline: true,
    ..DEFAULT
};

/// Converts an HTML fragment to plain text in block mode with the default
/// [`TextOptions`]: paragraphs separated by a blank line, entities decoded,
/// whitespace collapsed, markup dropped.
///
/// The result borrows from `html` when it is one slice of it (always when
/// `html` is already plain text).
///
/// # Examples
///
/// ```
/// use pressmark::html;
///
/// let text = html::to_text("<p>First&nbsp;paragraph.</p>\n<ul><li>one</li><li>two</li></ul>");
/// assert_eq!(text, "First paragraph.\n\n- one\n- two");
///
/// let clean = "Already plain text.";
/// assert!(html::to_text(clean).is_borrowed());
/// ```
#[must_use]
pub fn to_text(html: &str) -> Text<'_> {
    to_text_with(html, &DEFAULT)
}

/// Converts an HTML fragment to plain text with `options`.
///
/// # Examples
///
/// ```
/// use pressmark::html::{self, TextOptions};
///
/// let excerpt = "<p>Fined &hellip; <a class=\"more-link\" href=\"/fined\">Continue reading</a></p>";
/// assert_eq!(html::to_text_with(excerpt, &TextOptions::excerpt()), "Fined …");
/// assert_eq!(html::to_text_with(excerpt, &TextOptions::default()), "Fined … Continue reading");
/// ```
#[must_use]
#[inline] // the plain-text fast path is worth inlining into callers
pub fn to_text_with<'a>(html: &'a str, options: &TextOptions) -> Text<'a> {
    if plain_check::is_plain(html, options.keep_nbsp) {
        return Text::borrowed(html);
    }
    convert_to_text(html, options)
}

#[inline(never)]
fn convert_to_text<'a>(html: &'a str, options: &TextOptions) -> Text<'a> {
    convert(html, options, Dest::text(html), false)
        .0
        .into_text()
}

/// [`to_text_with`] for HTML held in a [`Text`]: the result borrows from the
/// input the `Text` borrows from when both allow, and is owned otherwise.
#[cfg_attr(
    not(any(feature = "wordpress", feature = "frontmatter")),
    allow(dead_code)
)]
pub(crate) fn text_of<'a>(html: &Text<'a>, options: &TextOptions) -> Text<'a> {
    match html.as_borrowed() {
        Some(s) => to_text_with(s, options),
        None => to_text_with(html, options).into_owned(),
    }
}

/// Converts a title or other one-line HTML string to one line of text:
/// [`to_text_with`] with [`TextOptions::inline`].
///
/// # Examples
///
/// ```
/// use pressmark::html;
///
/// assert_eq!(html::inline_text("Q&amp;A:<br/>\n  the <em>fine</em>"), "Q&A: the fine");
/// assert!(html::inline_text("Clearview AI fined €5.2m").is_borrowed());
/// ```
#[must_use]
#[inline]
pub fn inline_text(html: &str) -> Text<'_> {
    to_text_with(html, &INLINE)
}

/// Appends the text of `html` to `out`, converting as [`to_text_with`] does.
///
/// # Examples
///
/// ```
/// use pressmark::html::{self, TextOptions};
///
/// let mut out = String::from("Title: ");
/// html::push_text(&mut out, "<b>Fined</b> &amp; ordered", &TextOptions::inline());
/// assert_eq!(out, "Title: Fined & ordered");
/// ```
pub fn push_text(out: &mut String, html: &str, options: &TextOptions) {
    if plain_check::is_plain(html, options.keep_nbsp) {
        out.push_str(html);
        return;
    }
    convert(html, options, Dest::String(out), false);
}

/// Writes the text of `html` to `out`, converting as [`to_text_with`] does.
///
/// # Errors
///
/// The first error that `out` returns; nothing more is written after it.
///
/// # Examples
///
/// ```
/// use std::fmt::Write;
/// use pressmark::html::{self, TextOptions};
///
/// let mut out = String::new();
/// html::write_text(&mut out, "<p>one</p><p>two</p>", &TextOptions::default())?;
/// assert_eq!(out, "one\n\ntwo");
/// # Ok::<(), std::fmt::Error>(())
/// ```
pub fn write_text<W: fmt::Write>(out: &mut W, html: &str, options: &TextOptions) -> fmt::Result {
    if plain_check::is_plain(html, options.keep_nbsp) {
        return out.write_str(html);
    }
    let dest = Dest::Fmt {
        out,
        result: Ok(()),
    };
    convert(html, options, dest, false).0.result()
}

/// Converts `html` as [`to_text_with`] does, and also returns every link
/// with the byte range of its text in the output.
///
/// A link is an `<a>` with an `href` (undecoded URLs as written, with
/// character references decoded) that has some text; links without text
/// (an image alone, with [`TextOptions::image_alt`] off) are left out.
///
/// # Examples
///
/// ```
/// use pressmark::html::{self, TextOptions};
///
/// let html = "<p>Read the <a href=\"https://cnil.fr/decision\">CNIL decision</a>.</p>";
/// let out = html::to_text_and_links(html, &TextOptions::default());
/// assert_eq!(out.text, "Read the CNIL decision.");
/// assert_eq!(out.links.len(), 1);
/// assert_eq!(&out.text[out.links[0].range.clone()], "CNIL decision");
/// assert_eq!(out.links[0].href, "https://cnil.fr/decision");
/// ```
#[must_use]
pub fn to_text_and_links<'a>(html: &'a str, options: &TextOptions) -> TextAndLinks<'a> {
    if plain_check::is_plain(html, options.keep_nbsp) {
        return TextAndLinks {
            text: Text::borrowed(html),
            links: Vec::new(),
        };
    }
    let (dest, links) = convert(html, options, Dest::text(html), true);
    TextAndLinks {
        text: dest.into_text(),
        links,
    }
}

/// The text of an HTML fragment with its links, from [`to_text_and_links`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TextAndLinks<'a> {
    /// The text, as [`to_text_with`] gives it.
    pub text: Text<'a>,
    /// The links, in the order their text appears.
    pub links: Vec<TextLink<'a>>,
}

/// A link in the text: where its anchor text is and where it points.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TextLink<'a> {
    /// The byte range of the anchor text in [`TextAndLinks::text`] (always
    /// on `char` boundaries, never empty).
    pub range: Range<usize>,
    /// The `href` attribute, character references decoded; borrowed from
    /// the input when it holds it as it is.
    pub href: Text<'a>,
}

map_text_identity!(Range<usize>);
map_text_struct!(TextLink { range, href });
map_text_struct!(TextAndLinks { text, links });

/// Converts `html` into `dest`: the fast lane, and the tokenizer for the
/// rest.
fn convert<'o, 'a>(
    html: &'a str,
    options: &TextOptions,
    dest: Dest<'o, 'a>,
    links: bool,
) -> (Dest<'o, 'a>, Vec<TextLink<'a>>) {
    let sink = lane::run(html, borrow::CHUNK, |locator| {
        let mut writer = Writer::new(dest, html, options.inline, options.keep_nbsp);
        writer.image_alt = options.image_alt;
        TextSink::new(writer, locator, options, links)
    });
    sink.into_layout().finish()
}

#[cfg(test)]
mod internal_tests;
