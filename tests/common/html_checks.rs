//! Checks on HTML converted to text, for the corpus, property and mutation
//! tests and the `html` fuzz target: the layout promises, and what the
//! conversion must keep.
//!
//! What it must keep comes from a reference: the letters of the text that
//! html5ever's tokenizer finds outside the elements the conversion drops,
//! written from the documented conventions rather than from the crate's
//! sink. Only letters count, so that layout (collapsed whitespace,
//! blank lines, list markers, cell tabs, dropped invisible characters)
//! does not: a conversion that loses, repeats or invents a word fails.
//!
//! `inline` and `keep_nbsp` change no letter; `image_alt` adds the letters
//! of `alt`, and `wordpress_trimmings` drops the elements it names.
//!
//! The same reference gives the links: each `<a href>` outside dropped
//! elements, up to its `</a>`, the next `<a>` or the end, with the letters
//! of its text.

#![allow(dead_code)] // each test uses some of them

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pressmark::html::TextOptions;

/// The alphabetic characters of `text`, in order.
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphabetic()).collect()
}

/// The letters of the text in `html` that the conversion with `options`
/// keeps.
pub fn kept_letters(html: &str, options: &TextOptions) -> String {
    reference(html, options).letters
}

/// The links in `html` as `(href, letters of the link's text)`, leaving out
/// links without letters.
pub fn kept_links(html: &str, options: &TextOptions) -> Vec<(String, String)> {
    let mut links = reference(html, options).links;
    links.retain(|(_, letters)| !letters.is_empty());
    links
}

fn reference(html: &str, options: &TextOptions) -> State {
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
    tokenizer.sink.state.into_inner()
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

/// HTML's void elements: no content, no end tag. Written out here, not
/// taken from the crate, like every convention of the reference.
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
    links: Vec<(String, String)>,
    /// Whether the last of `links` is still open.
    in_link: bool,
    /// The dropped element being passed over, and how many of it are open.
    dropping: Option<(String, u32)>,
}

impl State {
    fn push_letters(&mut self, text: &str) {
        let letters = text.chars().filter(|c| c.is_alphabetic());
        if self.in_link
            && let Some((_, link)) = self.links.last_mut()
        {
            link.extend(letters.clone());
        }
        self.letters.extend(letters);
    }
}

impl TokenSink for LetterSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        let tag = match token {
            Token::CharacterTokens(text) => {
                if state.dropping.is_none() {
                    state.push_letters(&text);
                }
                return TokenSinkResult::Continue;
            }
            Token::TagToken(tag) => tag,
            _ => return TokenSinkResult::Continue,
        };
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
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
            // Dropped raw-text elements inside still switch the tokenizer;
            // `xmp` and `plaintext` there are only names.
            return match (start, dropped(name).flatten()) {
                (true, Some(raw)) => TokenSinkResult::RawData(raw),
                _ => TokenSinkResult::Continue,
            };
        }
        if !start {
            if name == "a" {
                state.in_link = false;
            }
            return TokenSinkResult::Continue;
        }
        let switch = switch(name);
        let raw = !matches!(switch, TokenSinkResult::Continue);
        if self.trimmings && is_trimming(&tag) {
            // Raw text has content even when written `<x/>`.
            if raw || (!tag.self_closing && !is_void(name)) {
                state.dropping = Some((name.to_owned(), 1));
            }
        } else if dropped(name).is_some() {
            if raw || !tag.self_closing {
                state.dropping = Some((name.to_owned(), 1));
            }
        } else if name == "img" && self.image_alt {
            state.push_letters(attr(&tag, "alt").unwrap_or_default());
        } else if name == "a" {
            // A new `<a>` ends the one before; one without `href` is no link.
            state.in_link = false;
            if let Some(href) = attr(&tag, "href") {
                state.links.push((href.to_owned(), String::new()));
                state.in_link = true;
            }
        }
        switch
    }
}

