//! Finding the next byte that may end a run of text, 16 bytes at a time.
//!
//! The flags are computed element-wise into a byte array and then read as
//! one `u128`, a shape the compiler reliably turns into SIMD compares (an
//! OR-reduction or `u64` bit tricks measured two to three times slower). No
//! `unsafe`, no intrinsics.

/// Window size.
const STEP: usize = 16;

/// For each of the 16 bytes of `w`, 0xFF if it may end a run of text, else
/// 0, read as a little-endian `u128`: a C0 control or whitespace other than
/// a space, a space followed by a space (`w[16]` is the byte after the
/// window), and the first bytes of U+00A0 and U+00AD (0xC2) and U+200B
/// (0xE2); with `MARKUP`, also `<` and `&`, which the fast path stops at
/// and text tokens never need; with `ESCAPES`, also the bytes that may
/// need a Markdown escape in prose (see [`next_stop_or_escape`]).
///
/// Measured (callgrind, over the corpus posts): the window and the byte
/// after it read as two 16-byte arrays, the flags as 0xFF, and no markup
/// tests for text tokens, save 2.8 M of 228 M instructions; the compiler
/// vectorizes this loop, but not every shape of it (an earlier one that
/// indexed `w[j + 1]` rebuilt the window with byte shifts).
#[inline(always)]
fn stops<const MARKUP: bool, const ESCAPES: bool>(w: &[u8; STEP + 1]) -> u128 {
    u128::from_le_bytes(flags::<MARKUP, ESCAPES>(w))
}

/// The flags of [`stops`] as bytes.
#[inline(always)]
fn flags<const MARKUP: bool, const ESCAPES: bool>(w: &[u8; STEP + 1]) -> [u8; STEP] {
    let (head, _) = w.split_at(STEP);
    let (_, next) = w.split_at(1);
    let head: &[u8; STEP] = head.try_into().unwrap_or(&[0; STEP]);
    let next: &[u8; STEP] = next.try_into().unwrap_or(&[0; STEP]);
    let mut flags = [0u8; STEP];
    for j in 0..STEP {
        let b = head[j];
        flags[j] = 0u8.wrapping_sub(u8::from(
            ((b & 0xE0) == 0)
                // With `ESCAPES`, `<` is among the escape candidates.
                | (MARKUP & !ESCAPES & (b == b'<'))
                | (MARKUP & (b == b'&'))
                | (b == 0xC2)
                | (b == 0xE2)
                | ((b == b' ') & (next[j] == b' '))
                | (ESCAPES & is_escape_candidate(b)),
        ));
    }
    flags
}

/// The index of the first byte at or after `i` that ends a run of text, or
/// `b.len()`: the first byte that [`stops`] flags and `ends` (given its
/// index) confirms. Flagged bytes that `ends` rejects (0xE2 starts `’` too)
/// are passed over without scanning their window again.
#[inline(always)]
pub(crate) fn next_stop<const MARKUP: bool>(
    b: &[u8],
    i: usize,
    ends: impl Fn(usize) -> bool,
) -> usize {
    scan::<MARKUP, false>(b, i, ends)
}

/// [`next_stop`] with markup, that also stops at every byte that may need
/// a Markdown escape in prose: `\`, `` ` ``, `*`, `_`, `[`, `]`, `|`, `~`,
/// and `^` and `>` (bytes the compact test flags too; `ends` is to reject
/// them).
#[inline(always)]
pub(crate) fn next_stop_or_escape(b: &[u8], i: usize, ends: impl Fn(usize) -> bool) -> usize {
    scan::<true, true>(b, i, ends)
}

/// Whether `b` is `\`, `` ` ``, `*`, `_`, `[`, `]`, `|`, `~`, `^`, `<` or
/// `>`: a range test and two compares, fewer vector operations than
/// eleven compares. `<` is markup too; `^` and `>` come with the others.
#[inline(always)]
fn is_escape_candidate(b: u8) -> bool {
    // `[`, `\`, `]`, `^`, `_`, `` ` `` (0x5B to 0x60), then `<`, `>`, `|`
    // and `~` (0x3C, 0x3E, 0x7C, 0x7E: all but two bits alike), then `*`.
    (b.wrapping_sub(b'[') < 6) | ((b & 0xBD) == b'<') | (b == b'*')
}

