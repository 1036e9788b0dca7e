//! Mapping the tokenizer's text back to slices of the caller's input, and
//! feeding the input to the tokenizer.
//!
//! The tokenizer copies the input into tendril buffers once and hands back
//! text runs longer than 8 bytes as shared slices of those buffers. A run
//! whose address lies inside a buffer at offset `o` is, byte for byte, the
//! input at the buffer's start plus `o` — but we never rely on that: the
//! address is only a hint, compared as an integer, and the bytes are checked
//! equal before the input slice is used. A wrong hint costs a copy, never a
//! wrong result, and no `unsafe` is needed.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TokenSink, Tokenizer, TokenizerOpts};

/// Tendril lengths are `u32`; feed big inputs in chunks well below that.
const CHUNK: usize = 1 << 30;

/// Where each tokenizer buffer came from in the input.
pub(crate) struct Locator<'a> {
    input: &'a str,
    /// `(address of the buffer's first byte, offset of that byte in the
    /// input, length)`.
    chunks: Vec<(usize, usize, usize)>,
}

impl<'a> Locator<'a> {
    /// The input slice equal to `piece`, if `piece` lies in one of the
    /// tokenizer's buffers at a place where the input holds the same bytes.
    #[inline]
    pub(crate) fn locate(&self, piece: &str) -> Option<usize> {
        let addr = piece.as_ptr() as usize;
        for &(base, start, len) in &self.chunks {
            let Some(delta) = addr.checked_sub(base) else {
                continue;
            };
            if delta >= len {
                continue;
            }
            let at = start + delta;
            return match self.input.get(at..at + piece.len()) {
                Some(s) if s == piece => Some(at),
                _ => None,
            };
        }
        None
    }

    /// The input this locator maps into.
    pub(crate) fn input(&self) -> &'a str {
        self.input
    }
}

/// Runs the tokenizer over `input` with the sink that `make` builds from the
/// input's [`Locator`], and returns the sink.
pub(crate) fn tokenize<'a, S, F>(input: &'a str, make: F) -> S
where
    S: TokenSink,
    F: FnOnce(Locator<'a>) -> S,
{
    let queue = BufferQueue::default();
    let mut chunks = Vec::with_capacity(1);
    let mut rest = input;
    let mut start = 0;
    while !rest.is_empty() {
        let mut end = rest.len().min(CHUNK);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let tendril = StrTendril::from_slice(&rest[..end]);
        // Heap buffers keep their address when the tendril moves; inline
        // ones (8 bytes or less) do not, and their text is never located.
        chunks.push((tendril.as_ptr() as usize, start, end));
        queue.push_back(tendril);
        start += end;
        rest = &rest[end..];
    }
    let sink = make(Locator { input, chunks });
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    // The sinks never return `Script` or `EncodingIndicator`, so a single
    // feed tokenizes everything that is buffered.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink
}

impl Locator<'_> {
    /// Where `value` (an attribute value, which the tokenizer always copies)
    /// is in the input at or after `from`, looking a little way ahead only.
    /// Any match has the same bytes, so a match in the wrong place is still
    /// the right text.
    pub(crate) fn find(&self, from: usize, value: &str) -> Option<usize> {
        if value.is_empty() {
            return None;
        }
        let end = self
            .input
            .len()
            .min(from.saturating_add(value.len() + LOOKAHEAD));
        let window = self.input.as_bytes().get(from..end)?;
        let first = value.as_bytes()[0];
        let mut i = 0;
        while let Some(p) = window[i..].iter().position(|&b| b == first) {
            let at = i + p;
            if window[at..].starts_with(value.as_bytes()) {
                return Some(from + at);
            }
            i = at + 1;
        }
        None
    }
}

/// How far past the end of the last located text an attribute value is
/// looked for: the rest of a long tag.
const LOOKAHEAD: usize = 512;
