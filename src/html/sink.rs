//! The [`TokenSink`] that turns html5ever's tokens, and what the fast lane
//! reads (see [`LaneSink`]), into calls on the [`Writer`], skipping what is
//! not text.

use std::cell::{Cell, RefCell};

use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{LocalName, local_name};

use super::TextOptions;
use super::borrow::{LocatingSink, Locator};
use super::lane::LaneSink;
use super::open_elements::{OpenElements, Taken};
use super::tags::{self, Role};
use super::writer::Writer;
use crate::Text;

/// The sink; the tokenizer only lends it out as `&self`.
pub(crate) struct TextSink<'o, 'a> {
    state: RefCell<State<'o, 'a>>,
    /// Pause the tokenizer after tags that leave it in the data state, to
    /// go back to the fast lane (see [`LaneSink`]).
    pausing: Cell<bool>,
}

struct State<'o, 'a> {
    writer: Writer<'o, 'a>,
    locator: Locator<'a>,
    /// The open elements, as a browser's tree builder has them: what they
    /// hide is dropped, and the link they are in is the text's link.
    open: OpenElements,
    /// With `links`: the `href` of each `<a href>` so far; link `n` is
    /// `hrefs[n - 1]`.
    hrefs: Vec<Text<'a>>,
    /// With `links`: the link the text is in now (0 for none).
    link: u32,
    image_alt: bool,
    wordpress: bool,
    links: bool,
    /// With `links`: where the last located text ends, to find `href`
    /// values from.
    cursor: usize,
}

impl<'o, 'a> TextSink<'o, 'a> {
    pub(crate) fn new(
        writer: Writer<'o, 'a>,
        locator: Locator<'a>,
        options: &TextOptions,
        links: bool,
    ) -> Self {
        TextSink {
            state: RefCell::new(State {
                writer,
                locator,
                open: OpenElements::default(),
                hrefs: Vec::new(),
                link: 0,
                image_alt: options.image_alt,
                wordpress: options.wordpress_trimmings,
                links,
                cursor: 0,
            }),
            pausing: Cell::new(false),
        }
    }

    pub(crate) fn into_writer(self) -> Writer<'o, 'a> {
        self.state.into_inner().writer
    }
}

impl LocatingSink for TextSink<'_, '_> {
    fn with_locator(&self, f: impl FnOnce(&Locator<'_>)) {
        f(&self.state.borrow().locator);
    }
}

impl TokenSink for TextSink<'_, '_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        // By reference: moving the tag or text out copied it to the stack
        // first, for nothing.
        match &token {
            Token::CharacterTokens(text) => {
                let at = if state.links || state.writer.wants_location() {
                    state.locator.locate(text)
                } else {
                    None
                };
                state.text(text, at);
            }
            Token::TagToken(tag) => {
                let role = tags::role_of(&tag.name);
                return match state.tag(tag, role) {
                    TokenSinkResult::Continue if self.pausing.get() => TokenSinkResult::Script(()),
                    result => result,
                };
            }
            // NUL is dropped; comments, doctypes and parse errors are not text.
            _ => {}
        }
        TokenSinkResult::Continue
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        // CDATA sections are text in SVG and MathML, bogus comments
        // elsewhere.
        self.state.borrow().open.in_foreign()
    }
}

impl LaneSink for TextSink<'_, '_> {
    fn lane_text(&self, text: &str, at: usize) {
        self.state.borrow_mut().text(text, Some(at));
    }

    fn lane_tag(&self, kind: TagKind, name: &str, self_closing: bool) -> bool {
        let name = LocalName::from(name);
        let role = tags::role_of(&name);
        // The sink answers raw-text start tags with a state switch, and no
        // other tag without attributes (trimmings have a class).
        if kind == TagKind::StartTag && !matches!(role.content_state(), TokenSinkResult::Continue) {
            return false;
        }
        let tag = Tag {
            kind,
            name,
            self_closing,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        };
        let result = self.state.borrow_mut().tag(&tag, role);
        debug_assert!(matches!(result, TokenSinkResult::Continue));
        true
    }

    fn pause_after_tags(&self, on: bool) {
        self.pausing.set(on);
    }
}

impl State<'_, '_> {
    /// Text between tags, at `at` in the input if that is known.
    #[inline]
    fn text(&mut self, text: &str, at: Option<usize>) {
        if self.links
            && let Some(at) = at
        {
            self.cursor = at + text.len();
        }
        self.open.before_text();
        if self.links {
            self.follow_link();
        }
        if !self.open.hiding() {
            self.writer.text(text, at);
        }
    }

    /// A tag, with its role.
    fn tag(&mut self, tag: &Tag, role: Role) -> TokenSinkResult<()> {
        self.writer.skip_lf = false;
        let how = match tag.kind {
            TagKind::StartTag => {
                let hides = matches!(role, Role::Skip(_)) || self.hides(tag);
                let link = match role {
                    Role::A if self.links => self.link_number(tag),
                    _ => 0,
                };
                self.open.start(
                    &tag.name,
                    tag.self_closing,
                    |name| attr_named(tag, name),
                    hides,
                    link,
                )
            }
            TagKind::EndTag => {
                self.open.end(&tag.name);
                Taken::Html
            }
        };
        if self.links {
            self.follow_link();
        }
        if self.open.hiding() {
            // Inside what is dropped: a raw-text element there still
            // switches the tokenizer, when it is an HTML one.
            return match (tag.kind, how) {
                (TagKind::StartTag, Taken::Html) => role.content_state(),
                _ => TokenSinkResult::Continue,
            };
        }
        match (how, tag.kind) {
            (Taken::Html, TagKind::StartTag) => self.start(tag, role),
            (Taken::Html, TagKind::EndTag) => {
                self.end(role);
                TokenSinkResult::Continue
            }
            // Ignored, or a self-closed `<svg/>`.
            _ => TokenSinkResult::Continue,
        }
    }