#[inline(always)]
fn scan<const MARKUP: bool, const ESCAPES: bool>(
    b: &[u8],
    mut i: usize,
    ends: impl Fn(usize) -> bool,
) -> usize {
    let n = b.len();
    while i + STEP < n {
        let w: &[u8; STEP + 1] = b[i..=i + STEP].try_into().unwrap_or(&[0; STEP + 1]);
        let flags = flags::<MARKUP, ESCAPES>(w);
        // Most windows have no stop: an OR of the flags compiles to one
        // `pmovmskb` test, where testing the `u128` goes through the stack.
        if flags.iter().fold(0, |a, &f| a | f) == 0 {
            i += STEP;
            continue;
        }
        let mut m = u128::from_le_bytes(flags);
        while m != 0 {
            let at = i + (m.trailing_zeros() / 8) as usize;
            if ends(at) {
                return at;
            }
            m &= !(0xFF << (m.trailing_zeros() & !7));
        }
        i += STEP;
    }
    if i >= n {
        return n;
    }
    if n > STEP {
        // The tail as one more window that ends at the last byte: it
        // overlaps bytes already scanned, whose flags are masked off (no
        // copy into a padded window, which costs a `memcpy` call per run).
        let start = n - STEP - 1;
        let w: &[u8; STEP + 1] = b[start..].try_into().unwrap_or(&[0; STEP + 1]);
        let flags = flags::<MARKUP, ESCAPES>(w);
        // As in the loop: masking the `u128` costs more than this test.
        let mut m = match flags.iter().fold(0, |a, &f| a | f) {
            0 => 0,
            _ => {
                u128::from_le_bytes(flags)
                    & u128::MAX.checked_shl(8 * (i - start) as u32).unwrap_or(0)
            }
        };
        while m != 0 {
            let at = start + (m.trailing_zeros() / 8) as usize;
            if ends(at) {
                return at;
            }
            m &= !(0xFF << (m.trailing_zeros() & !7));
        }
        // The last byte is the window's 17th, which `stops` only reads as
        // the byte after a space: its own test, with no byte after it.
        let last = b[n - 1];
        let stop = (last & 0xE0) == 0
            || matches!(last, 0xC2 | 0xE2)
            || (MARKUP && matches!(last, b'<' | b'&'))
            || (ESCAPES && is_escape_candidate(last));
        return if stop && ends(n - 1) { n - 1 } else { n };
    }
    // A short input, padded with a byte that never stops.
    let mut w = [b'a'; STEP + 1];
    w[..n - i].copy_from_slice(&b[i..]);
    let mut m = stops::<MARKUP, ESCAPES>(&w);
    while m != 0 {
        let at = i + (m.trailing_zeros() / 8) as usize;
        if at < n && ends(at) {
            return at;
        }
        m &= !(0xFF << (m.trailing_zeros() & !7));
    }
    n
}

/// The index of the first `<`, `&`, carriage return or NUL at or after
/// `i`, or `b.len()`: the end of the text that the tokenizer would pass on
/// unchanged from the data state.
pub(crate) fn next_markup(b: &[u8], mut i: usize) -> usize {
    let n = b.len();
    while i + STEP <= n {
        let w: &[u8; STEP] = b[i..i + STEP].try_into().unwrap_or(&[0; STEP]);
        let mut flags = [0u8; STEP];
        for j in 0..STEP {
            let c = w[j];
            flags[j] = 0u8.wrapping_sub(u8::from(
                (c == b'<') | (c == b'&') | (c == b'\r') | (c == 0),
            ));
        }
        if flags.iter().fold(0, |a, &f| a | f) != 0 {
            return i + (u128::from_le_bytes(flags).trailing_zeros() / 8) as usize;
        }
        i += STEP;
    }
    while i < n && !matches!(b[i], b'<' | b'&' | b'\r' | 0) {
        i += 1;
    }
    i
}

