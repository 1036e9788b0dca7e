//! The fast lane: the input between simple tags is read here, not by the
//! tokenizer.
//!
//! Most of a WordPress post is text and tags. What html5ever makes of them
//! is plain: from the data state, text without `<`, `&`, carriage return
//! or NUL comes out as it is, and a `<` or `</` followed by an ASCII
//! letter starts a tag, read by a handful of states ([`tag_reader`]).
//! Those are read here and go straight to the sink, attributes and all
//! (the ones the conversion uses, decoded as the tokenizer decodes them).
//!
//! Everything else (character references in text, comments, doctypes,
//! carriage returns and NUL in text) is the tokenizer's: it is fed the
//! input from that byte on, and the sink pauses it
//! (`TokenSinkResult::Script`) after the first tag that leaves it in the
//! data state; reading goes on here from where it stopped. So the
//! tokenizer is never in the middle of anything when this module reads,
//! and what the sink sees is what it would see from the tokenizer alone
//! (the text may be cut in different places, which the writer does not
//! see). A start tag whose content is raw text (`<script>`, `<style>`,
//! `<title>`, `<plaintext>`...) is read here too, and the tokenizer is then
//! fed a copy of it without attributes, which the sink answers with the
//! state its content is read in, before the input after it.
//!
//! [`tag_reader`]: super::tag_reader

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer};

use html5ever::tokenizer::TokenSinkResult;

use super::borrow::{LocatingSink, Locator, bom_len, copy_chunk, tokenizer_options};
use super::tag_reader::{ReadTag, TagRead, read_tag};
use super::text_scan;

/// A sink that can be driven from the fast lane as well as by the tokenizer.
pub(crate) trait LaneSink: LocatingSink {
    /// Text at `at` in the input, with no `<`, `&`, carriage return or NUL.
    fn lane_text(&self, text: &str, at: usize);

    /// A tag. Returns how its content is to be read: `Continue` in the data
    /// state (here), or the raw-text or plaintext state (by the tokenizer).
    fn lane_tag(&self, tag: &ReadTag<'_>) -> TokenSinkResult<()>;

    /// The next tag token the tokenizer gives is the copy of one the lane
    /// read, and is to be answered with `state`, not read again.
    fn replay(&self, state: TokenSinkResult<()>);

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
    let mut tag = ReadTag::new(input);
    while pos < b.len() {
        let stop = text_scan::next_markup(b, pos);
        if stop > pos {
            tokenizer.sink.lane_text(&input[pos..stop], pos);
            pos = stop;
        }
        if pos == b.len() {
            break;
        }
        match read_tag(input, pos, &mut tag) {
            TagRead::Tag => match tokenizer.sink.lane_tag(&tag) {
                TokenSinkResult::Continue => pos = tag.end,
                state => {
                    // The tokenizer reads the content: it is given the
                    // tag's name to set its state and the end tag it
                    // looks for.
                    tokenizer.sink.replay(state);
                    let copy = format!("<{}>", tag.name);
                    pos = feeder.feed_from_after(&tokenizer, &copy, tag.end);
                }
            },
            // The tokenizer drops a tag the input ends in.
            TagRead::Unfinished => break,
            TagRead::Other => pos = feeder.feed_from(&tokenizer, pos),
        }
    }
    // Not while ending: `end` asserts that nothing pauses it.
    tokenizer.sink.pause_after_tags(false);
    tokenizer.end();
    tokenizer.sink
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
    fn feed_from<S: LaneSink>(&mut self, tokenizer: &Tokenizer<S>, pos: usize) -> usize {
        self.feed_from_after(tokenizer, "", pos)
    }

    /// [`feed_from`](Feeder::feed_from), with `first` fed before the input.
    fn feed_from_after<S: LaneSink>(
        &mut self,
        tokenizer: &Tokenizer<S>,
        first: &str,
        mut pos: usize,
    ) -> usize {
        tokenizer.sink.pause_after_tags(true);
        if !first.is_empty() {
            self.queue.push_back(StrTendril::from_slice(first));
        }
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
