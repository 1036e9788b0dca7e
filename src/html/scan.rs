//! Finding the next byte that may end a run of text, 16 bytes at a time:
//! a plain loop over a fixed-size window that the compiler turns into SIMD
//! compares (no `unsafe`, no intrinsics), then a byte loop over the one
//! window that has a stop.

/// Window size; each window also looks at one byte past its end.
const STEP: usize = 16;

/// Whether byte `b`, followed by `next`, may end a run: a C0 control or
/// whitespace other than a space, a space followed by a space, 0xC2 (first
/// byte of U+00A0 and U+00AD), 0xE2 (of U+200B); with `PLAIN`, also `<`,
/// `&` and 0xEF (of a byte order mark).
#[inline(always)]
fn is_stop<const PLAIN: bool>(b: u8, next: u8) -> bool {
    let stop = (b < 0x20) | (b == 0xC2) | (b == 0xE2) | ((b == b' ') & (next == b' '));
    if PLAIN {
        stop | (b == b'<') | (b == b'&') | (b == 0xEF)
    } else {
        stop
    }
}

/// Whether no byte of `w[..16]` may end a run.
#[inline]
fn clean<const PLAIN: bool>(w: &[u8; STEP + 1]) -> bool {
    if PLAIN { clean_plain(w) } else { clean_text(w) }
}

// The two loops are spelled out: written through `is_stop`, the compiler
// did not vectorize them.

#[inline]
fn clean_text(w: &[u8; STEP + 1]) -> bool {
    let mut stop = false;
    for j in 0..STEP {
        let b = w[j];
        stop |= (b < 0x20) | (b == 0xC2) | (b == 0xE2) | ((b == b' ') & (w[j + 1] == b' '));
    }
    !stop
}

#[inline]
fn clean_plain(w: &[u8; STEP + 1]) -> bool {
    let mut stop = false;
    for j in 0..STEP {
        let b = w[j];
        stop |= (b < 0x20)
            | (b == b'<')
            | (b == b'&')
            | (b == 0xC2)
            | (b == 0xE2)
            | (b == 0xEF)
            | ((b == b' ') & (w[j + 1] == b' '));
    }
    !stop
}

/// The index of the first byte at or after `i` that may end a run of text
/// (see [`is_stop`]), or `b.len()`. A byte it returns may turn out harmless
/// (0xE2 starts `’` too): the caller looks at it and carries on after it.
#[inline]
pub(crate) fn next_stop<const PLAIN: bool>(b: &[u8], mut i: usize) -> usize {
    const NEVER: [u8; STEP + 1] = [0; STEP + 1];
    while let Some(w) = b.get(i..i + STEP + 1) {
        let w: &[u8; STEP + 1] = w.try_into().unwrap_or(&NEVER);
        if !clean::<PLAIN>(w) {
            return i + first::<PLAIN>(w);
        }
        i += STEP;
    }
    let n = b.len();
    if i >= n {
        return n;
    }
    // The tail, padded with a byte that never stops.
    let mut tail = [b'a'; STEP + 1];
    tail[..n - i].copy_from_slice(&b[i..]);
    if clean::<PLAIN>(&tail) {
        n
    } else {
        (i + first::<PLAIN>(&tail)).min(n)
    }
}

/// The index of the first stop in a window that has one.
#[cold]
fn first<const PLAIN: bool>(w: &[u8; STEP + 1]) -> usize {
    (0..STEP)
        .find(|&j| is_stop::<PLAIN>(w[j], w[j + 1]))
        .unwrap_or(STEP)
}

#[cfg(test)]
mod tests {
    use super::next_stop;

    #[test]
    fn stops_are_found_in_windows_and_tails() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789";
        assert_eq!(next_stop::<false>(text, 0), text.len());
        let mut t = *text;
        t[20] = b' ';
        assert_eq!(next_stop::<false>(&t, 0), text.len());
        t[21] = b' ';
        assert_eq!(next_stop::<false>(&t, 0), 20);
        t[5] = b'\n';
        assert_eq!(next_stop::<false>(&t, 0), 5);
        assert_eq!(next_stop::<false>(&t, 6), 20);
        let mut t = *text;
        t[34] = b'&';
        assert_eq!(next_stop::<false>(&t, 0), text.len());
        assert_eq!(next_stop::<true>(&t, 0), 34);
        assert_eq!(next_stop::<false>(b"a \xe2\x80\x99", 0), 2);
        assert_eq!(next_stop::<true>(b"", 0), 0);
    }
}