/// Checks that `text` has exactly the letters of the text in `html` outside
/// dropped elements, in order: nothing lost, repeated or invented.
pub fn check_letters(
    name: &str,
    html: &str,
    text: &str,
    options: &TextOptions,
    problems: &mut Vec<String>,
) -> usize {
    let want = kept_letters(html, options);
    let got = letters(text);
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .take_while(|(g, w)| g == w)
            .count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(20))
                .take(40)
                .collect::<String>()
        };
        problems.push(format!(
            "{name}: letters differ after {at}: text has {:?}, the HTML {:?}",
            around(&got),
            around(&want)
        ));
    }
    got.chars().count()
}

/// Checks that the links `to_text_and_links` found in `html` are the
/// reference's: the same `href`s, in order, each with its text's letters.
pub fn check_links(
    name: &str,
    html: &str,
    found: &pressmark::html::TextAndLinks<'_>,
    options: &TextOptions,
    problems: &mut Vec<String>,
) -> usize {
    let want = kept_links(html, options);
    let mut got = Vec::new();
    for link in &found.links {
        let Some(text) = found.text.get(link.range.clone()) else {
            problems.push(format!(
                "{name}: link range {:?} not on character boundaries inside the text",
                link.range
            ));
            return 0;
        };
        got.push((link.href.to_string(), letters(text)));
    }
    got.retain(|(_, letters)| !letters.is_empty());
    if got != want {
        let at = got.iter().zip(&want).take_while(|(g, w)| g == w).count();
        problems.push(format!(
            "{name}: links differ at {at} (of {} found, {} in the HTML): {:?} against {:?}",
            got.len(),
            want.len(),
            got.get(at),
            want.get(at)
        ));
    }
    got.len()
}

/// Checks the layout of one conversion (`one_line` in inline mode) and
/// records what is wrong with it.
pub fn check(name: &str, html: &str, text: &str, one_line: bool, problems: &mut Vec<String>) {
    let mut problem = |what: &str| {
        let excerpt: String = text.chars().take(160).collect();
        problems.push(format!("{name}: {what}: {excerpt:?}"));
    };
    if text.contains("\n\n\n") {
        problem("two blank lines in a row");
    }
    if one_line && text.contains('\n') {
        problem("a line break in inline mode");
    }
    if text.trim() != text {
        problem("whitespace at an end");
    }
    if text.chars().any(|c| c < ' ' && c != '\n' && c != '\t') {
        problem("a control character");
    }
    // `<` followed by a letter, `/`, `!` or `?` in the text can only come
    // from an escaped `<` in the input; a `<` in the input followed by one of
    // those is markup.
    let tags_out = count_tag_openers(text);
    if tags_out > 0 && !html.is_empty() {
        let escaped = count_escaped_lt(html);
        if tags_out > escaped {
            problem(&format!(
                "{tags_out} tag remnants, {escaped} escaped `<` in the input"
            ));
        }
    }
    for remnant in entity_remnants(text) {
        // Fine when the input escaped the ampersand: `&amp;nbsp;`.
        let escaped = ["&amp;", "&#038;", "&#38;", "&#x26;"]
            .iter()
            .any(|amp| html.contains(&format!("{amp}{}", &remnant[1..])));
        if !escaped {
            problem(&format!("entity remnant {remnant}"));
            break;
        }
    }
}

fn count_tag_openers(text: &str) -> usize {
    let b = text.as_bytes();
    b.windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))
        .count()
}

fn count_escaped_lt(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    ["&lt", "&#60", "&#x3c", "&#060", "&#x03c"]
        .iter()
        .map(|p| lower.matches(p).count())
        .sum()
}

/// `&name;`, `&#123;` and `&#x1F;` in the text that html5ever decodes.
fn entity_remnants(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('&') {
        let rest = &text[i + 1..];
        let len = rest
            .bytes()
            .take(40)
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))
            .unwrap_or(rest.len().min(40));
        if rest.as_bytes().get(len) != Some(&b';') || len == 0 {
            continue;
        }
        let body = &rest[..len];
        let decodable = if let Some(num) = body.strip_prefix('#') {
            match num.strip_prefix(['x', 'X']) {
                Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
                None => !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
            }
        } else {
            html5ever::data::NAMED_ENTITIES.contains_key(&rest[..=len])
        };
        if decodable {
            out.push(&text[i..=i + 1 + len]);
        }
    }
    out
}
