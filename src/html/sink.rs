//! The [`TokenSink`] that turns html5ever's tokens, and what the fast lane
//! reads (see [`LaneSink`]), into calls on a [`Layout`] (the text writer or
//! the Markdown writer), skipping what is not shown.

use std::cell::{Cell, RefCell};

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{LocalName, local_name};

use super::TextOptions;
use super::borrow::{LocatingSink, Locator};
use super::lane::LaneSink;
use super::layout::{Attrs, Layout, TagView};
use super::open_elements::{OpenElements, Taken};
use super::tag_reader::ReadTag;
use super::tags::{self, Role};
use crate::Text;

/// The sink; the tokenizer only lends it out as `&self`.
pub(crate) struct TextSink<'a, L> {
    state: RefCell<State<'a, L>>,
    /// Pause the tokenizer after tags that leave it in the data state, to
    /// go back to the fast lane (see [`LaneSink`]).
    pausing: Cell<bool>,
    /// The state to answer the next tag token with, a copy of a tag the
    /// lane read: raw text of a kind, or plaintext (`None`).
    replay: Cell<Option<Option<RawKind>>>,
}

struct State<'a, L> {
    layout: L,
    locator: Locator<'a>,
    /// The open elements, as a browser's tree builder has them: what they
    /// hide is dropped, and the link they are in is the text's link.
    open: OpenElements,
    /// With `links`: the `href` and `title` of each `<a href>` so far;
    /// link `n` is `hrefs[n - 1]`.
    hrefs: Vec<(Text<'a>, Option<String>)>,
    /// With `links`: the link the text is in now (0 for none).
    link: u32,
    wordpress: bool,
    links: bool,
    /// With `links`: where the last located text ends, to find `href`
    /// values from.
    cursor: usize,
}

impl<'a, L: Layout<'a>> TextSink<'a, L> {
    pub(crate) fn new(layout: L, locator: Locator<'a>, options: &TextOptions, links: bool) -> Self {
        TextSink {
            state: RefCell::new(State {
                layout,
                locator,
                open: OpenElements::default(),
                hrefs: Vec::new(),
                link: 0,
                wordpress: options.wordpress_trimmings,
                links,
                cursor: 0,
            }),
            pausing: Cell::new(false),
            replay: Cell::new(None),
        }
    }

    pub(crate) fn into_layout(self) -> L {
        self.state.into_inner().layout
    }
}

impl<'a, L: Layout<'a>> LocatingSink for TextSink<'a, L> {
    fn with_locator(&self, f: impl FnOnce(&Locator<'_>)) {
        f(&self.state.borrow().locator);
    }
}