    /// For an `<a>`: the number of its link, with its `href` kept; 0 for an
    /// `<a>` without one.
    fn link_number(&mut self, tag: &Tag) -> u32 {
        let Some(href) = attr(tag, &local_name!("href")) else {
            return 0;
        };
        let href = match self.locator.find(self.cursor, href) {
            Some(at) => {
                self.cursor = at + href.len();
                Text::borrowed(&self.locator.input()[at..self.cursor])
            }
            None => Text::from(href.to_owned()),
        };
        self.hrefs.push(href);
        u32::try_from(self.hrefs.len()).unwrap_or(u32::MAX)
    }

    /// Starts or ends a link where the open elements' link changes.
    fn follow_link(&mut self) {
        let now = self.open.link();
        if now != self.link {
            self.link = now;
            self.writer.link_end();
            if let Some(href) = self.hrefs.get((now as usize).wrapping_sub(1)) {
                self.writer.link_start(href.clone());
            }
        }
    }

    /// Whether the element `tag` opens is not shown, with its content.
    fn hides(&self, tag: &Tag) -> bool {
        is_hidden(tag) || (self.wordpress && self.is_wordpress_trimming(tag))
    }

    fn start(&mut self, tag: &Tag, role: Role) -> TokenSinkResult<()> {
        if self.hides(tag) {
            // A void element (the others are dropped with the open
            // elements' `hiding`).
            return role.content_state();
        }
        let w = &mut self.writer;
        match role {
            Role::Inline => {}
            Role::Block => w.block(2),
            Role::Line => w.block(1),
            Role::Br => w.line_break(),
            Role::List(ordered) => {
                let start = attr(tag, &local_name!("start")).and_then(parse_int);
                let reversed = attr(tag, &local_name!("reversed")).is_some();
                w.list_start(ordered, start, reversed);
            }
            Role::Item => w.item_start(attr(tag, &local_name!("value")).and_then(parse_int)),
            Role::Table => w.table_start(),
            Role::Row => w.row(),
            Role::Cell => w.cell_start(),
            Role::Pre | Role::RawPre | Role::Plaintext => w.pre_start(),
            // Links follow the open elements.
            Role::A => {}
            Role::Img => {
                if self.image_alt
                    && let Some(alt) = attr(tag, &local_name!("alt"))
                {
                    let alt = alt.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{a0}');
                    if !alt.is_empty() {
                        w.literal("[");
                        w.text(alt, None);
                        w.literal("]");
                    }
                }
            }
            Role::Skip(_) => {}
        }
        role.content_state()
    }

    /// End tags mark a boundary whether or not their element is open: the
    /// stray `</div>` and `</p>` of WordPress dumps end a paragraph.
    fn end(&mut self, role: Role) {
        let w = &mut self.writer;
        match role {
            Role::Inline | Role::Img | Role::Skip(_) | Role::A => {}
            Role::Block => w.block(2),
            Role::Line => w.block(1),
            // `</br>` is a `<br>` to browsers.
            Role::Br => w.line_break(),
            Role::List(_) => w.list_end(),
            Role::Item => w.item_end(),
            Role::Table => w.table_end(),
            Role::Row => w.row(),
            Role::Cell => w.cell_end(),
            Role::Pre | Role::RawPre | Role::Plaintext => w.pre_end(),
        }
    }

    fn is_wordpress_trimming(&self, tag: &Tag) -> bool {
        let Some(class) = attr(tag, &local_name!("class")) else {
            return false;
        };
        tags::has_class(class, "screen-reader-text")
            || (tag.name == local_name!("a") && tags::has_class(class, "more-link"))
    }
}

/// Whether the element is hidden: the `hidden` attribute, or an inline
/// `style` with `display: none` or `visibility: hidden`.
fn is_hidden(tag: &Tag) -> bool {
    !tag.attrs.is_empty()
        && (attr(tag, &local_name!("hidden")).is_some()
            || attr(tag, &local_name!("style")).is_some_and(tags::style_hides))
}

/// The value of attribute `name`, given as a string.
fn attr_named<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// The value of attribute `name`.
fn attr<'t>(tag: &'t Tag, name: &LocalName) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| a.name.local == *name)
        .map(|a| &*a.value)
}

/// An HTML integer attribute: leading whitespace, sign, digits, anything
/// after ignored.
fn parse_int(s: &str) -> Option<i64> {
    let s = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let end = digits
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    let n: i64 = digits[..end].parse().ok()?;
    Some(if neg { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::parse_int;

    #[test]
    fn parse_int_reads_html_integers() {
        assert_eq!(parse_int(" 7"), Some(7));
        assert_eq!(parse_int("-3x"), Some(-3));
        assert_eq!(parse_int("x"), None);
        assert_eq!(parse_int(""), None);
    }
}
