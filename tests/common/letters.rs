//! A reference for what HTML to text must keep: the letters of the text
//! that html5ever's tokenizer finds outside the elements the conversion
//! drops, written from the documented conventions rather than from the
//! crate's sink. Only letters count, so that layout (collapsed whitespace,
//! blank lines, list markers, cell tabs, dropped invisible characters)
//! does not: a conversion that loses, repeats or invents a word fails.
//!
//! `inline` and `keep_nbsp` change no letter; `image_alt` adds the letters
//! of `alt`, and `wordpress_trimmings` drops the elements it names.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pressmark::html::Options;

/// The alphabetic characters of `text`, in order.
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphabetic()).collect()
}

/// The letters of the text in `html` that the conversion with `options`
/// keeps.
pub fn kept_letters(html: &str, options: &Options) -> String {
    let sink = LetterSink {
        state: RefCell::default(),
        image_alt: options.image_alt,
        trimmings: options.wordpress_trimmings,
    };
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.state.into_inner().letters
}

/// Elements dropped with their content, and the tokenizer state their
/// content is read in when it is raw text.
fn dropped(name: &str) -> Option<Option<RawKind>> {
    match name {
        "script" => Some(Some(RawKind::ScriptData)),
        "style" | "noscript" | "iframe" | "noembed" | "noframes" => Some(Some(RawKind::Rawtext)),
        "title" | "textarea" => Some(Some(RawKind::Rcdata)),
        "head" | "template" | "object" | "svg" | "math" | "select" | "button" | "datalist" => {
            Some(None)
        }
        _ => None,
    }
}

/// How the tokenizer is to read the content of a start tag named `name`.
fn switch(name: &str) -> TokenSinkResult<()> {
    match (dropped(name), name) {
        (Some(Some(raw)), _) => TokenSinkResult::RawData(raw),
        (_, "xmp") => TokenSinkResult::RawData(RawKind::Rawtext),
        (_, "plaintext") => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

/// The value of attribute `name`.
fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// What `wordpress_trimmings` drops: screen-reader text and the "more" link.
fn is_trimming(tag: &Tag) -> bool {
    let classes = attr(tag, "class").unwrap_or_default();
    let has = |class: &str| classes.split_ascii_whitespace().any(|c| c == class);
    has("screen-reader-text") || (&*tag.name == "a" && has("more-link"))
}

/// HTML's void elements: no content, no end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

struct LetterSink {
    state: RefCell<State>,
    image_alt: bool,
    trimmings: bool,
}

#[derive(Default)]
struct State {
    letters: String,
    /// The dropped element being passed over, and how many of it are open.
    dropping: Option<(String, u32)>,
}

impl TokenSink for LetterSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        let tag = match token {
            Token::CharacterTokens(text) => {
                if state.dropping.is_none() {
                    state
                        .letters
                        .extend(text.chars().filter(|c| c.is_alphabetic()));
                }
                return TokenSinkResult::Continue;
            }
            Token::TagToken(tag) => tag,
            _ => return TokenSinkResult::Continue,
        };
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        let raw = dropped(name).flatten();
        if let Some((open_name, open)) = &mut state.dropping {
            if open_name == name {
                if !start {
                    *open -= 1;
                } else if !tag.self_closing {
                    *open += 1;
                }
                if *open == 0 {
                    state.dropping = None;
                }
            } else if open_name == "head" && name == "body" {
                // A `<body>` ends a `<head>` left open.
                state.dropping = None;
            }
            return match (start, raw) {
                (true, Some(raw)) => TokenSinkResult::RawData(raw),
                _ => TokenSinkResult::Continue,
            };
        }
        if !start {
            return TokenSinkResult::Continue;
        }
        let switch = switch(name);
        let raw = !matches!(switch, TokenSinkResult::Continue);
        if self.trimmings && is_trimming(&tag) {
            // Raw text has content even when written `<x/>`.
            if raw || (!tag.self_closing && !is_void(name)) {
                state.dropping = Some((name.to_owned(), 1));
            }
        } else if let Some(raw_kind) = dropped(name) {
            if raw_kind.is_some() || !tag.self_closing {
                state.dropping = Some((name.to_owned(), 1));
            }
        } else if name == "img" && self.image_alt {
            let alt = attr(&tag, "alt").unwrap_or_default();
            state
                .letters
                .extend(alt.chars().filter(|c| c.is_alphabetic()));
        }
        switch
    }
}