/// How many bytes the space searches read at a time.
const WORD: usize = 8;

/// The spaces among the 8 bytes at `b[start..]` (`b` holds at least 8
/// bytes from there): the high bit of each space's byte set, exactly (the
/// zero-byte test of `x ^ 0x2020...` without the borrow that can flag the
/// byte after a zero).
#[inline(always)]
fn spaces_at(b: &[u8], start: usize) -> u64 {
    let w: [u8; WORD] = b[start..start + WORD].try_into().unwrap_or([0; WORD]);
    let x = u64::from_le_bytes(w) ^ 0x2020_2020_2020_2020;
    let nonzero = ((x & 0x7F7F_7F7F_7F7F_7F7F) + 0x7F7F_7F7F_7F7F_7F7F) | x;
    !nonzero & 0x8080_8080_8080_8080
}

/// The bytes `from..to` of a window that starts at `start`, their high
/// bits set.
#[inline(always)]
fn window_bits(start: usize, from: usize, to: usize) -> u64 {
    let low = from.saturating_sub(start).min(WORD);
    let high = to.saturating_sub(start).min(WORD);
    let upto = |k: usize| u64::MAX.checked_shr((8 * (WORD - k)) as u32).unwrap_or(0);
    upto(high) & !upto(low) & 0x8080_8080_8080_8080
}

/// The index after the last space in `b[from..to]`, or `from` if it holds
/// none: where the word that ends at `to` starts.
///
/// Eight bytes at a time, so that finding it costs no branch per byte (a
/// byte loop's exit is mispredicted about once per call, as words are of
/// every length); inputs shorter than that a byte at a time.
#[inline]
pub(crate) fn after_last_space(b: &[u8], from: usize, to: usize) -> usize {
    if b.len() < WORD {
        return b[from..to]
            .iter()
            .rposition(|&c| c == b' ')
            .map_or(from, |k| from + k + 1);
    }
    let mut end = to;
    while end > from {
        let start = end.saturating_sub(WORD);
        let m = spaces_at(b, start) & window_bits(start, from, end);
        if m != 0 {
            return start + WORD - (m.leading_zeros() / 8) as usize;
        }
        end = start;
    }
    from
}

/// The index of the first space in `b[from..to]`, or `to` if it holds
/// none: where the word that starts at `from` ends. Eight bytes at a time,
/// as [`after_last_space`].
#[inline]
pub(crate) fn first_space(b: &[u8], from: usize, to: usize) -> usize {
    if b.len() < WORD {
        return b[from..to]
            .iter()
            .position(|&c| c == b' ')
            .map_or(to, |k| from + k);
    }
    let mut begin = from;
    while begin < to {
        let start = begin.min(b.len() - WORD);
        let m = spaces_at(b, start) & window_bits(start, begin, to);
        if m != 0 {
            return start + (m.trailing_zeros() / 8) as usize;
        }
        begin = start + WORD;
    }
    to
}

#[cfg(test)]
mod tests {
    fn next_stop(b: &[u8], i: usize) -> usize {
        super::next_stop::<true>(b, i, |_| true)
    }

    /// What [`super::next_stop`] finds, a byte at a time.
    fn reference(
        b: &[u8],
        i: usize,
        markup: bool,
        escapes: bool,
        ends: impl Fn(usize) -> bool,
    ) -> usize {
        (i..b.len())
            .find(|&at| {
                let c = b[at];
                let stop = (c & 0xE0) == 0
                    || matches!(c, 0xC2 | 0xE2)
                    || (markup && matches!(c, b'<' | b'&'))
                    || (escapes && b"\\`*_[]|~^>".contains(&c))
                    || (c == b' ' && b.get(at + 1) == Some(&b' '));
                stop && ends(at)
            })
            .unwrap_or(b.len())
    }

