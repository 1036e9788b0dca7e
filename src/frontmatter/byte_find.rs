//! Byte searches eight bytes at a time, for the YAML read's hot loops.
//!
//! Front matter is mostly long runs of printable ASCII between line
//! breaks and quotes; looking at a word of eight bytes at once and only
//! then at its bytes is what lets the fast lane outrun a parser that looks
//! at every character. Safe code: words are read with `from_le_bytes`, so
//! the lowest set bit of a mask is the first byte in the text.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// A word with byte `b` in each lane.
const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// The high bit of each byte of `x` that is zero, and maybe of bytes after
/// one that is (a borrow carries up): the lowest set bit is exact.
const fn zeros(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGH
}

/// The whole eight-byte words of `hay` from `at` on, each with its offset.
fn words(hay: &[u8], at: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
    hay.get(at..)
        .unwrap_or_default()
        .chunks_exact(8)
        .enumerate()
        .map(move |(i, chunk)| {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            (at + 8 * i, u64::from_le_bytes(word))
        })
}

/// Where the bytes left after the whole words start.
fn tail_start(len: usize, at: usize) -> usize {
    at + (len.saturating_sub(at) / 8) * 8
}

/// The first `a` or `b` in `hay` at or after `at`.
pub(crate) fn find2(hay: &[u8], at: usize, a: u8, b: u8) -> Option<usize> {
    let (wa, wb) = (splat(a), splat(b));
    for (start, word) in words(hay, at) {
        let mask = zeros(word ^ wa) | zeros(word ^ wb);
        if mask != 0 {
            return Some(start + (mask.trailing_zeros() / 8) as usize);
        }
    }
    let tail = tail_start(hay.len(), at);
    hay.get(tail..)?
        .iter()
        .position(|&c| c == a || c == b)
        .map(|i| tail + i)
}

/// The first byte of `hay` at or after `at` that is not printable ASCII
/// (below space, DEL, or past ASCII); the caller looks at it closer.
pub(crate) fn find_unusual(hay: &[u8], at: usize) -> Option<usize> {
    for (start, word) in words(hay, at) {
        // Below 0x20: subtracting 0x20 borrows into the high bit; at or
        // past 0x80: the high bit is set; DEL: adding 1 reaches it. Carries
        // can only flag a byte that is fine, never hide one that is not, so
        // the bytes of a flagged word are looked at one by one.
        let mask = (word.wrapping_sub(splat(0x20)) | word | word.wrapping_add(ONES)) & HIGH;
        if mask != 0 {
            let from = start + (mask.trailing_zeros() / 8) as usize;
            if let Some(i) = hay[from..start + 8].iter().position(|&c| is_unusual(c)) {
                return Some(from + i);
            }
        }
    }
    let tail = tail_start(hay.len(), at);
    hay.get(tail..)?
        .iter()
        .position(|&c| is_unusual(c))
        .map(|i| tail + i)
}

fn is_unusual(c: u8) -> bool {
    !(0x20..0x7F).contains(&c)
}

#[cfg(test)]
mod tests {
    use super::{find_unusual, find2};

    /// Against the obvious loop, at every start, over texts that put the
    /// bytes sought at every offset of a word and next to carries.
    #[test]
    fn finds_what_a_byte_loop_finds() {
        let mut texts: Vec<Vec<u8>> = vec![b"".to_vec(), b"abc".to_vec()];
        for len in 0..20 {
            for pos in 0..len {
                for special in [b'\n', b'"', b'\\', 0x00, 0x1F, 0x7F, 0x80, 0xC2, 0xFF] {
                    let mut t = vec![b'a'; len];
                    t[pos] = special;
                    texts.push(t.clone());
                    // Neighbours that borrow or carry: 0x00 and 0xFF, 0x20.
                    if pos > 0 {
                        t[pos - 1] = 0x20;
                    }
                    if pos + 1 < len {
                        t[pos + 1] = 0x7E;
                    }
                    texts.push(t);
                }
            }
        }
        texts.push("plain café \u{a0} text, long enough for words\n".into());
        for t in &texts {
            for at in 0..=t.len() + 1 {
                let from = at.min(t.len());
                let expect2 = t[from..]
                    .iter()
                    .position(|&c| c == b'"' || c == b'\\')
                    .map(|i| from + i);
                let expect = t[from..]
                    .iter()
                    .position(|&c| !(0x20..0x7F).contains(&c))
                    .map(|i| from + i);
                let expect2 = if at > t.len() { None } else { expect2 };
                let expect = if at > t.len() { None } else { expect };
                assert_eq!(find2(t, at, b'"', b'\\'), expect2, "{t:?} at {at}");
                assert_eq!(find_unusual(t, at), expect, "{t:?} at {at}");
            }
        }
    }
}
