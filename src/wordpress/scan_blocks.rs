//! The bit tricks under the element scan: 64 bytes at a time, one bit per
//! byte for each kind of byte that matters, escapes and strings found
//! without a branch per byte — the first stage of simdjson (Langdale and
//! Lemire, "Parsing gigabytes of JSON per second"), in portable Rust whose
//! loops the compiler turns into vector instructions. Also: counting lines
//! and characters as fast.

/// Bytes in a block.
pub(crate) const BLOCK: usize = 64;

/// One bit per byte of a block (bit `k` for byte `k`), for each kind.
pub(crate) struct Masks {
    pub(crate) quote: u64,
    pub(crate) backslash: u64,
    /// Below 0x20.
    pub(crate) control: u64,
    /// `[`, `]`, `{`, `}` and `,`.
    pub(crate) structural: u64,
}

impl Masks {
    #[inline]
    pub(crate) fn of(block: &[u8; BLOCK]) -> Masks {
        // A byte of 0 or 1 per byte and kind first, which vectorizes; then
        // packed to bits.
        let mut quote = [0u8; BLOCK];
        let mut backslash = [0u8; BLOCK];
        let mut control = [0u8; BLOCK];
        let mut structural = [0u8; BLOCK];
        for k in 0..BLOCK {
            let b = block[k];
            quote[k] = u8::from(b == b'"');
            backslash[k] = u8::from(b == b'\\');
            control[k] = u8::from(b < 0x20);
            // `[` and `{`, `]` and `}` differ by 0x20 alone.
            let folded = b | 0x20;
            structural[k] = u8::from(folded == b'{' || folded == b'}' || b == b',');
        }
        Masks {
            quote: pack(&quote),
            backslash: pack(&backslash),
            control: pack(&control),
            structural: pack(&structural),
        }
    }
}