    #[test]
    fn every_byte_at_every_place_from_every_start() {
        // Lengths around one and two windows, every byte value at every
        // place (beside a space, for double spaces), every start, and an
        // `ends` that rejects some flagged bytes.
        let ends = |at: usize| at % 3 != 1;
        for len in [1, 2, 15, 16, 17, 18, 31, 32, 33, 34, 40] {
            for value in 0..=255u8 {
                for at in 0..len {
                    let mut b = vec![b'x'; len];
                    b[at] = value;
                    if at + 1 < len {
                        b[at + 1] = b' ';
                    }
                    for start in 0..len {
                        assert_eq!(
                            super::next_stop::<true>(&b, start, ends),
                            reference(&b, start, true, false, ends),
                            "len {len}, byte {value:#x} at {at}, from {start}"
                        );
                        assert_eq!(
                            super::next_stop::<false>(&b, start, ends),
                            reference(&b, start, false, false, ends),
                            "no markup: len {len}, byte {value:#x} at {at}, from {start}"
                        );
                        assert_eq!(
                            super::next_stop_or_escape(&b, start, ends),
                            reference(&b, start, true, true, ends),
                            "escapes: len {len}, byte {value:#x} at {at}, from {start}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn markup_is_found_at_every_place() {
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 40] {
            for value in [b'<', b'&', b'\r', 0, b'>', b'\n', 0xC2, b'a'] {
                for at in 0..len {
                    let mut b = vec![b'x'; len];
                    b[at] = value;
                    for start in 0..=len {
                        let want = (start..len)
                            .find(|&k| matches!(b[k], b'<' | b'&' | b'\r' | 0))
                            .unwrap_or(len);
                        assert_eq!(
                            super::next_markup(&b, start),
                            want,
                            "len {len}, byte {value:#x} at {at}, from {start}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn stops_are_found_in_words_and_tails() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789";
        assert_eq!(next_stop(text, 0), text.len());
        let mut t = *text;
        t[20] = b' ';
        assert_eq!(next_stop(&t, 0), text.len());
        t[21] = b' ';
        assert_eq!(next_stop(&t, 0), 20);
        // A double space across two words.
        let mut t = *text;
        t[7] = b' ';
        t[8] = b' ';
        assert_eq!(next_stop(&t, 0), 7);
        t[5] = b'\n';
        assert_eq!(next_stop(&t, 0), 5);
        assert_eq!(next_stop(&t, 6), 7);
        let mut t = *text;
        t[34] = b'&';
        assert_eq!(next_stop(&t, 0), 34);
        assert_eq!(next_stop(b"a \xe2\x80\x99", 0), 2);
        assert_eq!(next_stop(b"", 0), 0);
        assert_eq!(next_stop(b"abc\x7f\xc3\xa9", 0), 6);
        // A byte order mark is text here: the fast path tests for a
        // leading one itself.
        assert_eq!(next_stop(b"abc\xef\xbb\xbf", 0), 6);
    }

    #[test]
    fn spaces_are_found_as_a_byte_loop_finds_them() {
        // Every range of inputs around one to four words of eight bytes,
        // with spaces at every pair of places.
        for len in [0, 1, 2, 7, 8, 9, 15, 16, 17, 18, 23, 24, 25, 33] {
            for first in 0..=len {
                for second in [
                    first,
                    first + 1,
                    first + 7,
                    first + 8,
                    first + 9,
                    first + 17,
                ] {
                    let mut b = vec![b'x'; len];
                    for at in [first, second] {
                        if at < len {
                            b[at] = b' ';
                        }
                    }
                    for from in 0..=len {
                        for to in from..=len {
                            let last = b[from..to]
                                .iter()
                                .rposition(|&c| c == b' ')
                                .map_or(from, |k| from + k + 1);
                            let first_at = b[from..to]
                                .iter()
                                .position(|&c| c == b' ')
                                .map_or(to, |k| from + k);
                            assert_eq!(
                                super::after_last_space(&b, from, to),
                                last,
                                "len {len}, spaces {first} {second}, {from}..{to}"
                            );
                            assert_eq!(
                                super::first_space(&b, from, to),
                                first_at,
                                "len {len}, spaces {first} {second}, {from}..{to}"
                            );
                        }
                    }
                }
            }
        }
    }
}
