//! The fast lane: the input between simple tags is read here, not by the
//! tokenizer.
//!
//! Most of a WordPress post is text and tags without attributes (`<p>`,
//! `</p>`, `<strong>`, `</a>`): over the corpus posts, 70,854 of 99,093
//! tags, and about 40% of the tokenizer's time (the posts without those
//! tags tokenize in 0.61 of the time). What html5ever makes of them is
//! plain: from the data state, text without `<`, `&`, carriage return or
//! NUL comes out as it is, and `<name>`, `<name/>` and `</name>` with an
//! ASCII letter and then letters and digits are tags without attributes,
//! the name lowercased. Those are read here and go straight to the sink.
//!
//! Everything else (character references, attributes, comments, doctypes,
//! raw text such as `<script>`, carriage returns, NUL) is the tokenizer's:
//! it is fed the input from that byte on, and the sink pauses it
//! (`TokenSinkResult::Script`) after the first tag that leaves it in the
//! data state; reading goes on here from where it stopped. So the
//! tokenizer is never in the middle of anything when this module reads,
//! and what the sink sees is what it would see from the tokenizer alone
//! (the text may be cut in different places, which the writer does not
//! see).

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Tokenizer};

use super::borrow::{LocatingSink, Locator, bom_len, copy_chunk, tokenizer_options};
use super::text_scan;

/// A sink that can be driven from the fast lane as well as by the tokenizer.
pub(crate) trait LaneSink: LocatingSink {
    /// Text at `at` in the input, with no `<`, `&`, carriage return or NUL.
    fn lane_text(&self, text: &str, at: usize);

    /// A tag without attributes, its name lowercase ASCII letters and
    /// digits. Returns `false`, having done nothing, when the tokenizer must
    /// read it instead (a start tag whose content is raw text).
    fn lane_tag(&self, kind: TagKind, name: &str, self_closing: bool) -> bool;

    /// While `on`, the sink pauses the tokenizer after each tag that leaves
    /// it in the data state.
    fn pause_after_tags(&self, on: bool);
}

/// Converts `input` with the sink that `make` builds from the input's
/// [`Locator`], reading simple stretches here and feeding the rest to the
/// tokenizer `chunk` bytes at most at a time (`chunk > 0`); returns the
/// sink.
pub(crate) fn run<'a, S, F>(input: &'a str, chunk: usize, make: F) -> S
where
    S: LaneSink,
    F: FnOnce(Locator<'a>) -> S,
{
    let tokenizer = Tokenizer::new(make(Locator::new(input)), tokenizer_options());
    let mut feeder = Feeder {
        input,
        chunk,
        queue: BufferQueue::default(),
        buffer: None,
        start: 0,
        end: 0,
    };
    let b = input.as_bytes();
    let mut pos = bom_len(input);
    while pos < b.len() {
        let stop = text_scan::next_markup(b, pos);
        if stop > pos {
            tokenizer.sink.lane_text(&input[pos..stop], pos);
            pos = stop;
        }
        if pos == b.len() {
            break;
        }
        if let Some(tag) = simple_tag(b, pos) {
            let name = &input[tag.name.0..tag.name.1];
            let taken = if name.bytes().any(|c| c.is_ascii_uppercase()) {
                let lower = name.to_ascii_lowercase();
                tokenizer.sink.lane_tag(tag.kind, &lower, tag.self_closing)
            } else {
                tokenizer.sink.lane_tag(tag.kind, name, tag.self_closing)
            };
            if taken {
                pos = tag.end;
                continue;
            }
        }
        pos = feeder.feed_from(&tokenizer, pos);
    }
    // Not while ending: `end` asserts that nothing pauses it.
    tokenizer.sink.pause_after_tags(false);
    tokenizer.end();
    tokenizer.sink
}

/// A tag without attributes, as [`simple_tag`] finds it.
struct SimpleTag {
    kind: TagKind,
    /// Byte range of the name in the input.
    name: (usize, usize),
    self_closing: bool,
    /// Just past the `>`.
    end: usize,
}

/// The tag at `b[i]` if it is `<name>`, `<name/>` or `</name>`:
/// the name an ASCII letter then letters and digits, ASCII whitespace
/// (not carriage return) allowed before the `>` or `/>`.
fn simple_tag(b: &[u8], i: usize) -> Option<SimpleTag> {
    if b.get(i) != Some(&b'<') {
        return None;
    }
    let mut j = i + 1;
    let kind = if b.get(j) == Some(&b'/') {
        j += 1;
        TagKind::EndTag
    } else {
        TagKind::StartTag
    };
    let start = j;
    if !b.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    j += 1;
    while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    let name = (start, j);
    while matches!(b.get(j), Some(b'\t' | b'\n' | 0x0C | b' ')) {
        j += 1;
    }
    // `</p/>` is a self-closing end tag, an error: left to the tokenizer.
    let self_closing = kind == TagKind::StartTag && b.get(j) == Some(&b'/');
    if self_closing {
        j += 1;
    }
    (b.get(j) == Some(&b'>')).then_some(SimpleTag {
        kind,
        name,
        self_closing,
        end: j + 1,
    })
}

/// Feeds the tokenizer from a place in the input, in buffers of at most
/// `chunk` bytes, each copied once however many times it is fed from.
struct Feeder<'a> {
    input: &'a str,
    chunk: usize,
    queue: BufferQueue,
    /// The input from `start` to `end`, copied.
    buffer: Option<StrTendril>,
    start: usize,
    end: usize,
}

