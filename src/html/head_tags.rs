//! [`yoast_head`]: the `<title>`, `<meta>` and `<link>` of a Yoast SEO
//! `yoast_head` string.

use std::cell::RefCell;

use html5ever::local_name;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};

use super::borrow::{LocatingSink, Locator, tokenize};
use super::dest::Dest;
use super::tags::{self, Role};
use super::writer::Writer;
use crate::Text;
use crate::map_text::map_text_struct;

/// What [`yoast_head`] reads from a `yoast_head` string: the document title
/// and the `<meta>` and `<link>` pairs, in input order.
///
/// Values borrow from the input where it holds them byte for byte, and are
/// decoded copies where they have character references.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct HeadTags<'a> {
    /// The text of the first `<title>`, in inline mode (entities decoded,
    /// whitespace collapsed); `None` without a `<title>`.
    pub title: Option<Text<'a>>,
    /// `(name or property, content)` of every `<meta>` that has both: the
    /// `name` attribute if it has one (`description`, `twitter:card`), else
    /// its `property` (`og:title`, `article:published_time`).
    pub meta: Vec<(Text<'a>, Text<'a>)>,
    /// `(rel, href)` of every `<link>` that has both (`canonical`, `next`).
    pub links: Vec<(Text<'a>, Text<'a>)>,
}

map_text_struct!(HeadTags { title, meta, links });

impl<'a> HeadTags<'a> {
    /// The content of the first `<meta>` whose name or property is `key`
    /// (compared ASCII case-insensitively).
    ///
    /// ```
    /// let head = pressmark::html::yoast_head(r#"<meta property="og:type" content="article" />"#);
    /// assert_eq!(head.meta("og:type").map(|t| t.as_str()), Some("article"));
    /// assert_eq!(head.meta("og:image"), None);
    /// ```
    #[must_use]
    pub fn meta(&self, key: &str) -> Option<&Text<'a>> {
        self.meta
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }

    /// The `href` of the first `<link>` whose `rel` is `rel` (compared ASCII
    /// case-insensitively).
    #[must_use]
    pub fn link(&self, rel: &str) -> Option<&Text<'a>> {
        self.links
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(rel))
            .map(|(_, v)| v)
    }
}

/// Reads the `<title>` text and the `<meta>` and `<link>` pairs of a Yoast
/// SEO `yoast_head` string (any HTML head works).
///
/// Character references are decoded; the JSON-LD `<script>` and comments
/// are passed over. Like the rest of the module it never fails: a string
/// without any of these gives an empty [`HeadTags`].
///
/// # Examples
///
/// ```
/// use pressmark::html;
///
/// let head = html::yoast_head(
///     "<title>Fined &#8211; AllSafe</title>\n\
///      <meta name=\"robots\" content=\"index, follow\" />\n\
///      <link rel=\"canonical\" href=\"https://example.org/fined/\" />\n\
///      <meta property=\"og:title\" content=\"Clearview AI fined\" />",
/// );
/// assert_eq!(head.title.as_deref(), Some("Fined – AllSafe"));
/// assert_eq!(head.meta("robots").map(|t| t.as_str()), Some("index, follow"));
/// assert_eq!(head.meta("og:title").map(|t| t.as_str()), Some("Clearview AI fined"));
/// assert_eq!(head.link("canonical").map(|t| t.as_str()), Some("https://example.org/fined/"));
/// // Values the input holds as they are borrow from it.
/// assert!(head.meta("og:title").is_some_and(|t| t.is_borrowed()));
/// ```
#[must_use]
pub fn yoast_head(html: &str) -> HeadTags<'_> {
    let sink = tokenize(html, |locator| HeadSink {
        state: RefCell::new(HeadState {
            locator,
            cursor: 0,
            title: None,
            in_title: false,
            recent: Vec::new(),
            head: HeadTags::default(),
        }),
    });
    let state = sink.state.into_inner();
    let mut head = state.head;
    if let Some(pieces) = state.title {
        head.title = Some(title_text(html, pieces));
    }
    head
}

/// The title's text pieces, each with its place in the input if known.
type Pieces = Vec<(String, Option<usize>)>;

/// Runs the title's pieces through an inline-mode [`Writer`].
fn title_text(html: &str, pieces: Pieces) -> Text<'_> {
    let mut writer = Writer::new(Dest::text(html), html, true, false);
    for (piece, at) in &pieces {
        writer.text(piece, *at);
    }
    writer.finish().0.into_text()
}

struct HeadSink<'a> {
    state: RefCell<HeadState<'a>>,
}

impl LocatingSink for HeadSink<'_> {
    fn with_locator(&self, f: impl FnOnce(&Locator<'_>)) {
        f(&self.state.borrow().locator);
    }
}

struct HeadState<'a> {
    locator: Locator<'a>,
    /// Where the last located text or value ends: values are looked for
    /// from here on.
    cursor: usize,
    title: Option<Pieces>,
    in_title: bool,
    /// Text since the last tag: the title when a `</title>` comes without a
    /// `<title>` (dumps that lost their start tags).
    recent: Pieces,
    head: HeadTags<'a>,
}

impl<'a> HeadState<'a> {
    /// The value as a [`Text`], borrowed when it is found in the input.
    fn value(&mut self, value: &str) -> Text<'a> {
        match self.locator.find(self.cursor, value) {
            Some(at) => {
                self.cursor = at + value.len();
                Text::borrowed(&self.locator.input()[at..self.cursor])
            }
            None => Text::from(value.to_owned()),
        }
    }

    fn tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let role = tags::role(&tag.name);
        let recent = std::mem::take(&mut self.recent);
        if tag.kind == TagKind::EndTag {
            if tag.name == local_name!("title") {
                if self.title.is_none() {
                    self.title = Some(recent);
                }
                self.in_title = false;
            }
            return TokenSinkResult::Continue;
        }
        let get = |name| {
            tag.attrs
                .iter()
                .find(|a| a.name.local == name)
                .map(|a| &*a.value)
        };
        if tag.name == local_name!("meta") {
            let key = get(local_name!("name")).or_else(|| get(local_name!("property")));
            if let (Some(key), Some(content)) = (key, get(local_name!("content"))) {
                let pair = (self.value(key), self.value(content));
                self.head.meta.push(pair);
            }
        } else if tag.name == local_name!("link") {
            if let (Some(rel), Some(href)) = (get(local_name!("rel")), get(local_name!("href"))) {
                let pair = (self.value(rel), self.value(href));
                self.head.links.push(pair);
            }
        } else if tag.name == local_name!("title") {
            if self.title.is_none() {
                self.title = Some(Vec::new());
                self.in_title = true;
            }
            return TokenSinkResult::RawData(RawKind::Rcdata);
        }
        match role {
            Role::Skip(Some(raw)) => TokenSinkResult::RawData(raw),
            Role::RawPre => TokenSinkResult::RawData(RawKind::Rawtext),
            Role::Plaintext => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

impl TokenSink for HeadSink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut guard = self.state.borrow_mut();
        let state = &mut *guard;
        match token {
            Token::CharacterTokens(text) => {
                let at = state.locator.locate(&text);
                if let Some(at) = at {
                    state.cursor = at + text.len();
                }
                let piece = (text.to_string(), at);
                match &mut state.title {
                    Some(pieces) if state.in_title => pieces.push(piece),
                    None => state.recent.push(piece),
                    Some(_) => {}
                }
            }
            Token::TagToken(tag) => return state.tag(&tag),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}