/// Bytes of 0 or 1 to bits, eight at a time: the multiply gathers each
/// byte's low bit into the top byte, byte `k` to bit `k`, with no carry
/// between them.
#[inline]
fn pack(flags: &[u8; BLOCK]) -> u64 {
    let mut mask = 0;
    for (k, chunk) in flags.chunks_exact(8).enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        mask |= (word.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    mask
}

/// The bytes escaped by a backslash, given the block's backslashes and
/// whether its first byte is escaped (`carry`, updated for the next
/// block): the byte after each run of an odd number of backslashes, and
/// every other byte in a run. simdjson's `find_escaped_branchless`.
#[inline]
pub(crate) fn escaped(backslash: u64, carry: &mut u64) -> u64 {
    const EVEN: u64 = 0x5555_5555_5555_5555;
    // A backslash escaped by the last block's is no escape.
    let backslash = backslash & !*carry;
    let follows_escape = (backslash << 1) | *carry;
    // Runs that start on an odd bit, added to the runs: the sum's bits
    // flip the parity of those that start on an even one.
    let odd_starts = backslash & !EVEN & !follows_escape;
    let (even_runs, overflow) = odd_starts.overflowing_add(backslash);
    *carry = u64::from(overflow);
    let invert = even_runs << 1;
    (EVEN ^ invert) & follows_escape
}

/// Bit `k` set when an odd number of bits at or below `k` are: with the
/// unescaped quotes, the bytes inside strings (the opening quote
/// included, the closing one not).
#[inline]
pub(crate) fn prefix_xor(mut bits: u64) -> u64 {
    bits ^= bits << 1;
    bits ^= bits << 2;
    bits ^= bits << 4;
    bits ^= bits << 8;
    bits ^= bits << 16;
    bits ^= bits << 32;
    bits
}

/// How many bytes of `bytes` `count` is true of, 64 at a time.
#[inline]
fn count_where(bytes: &[u8], count: impl Fn(u8) -> bool) -> usize {
    let mut chunks = bytes.chunks_exact(BLOCK);
    let mut n = 0;
    for chunk in &mut chunks {
        // At most 64: no overflow in a byte, which the compiler sums in
        // vector lanes.
        n += usize::from(chunk.iter().map(|&b| u8::from(count(b))).sum::<u8>());
    }
    n + chunks.remainder().iter().filter(|&&b| count(b)).count()
}

/// Newlines in `bytes`.
#[inline]
pub(crate) fn newlines(bytes: &[u8]) -> usize {
    count_where(bytes, |b| b == b'\n')
}

/// Characters in `bytes`: the bytes that start one (not `0b10xx_xxxx`).
#[inline]
pub(crate) fn chars(bytes: &[u8]) -> usize {
    count_where(bytes, |b| b & 0xC0 != 0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaped bytes and the bytes inside strings, found a byte at a
    /// time.
    fn naive(bytes: &[u8]) -> (Vec<bool>, Vec<bool>) {
        let (mut escaped, mut inside) = (vec![false; bytes.len()], vec![false; bytes.len()]);
        let (mut escaping, mut in_string) = (false, false);
        for (k, &b) in bytes.iter().enumerate() {
            escaped[k] = escaping;
            if b == b'"' && !escaping {
                in_string = !in_string;
            }
            // So the opening quote counts as inside, the closing one not.
            inside[k] = in_string;
            escaping = !escaping && b == b'\\';
        }
        (escaped, inside)
    }

    /// Both ways over every string of `\`, `"` and `x` up to a length,
    /// spread over two blocks at every offset.
    #[test]
    fn escapes_and_strings_match_a_byte_at_a_time() {
        let alphabet = [b'\\', b'"', b'x'];
        for len in 1..=7 {
            for code in 0..3usize.pow(len) {
                let pattern: Vec<u8> = (0..len)
                    .map(|k| alphabet[code / 3usize.pow(k) % 3])
                    .collect();
                for offset in [0, 30, 60, 62] {
                    let mut bytes = vec![b' '; 2 * BLOCK];
                    bytes[offset..offset + pattern.len()].copy_from_slice(&pattern);
                    let (want_escaped, want_inside) = naive(&bytes);
                    let (mut carry, mut inside_carry) = (0, 0);
                    for (b, block) in bytes.chunks_exact(BLOCK).enumerate() {
                        let masks = Masks::of(block.try_into().unwrap());
                        let esc = escaped(masks.backslash, &mut carry);
                        let inside = prefix_xor(masks.quote & !esc) ^ inside_carry;
                        inside_carry = ((inside as i64) >> 63) as u64;
                        for k in 0..BLOCK {
                            let at = b * BLOCK + k;
                            assert_eq!(
                                esc >> k & 1 == 1,
                                want_escaped[at],
                                "{pattern:?} at {offset}, byte {at}"
                            );
                            assert_eq!(
                                inside >> k & 1 == 1,
                                want_inside[at],
                                "{pattern:?} at {offset}, byte {at}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn masks_mark_their_bytes() {
        let mut block = [b'a'; BLOCK];
        for (k, b) in [(0, b'['), (9, b']'), (17, b'{'), (40, b'}'), (63, b',')] {
            block[k] = b;
        }
        block[5] = b'"';
        block[6] = b'\\';
        block[7] = b'\n';
        block[8] = 0x1f;
        block[10] = 0xC3; // no control, no structure
        block[11] = b'[';
        let masks = Masks::of(&block);
        assert_eq!(masks.quote, 1 << 5);
        assert_eq!(masks.backslash, 1 << 6);
        assert_eq!(masks.control, 1 << 7 | 1 << 8);
        assert_eq!(
            masks.structural,
            1 | 1 << 9 | 1 << 11 | 1 << 17 | 1 << 40 | 1 << 63
        );
    }

    #[test]
    fn counts() {
        let text = "é\nab\n".repeat(50);
        assert_eq!(newlines(text.as_bytes()), 100);
        assert_eq!(chars(text.as_bytes()), text.chars().count());
    }
}