impl Feeder<'_> {
    /// Has the tokenizer read the input from `pos` until the sink pauses
    /// it; returns where it stopped (the input's length if it read it all).
    fn feed_from<S: LaneSink>(&mut self, tokenizer: &Tokenizer<S>, mut pos: usize) -> usize {
        tokenizer.sink.pause_after_tags(true);
        loop {
            let piece = match &self.buffer {
                Some(buffer) if (self.start..self.end).contains(&pos) => {
                    // Shares the buffer: a count goes up, nothing is copied.
                    buffer.subtendril((pos - self.start) as u32, (self.end - pos) as u32)
                }
                _ => self.copy_from(tokenizer, pos),
            };
            self.queue.push_back(piece);
            match tokenizer.feed(&self.queue) {
                TokenizerResult::Script(_) => {
                    // The tokenizer stopped just past a tag's `>`, inside
                    // this buffer: whatever came before it was read first.
                    let mut rest = 0;
                    while let Some(unread) = self.queue.pop_front() {
                        rest += unread.len();
                    }
                    return self.end - rest;
                }
                // It read all it could and waits for more, if there is more.
                _ if self.end == self.input.len() => return self.end,
                _ => pos = self.end,
            }
        }
    }

    /// Copies the input from `pos` into a new buffer (see [`copy_chunk`]).
    fn copy_from<S: LaneSink>(&mut self, tokenizer: &Tokenizer<S>, pos: usize) -> StrTendril {
        let (buffer, end) = copy_chunk(&tokenizer.sink, self.input, pos, self.chunk);
        self.start = pos;
        self.end = end;
        let piece = buffer.clone();
        self.buffer = Some(buffer);
        piece
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Option<(bool, String, bool, usize)> {
        simple_tag(s.as_bytes(), 0).map(|t| {
            (
                t.kind == TagKind::EndTag,
                s[t.name.0..t.name.1].to_owned(),
                t.self_closing,
                t.end,
            )
        })
    }

    #[test]
    fn simple_tags_are_told_from_the_rest() {
        assert_eq!(tag("<p>x"), Some((false, "p".into(), false, 3)));
        assert_eq!(tag("</H2>"), Some((true, "H2".into(), false, 5)));
        assert_eq!(tag("<br />"), Some((false, "br".into(), true, 6)));
        assert_eq!(tag("<br\n/>"), Some((false, "br".into(), true, 6)));
        assert_eq!(tag("</p >"), Some((true, "p".into(), false, 5)));
        for not_simple in [
            "<",
            "<p",
            "< p>",
            "<1>",
            "<p class=x>",
            "</p/>",
            "<x-y>",
            "<p\r>",
            "<!-- -->",
            "<?x>",
            "</>",
            "<p/ >",
            "<é>",
        ] {
            assert_eq!(tag(not_simple), None, "{not_simple:?}");
        }
    }
}