impl<'a, L: Layout<'a>> TokenSink for TextSink<'a, L> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        // By reference: moving the tag or text out copied it to the stack
        // first, for nothing.
        match &token {
            Token::CharacterTokens(text) => {
                let at = if state.links || state.layout.wants_location() {
                    state.locator.locate(text)
                } else {
                    None
                };
                state.text(text, at);
            }
            Token::TagToken(tag) => {
                if let Some(state) = self.replay.take() {
                    // The copy of a tag the lane read: only its state.
                    return match state {
                        Some(raw) => TokenSinkResult::RawData(raw),
                        None => TokenSinkResult::Plaintext,
                    };
                }
                let role = tags::role_of(&tag.name);
                let view = TagView {
                    kind: tag.kind,
                    name: &tag.name,
                    self_closing: tag.self_closing,
                    attrs: &tag.attrs[..],
                };
                return match state.tag(&view, role) {
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

impl<'a, L: Layout<'a>> LaneSink for TextSink<'a, L> {
    fn lane_text(&self, text: &str, at: usize) {
        self.state.borrow_mut().text(text, Some(at));
    }

    fn lane_tag(&self, tag: &ReadTag<'_>) -> TokenSinkResult<()> {
        let name = LocalName::from(&*tag.name);
        let role = tags::role_of(&name);
        let view = TagView {
            kind: tag.kind,
            name: &name,
            self_closing: tag.self_closing,
            attrs: tag,
        };
        self.state.borrow_mut().tag(&view, role)
    }

    fn replay(&self, state: TokenSinkResult<()>) {
        self.replay.set(match state {
            TokenSinkResult::RawData(raw) => Some(Some(raw)),
            _ => Some(None),
        });
    }

    fn pause_after_tags(&self, on: bool) {
        self.pausing.set(on);
    }
}

impl<'a, L: Layout<'a>> State<'a, L> {
    /// Text between tags, at `at` in the input if that is known.
    #[inline]
    fn text(&mut self, text: &str, at: Option<usize>) {
        if self.links
            && let Some(at) = at
        {
            self.cursor = at + text.len();
        }
        // The link changes at tags (`tag` follows it), or here when an
        // `<a>` something closed early is put back.
        if self.open.before_text(text) && self.links {
            self.follow_link();
        }
        if !self.open.hides_text(text) {
            self.layout.text(text, at);
        }
    }

    /// A tag, with its role.
    fn tag<A: Attrs + ?Sized>(&mut self, tag: &TagView<'_, A>, role: Role) -> TokenSinkResult<()> {
        self.layout.tag_seen();
        // Whether a start tag's own attributes hide it: asked once, as its
        // attribute lookups are a good part of a tag's cost.
        let mut hides_itself = false;
        let how = match tag.kind {
            TagKind::StartTag => {
                hides_itself = !matches!(role, Role::Skip(_)) && self.hides(tag);
                let hides = matches!(role, Role::Skip(_)) || hides_itself;
                let link = match role {
                    Role::A if self.links => self.link_number(tag),
                    _ => 0,
                };
                self.open.start(
                    tag.name,
                    tag.self_closing,
                    |name| tag.attrs.attr(name),
                    hides,
                    link,
                )
            }
            TagKind::EndTag => {
                self.open.end(tag.name);
                Taken::Html
            }
        };
        if self.layout.in_pre() {
            self.end_pre_if_closed();
        }
        if self.links {
            self.follow_link();
        }
        let hidden = match (tag.kind, how) {
            // A void element is not on the stack: whether a table fosters
            // it decides what can hide it.
            (TagKind::StartTag, Taken::Html) if tags::is_void(tag.name) => {
                self.open.hides_void(tag.name)
            }
            _ => self.open.hiding(),
        };
        if hidden {
            // Inside what is dropped: a raw-text element there still
            // switches the tokenizer, when it is an HTML one.
            return match (tag.kind, how) {
                (TagKind::StartTag, Taken::Html) => role.content_state(),
                _ => TokenSinkResult::Continue,
            };
        }
        match (how, tag.kind) {
            (Taken::Html, TagKind::StartTag) => self.start(tag, role, hides_itself),
            (Taken::Html, TagKind::EndTag) => {
                self.end(role);
                TokenSinkResult::Continue
            }
            // Ignored, or a self-closed `<svg/>`.
            _ => TokenSinkResult::Continue,
        }
    }

    /// Tells the layout, in a `pre`, when the tree builder has closed the
    /// last one. Out of line: it runs only inside a `pre`, and every tag
    /// goes through the function that calls it.
    #[inline(never)]
    fn end_pre_if_closed(&mut self) {
        if !self.open.pre_open() {
            self.layout.pre_closed();
        }
    }

    /// For an `<a>`: the number of its link, with its `href` kept; 0 for an
    /// `<a>` without one.
    fn link_number<A: Attrs + ?Sized>(&mut self, tag: &TagView<'_, A>) -> u32 {
        let Some(href) = tag.attrs.attr("href") else {
            return 0;
        };
        let href = match self.locator.find(self.cursor, href) {
            Some(at) => {
                self.cursor = at + href.len();
                Text::borrowed(&self.locator.input()[at..self.cursor])
            }
            None => Text::from(href.to_owned()),
        };
        let title = tag.attrs.attr("title").map(str::to_owned);
        self.hrefs.push((href, title));
        u32::try_from(self.hrefs.len()).unwrap_or(u32::MAX)
    }

    /// Starts or ends a link where the open elements' link changes.
    #[inline]
    fn follow_link(&mut self) {
        let now = self.open.link();
        if now != self.link {
            self.link = now;
            self.layout.link_end();
            if let Some((href, title)) = self.hrefs.get((now as usize).wrapping_sub(1)) {
                self.layout.link_start(href.clone(), title.as_deref());
            }
        }
    }

    /// Whether the element `tag` opens is not shown, with its content.
    fn hides<A: Attrs + ?Sized>(&self, tag: &TagView<'_, A>) -> bool {
        is_hidden(tag) || (self.wordpress && self.is_wordpress_trimming(tag))
    }

    /// A start tag that is shown where it stands; `hides_itself` (of a
    /// void element: the others are dropped with the open elements'
    /// `hiding`) says that its own attributes hide it.
    fn start<A: Attrs + ?Sized>(
        &mut self,
        tag: &TagView<'_, A>,
        role: Role,
        hides_itself: bool,
    ) -> TokenSinkResult<()> {
        if !hides_itself {
            self.layout.start(role, tag);
        }
        role.content_state()
    }

    /// End tags mark a boundary whether or not their element is open: the
    /// stray `</div>` and `</p>` of WordPress dumps end a paragraph.
    fn end(&mut self, role: Role) {
        self.layout.end(role);
    }

    fn is_wordpress_trimming<A: Attrs + ?Sized>(&self, tag: &TagView<'_, A>) -> bool {
        let Some(class) = tag.attrs.attr("class") else {
            return false;
        };
        tags::has_class(class, "screen-reader-text")
            || (*tag.name == local_name!("a") && tags::has_class(class, "more-link"))
    }
}

/// Whether the element is hidden: the `hidden` attribute, or an inline
/// `style` with `display: none` or `visibility: hidden`.
fn is_hidden<A: Attrs + ?Sized>(tag: &TagView<'_, A>) -> bool {
    tag.attrs.any()
        && (tag.attrs.attr("hidden").is_some()
            || tag.attrs.attr("style").is_some_and(tags::style_hides))
}

/// An HTML integer attribute: leading whitespace, sign, digits, anything
/// after ignored.
pub(crate) fn parse_int(s: &str) -> Option<i64> {
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
