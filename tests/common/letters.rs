//! A reference for what HTML to text must keep: the letters of the text
//! that html5ever's tokenizer finds outside the elements the conversion
//! drops, written from the documented conventions rather than from the
//! crate's sink. Only letters count, so that layout (collapsed whitespace,
//! blank lines, list markers, cell tabs, dropped invisible characters)
//! does not: a conversion that loses, repeats or invents a word fails.
//!
//! For the default options with any `inline` and `keep_nbsp`: it knows
//! nothing of `image_alt` or `wordpress_trimmings`.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// The alphabetic characters of `text`, in order.
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphabetic()).collect()
}

/// The letters of the text in `html` that the conversion keeps.
pub fn kept_letters(html: &str) -> String {
    let sink = LetterSink::default();
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

#[derive(Default)]
struct LetterSink {
    state: RefCell<State>,
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
        } else if start && let Some(raw) = dropped(name) {
            // Raw text has content even when written `<x/>`.
            if raw.is_some() || !tag.self_closing {
                state.dropping = Some((name.to_owned(), 1));
            }
        } else if start && name == "xmp" {
            return TokenSinkResult::RawData(RawKind::Rawtext);
        } else if start && name == "plaintext" {
            return TokenSinkResult::Plaintext;
        }
        match (start, raw) {
            (true, Some(raw)) => TokenSinkResult::RawData(raw),
            _ => TokenSinkResult::Continue,
        }
    }
}
