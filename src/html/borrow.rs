//! Mapping the tokenizer's text back to slices of the caller's input, and
//! feeding the input to the tokenizer.
//!
//! The tokenizer copies the input into tendril buffers, a chunk at a time,
//! and hands back text runs longer than 8 bytes as shared slices of those
//! buffers. A run
//! whose address lies inside a buffer at offset `o` is, byte for byte, the
//! input at the buffer's start plus `o` — but we never rely on that: the
//! address is only a hint, compared as an integer, and the bytes are checked
//! equal before the input slice is used. A wrong hint costs a copy, never a
//! wrong result, and no `unsafe` is needed.

use std::cell::Cell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TokenSink, Tokenizer, TokenizerOpts};

/// The input is fed to the tokenizer in chunks of this size (a little more
/// to end on a character boundary), each fed before the next is copied, so
/// the tokenizer's copy of the input stays this small whatever the input's
/// size: 50 MB of HTML does not take another 50 MB. Measured with
/// `examples/html_stress.rs`: the same throughput as one chunk for all.
pub(crate) const CHUNK: usize = 64 * 1024;

/// A tokenizer buffer: `(address of its first byte, offset of that byte in
/// the input, length)`.
pub(crate) type Chunk = (usize, usize, usize);

/// Where the tokenizer's buffers came from in the input.
pub(crate) struct Locator<'a> {
    input: &'a str,
    /// The newest buffer and the one before (text held back at the end of
    /// a buffer, an unfinished `&am`, comes out with the next one); set by
    /// [`copy_chunk`] as buffers are made, through the sink that owns the
    /// locator.
    chunks: Cell<[Chunk; 2]>,
}

/// A sink that holds the [`Locator`] of its input, so that [`copy_chunk`]
/// can tell it where each buffer it makes came from.
pub(crate) trait LocatingSink: TokenSink {
    /// Runs `f` on the sink's locator.
    fn with_locator(&self, f: impl FnOnce(&Locator<'_>));
}

impl<'a> Locator<'a> {
    /// The input slice equal to `piece`, if `piece` lies in one of the
    /// tokenizer's buffers at a place where the input holds the same bytes.
    #[inline]
    pub(crate) fn locate(&self, piece: &str) -> Option<usize> {
        let addr = piece.as_ptr() as usize;
        for (base, start, len) in self.chunks.get() {
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

    /// A locator for `input`, before any buffer is fed.
    pub(crate) fn new(input: &'a str) -> Self {
        Locator {
            input,
            chunks: Cell::new([(0, 0, 0); 2]),
        }
    }

    /// Records the buffer just fed; the one before it is kept too.
    pub(crate) fn fed(&self, buffer: Chunk) {
        let [newest, _] = self.chunks.get();
        self.chunks.set([buffer, newest]);
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
    S: LocatingSink,
    F: FnOnce(Locator<'a>) -> S,
{
    tokenize_in_chunks(input, CHUNK, make)
}

/// [`tokenize`], feeding `chunk` bytes at a time (`chunk > 0`).
pub(crate) fn tokenize_in_chunks<'a, S, F>(input: &'a str, chunk: usize, make: F) -> S
where
    S: LocatingSink,
    F: FnOnce(Locator<'a>) -> S,
{
    let sink = make(Locator::new(input));
    let tokenizer = Tokenizer::new(sink, tokenizer_options());
    let queue = BufferQueue::default();
    let mut start = bom_len(input);
    while start < input.len() {
        let (tendril, end) = copy_chunk(&tokenizer.sink, input, start, chunk);
        queue.push_back(tendril);
        // Nothing asks the sink to pause (only the fast lane does) and no
        // sink returns `EncodingIndicator`, so one feed tokenizes everything
        // buffered, but for what the tokenizer holds back to see what
        // follows.
        let _ = tokenizer.feed(&queue);
        start = end;
    }
    tokenizer.end();
    tokenizer.sink
}

/// Copies `chunk` bytes of `input` from `start` (a little more, to end on
/// a character boundary) into a tokenizer buffer, and tells the sink's
/// locator where it came from; returns the buffer and where it ends.
pub(crate) fn copy_chunk<S: LocatingSink>(
    sink: &S,
    input: &str,
    start: usize,
    chunk: usize,
) -> (StrTendril, usize) {
    let mut end = start.saturating_add(chunk.max(1)).min(input.len());
    while !input.is_char_boundary(end) {
        end += 1;
    }
    let tendril = StrTendril::from_slice(&input[start..end]);
    // Heap buffers keep their address when the tendril moves or is shared;
    // inline ones (8 bytes or less) do not, and their text is never located.
    let buffer = (tendril.as_ptr() as usize, start, end - start);
    sink.with_locator(|locator| locator.fed(buffer));
    (tendril, end)
}

/// The tokenizer's options: html5ever's defaults, but a byte order mark is
/// dropped by [`bom_len`] instead. html5ever drops one at the start of
/// every `feed`, which is the start of the input only when it is fed at
/// once: a U+FEFF that began a later chunk was lost.
pub(crate) fn tokenizer_options() -> TokenizerOpts {
    TokenizerOpts {
        discard_bom: false,
        ..TokenizerOpts::default()
    }
}

/// The length of the byte order mark that starts `input`, if any: as in
/// browsers, it is not text.
pub(crate) fn bom_len(input: &str) -> usize {
    if input.starts_with('\u{feff}') { 3 } else { 0 }
}

impl Locator<'_> {
    /// Where `value` (an attribute value) is in the input: where it lies,
    /// when it is a slice of the input (the fast lane's undecoded values);
    /// else at or after `from`, looking a little way ahead only (the
    /// tokenizer always copies). Any match has the same bytes, so a match
    /// in the wrong place is still the right text.
    pub(crate) fn find(&self, from: usize, value: &str) -> Option<usize> {
        if value.is_empty() {
            return None;
        }
        // The fast lane hands out values that need no decoding as slices of
        // the input: where one lies is its address (checked, as an
        // integer, to be a slice of the input at that place), not a search
        // of the tag for it (a link-heavy page spent 380 instructions a
        // link searching).
        let offset = (value.as_ptr() as usize).wrapping_sub(self.input.as_ptr() as usize);
        if self
            .input
            .get(offset..offset.wrapping_add(value.len()))
            .is_some_and(|slice| slice.as_ptr() == value.as_ptr())
        {
            return Some(offset);
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

#[cfg(test)]
mod tests {
    use super::Locator;

    #[test]
    fn a_value_is_found_where_it_lies_or_where_its_bytes_are() {
        let input = r#"<a href="/x">x</a> <a href="/x" title="t">y</a>"#;
        let locator = Locator::new(input);
        let second = input.rfind("/x").unwrap();
        // A slice of the input is where it lies, whatever `from` says.
        assert_eq!(locator.find(0, &input[second..second + 2]), Some(second));
        // A copy is searched for from `from`.
        let copy = String::from("/x");
        assert_eq!(locator.find(0, &copy), Some(input.find("/x").unwrap()));
        assert_eq!(locator.find(12, &copy), Some(second));
        assert_eq!(locator.find(second + 1, &copy), None);
        assert_eq!(locator.find(0, ""), None);
        // A slice of another string with the input's bytes is searched for.
        let other = input.to_owned();
        assert_eq!(locator.find(12, &other[second..second + 2]), Some(second));
    }
}
