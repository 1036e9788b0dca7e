//! Byte-level scanning for the reader: whitespace, the next special byte of
//! a string eight bytes at a time, escapes, literals and numbers.

/// Bit 7 of a byte of the result is set where that byte of `word` is `"`,
/// `\` or a control character (below 0x20).
///
/// Every such byte is marked and the lowest mark is always exact; marks
/// above it can be false alarms (a borrow runs on from a match), so callers
/// either act on the lowest one only or check the byte at each mark.
#[inline]
fn specials(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    ((quote.wrapping_sub(ONES) & !quote)
        | (backslash.wrapping_sub(ONES) & !backslash)
        | (word.wrapping_sub(ONES * 0x20) & !word))
        & HIGH
}

/// Whether `b` ends a run of plain string bytes.
#[inline]
fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// [`specials`] of the eight bytes at `i`, or `None` when fewer are left.
#[inline]
pub(super) fn specials_at(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i + 8)?;
    let mut word = [0; 8];
    word.copy_from_slice(chunk);
    Some(specials(u64::from_le_bytes(word)))
}

/// Bytes a step of [`plain_window`] checks.
pub(super) const WINDOW: usize = 16;

/// Whether the [`WINDOW`] bytes at `i` can be skipped in one step, without
/// a branch per escape: they hold no closing quote, no control character,
/// and only the one-letter escapes of text (`\"`, `\/`, `\n`, `\r`, `\t`;
/// WordPress strings have one every ten bytes or so), each a backslash that
/// no backslash escapes. A backslash just before the window must escape its
/// first byte (the caller checks that). `false` also when fewer bytes are
/// left: one special at a time then.
///
/// The flags are computed byte by byte into an array, a shape the compiler
/// turns into SIMD compares (as in `html/text_scan.rs`); the same test on a
/// `u64` at a time ran out of registers and reloaded its constants.
#[inline]
pub(super) fn plain_window(bytes: &[u8], i: usize) -> bool {
    // The byte before the window, then the window.
    let Some(w) = i.checked_sub(1).and_then(|b| bytes.get(b..i + WINDOW)) else {
        return false;
    };
    let w: &[u8; WINDOW + 1] = w.try_into().unwrap_or(&[0; WINDOW + 1]);
    let (before, _) = w.split_at(WINDOW);
    let (_, window) = w.split_at(1);
    let before: &[u8; WINDOW] = before.try_into().unwrap_or(&[0; WINDOW]);
    let window: &[u8; WINDOW] = window.try_into().unwrap_or(&[0; WINDOW]);
    let mut stops = [0u8; WINDOW];
    for j in 0..WINDOW {
        let b = window[j];
        let escaped = before[j] == b'\\';
        let quote = b == b'"';
        // The one-letter escapes text has (not `\\`, nor `\b` and `\f`,
        // which go the slow way): one compare each per window.
        let letter = quote | (b == b'/') | (b == b'n') | (b == b'r') | (b == b't');
        // A backslash is no letter: one that a backslash escapes is a
        // stop, so every backslash in a window without stops escapes the
        // byte after it.
        stops[j] = u8::from((b < 0x20) | (quote & !escaped) | (escaped & !letter));
    }
    // An OR of the flags compiles to one `pmovmskb` test.
    stops.iter().fold(0, |a, &f| a | f) == 0
}

/// The index of the first `"`, `\` or control byte at or after `i`, or
/// `bytes.len()`.
///
/// WordPress strings are dense with escapes (`<\/p>`, `\"`), so runs are
/// short: a word at a time, with no set-up to amortise.
#[inline]
pub(crate) fn to_special(bytes: &[u8], mut i: usize) -> usize {
    while let Some(found) = specials_at(bytes, i) {
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if is_special(b) {
            return i;
        }
        i += 1;
    }
    i
}

/// Whether `b` is JSON whitespace.
#[inline]
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

/// The index of the first byte at or after `i` that is not JSON whitespace.
///
/// Most calls find none, and return at the first compare. Pretty-printed
/// responses (a third of their bytes are whitespace) indent each line with
/// a run of spaces: those are passed eight at a time.
#[inline]
pub(super) fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    match bytes.get(i) {
        Some(&b) if is_ws(b) => i += 1,
        _ => return i,
    }
    skip_ws_run(bytes, i)
}

/// [`skip_ws`] after its first byte of whitespace: runs of spaces eight
/// bytes at a time, other whitespace a byte at a time.
#[inline(never)]
fn skip_ws_run(bytes: &[u8], mut i: usize) -> usize {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    loop {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            let other = u64::from_le_bytes(word) ^ SPACES;
            if other != 0 {
                i += (other.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        // A new line's indent goes eight at a time again.
        loop {
            match bytes.get(i) {
                Some(b'\n') => {
                    i += 1;
                    break;
                }
                Some(&b) if is_ws(b) => i += 1,
                _ => return i,
            }
        }
    }
}

/// The value of a hex digit.
#[inline]
pub(super) fn hex(b: u8) -> Option<u16> {
    match b {
        b'0'..=b'9' => Some(u16::from(b - b'0')),
        b'a'..=b'f' => Some(u16::from(b - b'a' + 10)),
        b'A'..=b'F' => Some(u16::from(b - b'A' + 10)),
        _ => None,
    }
}

/// What each byte stands for after a backslash as a one-letter escape
/// (`\n`), or 0 when it is none.
///
/// A table, not a `match`: the escapes of a WordPress string alternate
/// (`\"`, `\/`, `\n`), and the jump table a `match` compiles to guessed
/// wrong at each change, which cost skipping a string a third of its time.
const UNESCAPED: [u8; 256] = {
    let mut table = [0; 256];
    let pairs = [
        (b'"', b'"'),
        (b'\\', b'\\'),
        (b'/', b'/'),
        (b'b', 8),
        (b'f', 12),
        (b'n', b'\n'),
        (b'r', b'\r'),
        (b't', b'\t'),
    ];
    let mut i = 0;
    while i < pairs.len() {
        table[pairs[i].0 as usize] = pairs[i].1;
        i += 1;
    }
    table
};

/// Whether `b` makes a one-letter escape (`\n`) after a backslash.
#[inline]
pub(super) fn is_simple_escape(b: u8) -> bool {
    UNESCAPED[usize::from(b)] != 0
}

/// The character a one-letter escape (`\n`) stands for.
#[inline]
pub(super) fn simple_escape(b: u8) -> Option<char> {
    match UNESCAPED[usize::from(b)] {
        0 => None,
        c => Some(char::from(c)),
    }
}

/// A JSON number, as serde_json gives it to a visitor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// Why a number or literal did not scan: a bad byte at an index, or the
/// end of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bad {
    At(usize),
    End,
    /// A number too large for `f64`, at its first byte.
    OutOfRange(usize),
}

/// Checks the grammar of the number at `start` (a `-` or a digit): the index
/// after it. Its size is not checked: a raw value may hold `1e400`, as
/// serde_json's raw values may.
pub(super) fn number_end(text: &str, start: usize) -> Result<usize, Bad> {
    number_scan(text, start, false).map(|(_, end)| end)
}

/// Scans the number at `start` (a `-` or a digit): its value and the index
/// after it. Integers that do not fit 64 bits are read as `f64`, as
/// serde_json reads them.
pub(super) fn number(text: &str, start: usize) -> Result<(Number, usize), Bad> {
    number_scan(text, start, true)
}

fn number_scan(text: &str, start: usize, value_wanted: bool) -> Result<(Number, usize), Bad> {
    let bytes = text.as_bytes();
    let negative = bytes.get(start) == Some(&b'-');
    let mut i = start + usize::from(negative);
    let mut value: u64 = 0;
    let mut overflow = false;
    match bytes.get(i) {
        Some(b'0') => {
            i += 1;
            if bytes.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(Bad::At(i));
            }
        }
        Some(b'1'..=b'9') => {
            while let Some(&d @ b'0'..=b'9') = bytes.get(i) {
                match value
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u64::from(d - b'0')))
                {
                    Some(v) => value = v,
                    None => overflow = true,
                }
                i += 1;
            }
        }
        Some(_) => return Err(Bad::At(i)),
        None => return Err(Bad::End),
    }
    let mut float = overflow;
    if bytes.get(i) == Some(&b'.') {
        float = true;
        i = digits(bytes, i + 1)?;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        float = true;
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = digits(bytes, i)?;
    }
    let number = if !value_wanted {
        Number::U64(0)
    } else if float {
        let f: f64 = text[start..i].parse().map_err(|_| Bad::At(start))?;
        if !f.is_finite() {
            return Err(Bad::OutOfRange(start));
        }
        Number::F64(f)
    } else if !negative {
        Number::U64(value)
    } else if value == 0 {
        // serde_json reads `-0` as a float.
        Number::F64(-0.0)
    } else if value <= 1 << 63 {
        Number::I64(0i64.wrapping_sub_unsigned(value))
    } else {
        Number::F64(-(value as f64))
    };
    Ok((number, i))
}

/// Whether the number `text` is written as an integer (no fraction, no
/// exponent).
pub(super) fn is_integer(text: &str) -> bool {
    !text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
}

/// One or more digits from `i`: the index after them.
fn digits(bytes: &[u8], mut i: usize) -> Result<usize, Bad> {
    match bytes.get(i) {
        Some(b'0'..=b'9') => {}
        Some(_) => return Err(Bad::At(i)),
        None => return Err(Bad::End),
    }
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    Ok(i)
}

/// Checks that `word` (`true`, `false`, `null`) stands at `i`: the index
/// after it.
#[inline]
pub(super) fn literal(bytes: &[u8], i: usize, word: &[u8]) -> Result<usize, Bad> {
    for (k, &want) in word.iter().enumerate() {
        match bytes.get(i + k) {
            Some(&b) if b == want => {}
            Some(_) => return Err(Bad::At(i + k)),
            None => return Err(Bad::End),
        }
    }
    Ok(i + word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place of a two-word window, after runs of
    /// plain bytes of every length: the scan finds the first special byte,
    /// as a byte-at-a-time loop does.
    #[test]
    fn to_special_agrees_with_a_byte_loop() {
        for lead in 0..17 {
            for b in 0..=255u8 {
                for at in 0..17 {
                    let mut bytes = vec![b'a'; lead + 17];
                    // Bytes at or above 0x80 and a quote after the probe:
                    // false alarms above a match must not win.
                    bytes[lead..].fill(0xC3);
                    bytes[lead + at] = b;
                    if lead + at + 1 < bytes.len() {
                        bytes[lead + at + 1] = b'"';
                    }
                    let want = (0..bytes.len())
                        .find(|&i| is_special(bytes[i]))
                        .unwrap_or(bytes.len());
                    assert_eq!(to_special(&bytes, 0), want, "lead {lead} byte {b} at {at}");
                }
            }
        }
    }

    /// Whitespace of every kind at every place of runs up to three words
    /// long, with the input ending or a value following: the first byte
    /// that is not whitespace, as a byte-at-a-time loop finds it.
    #[test]
    fn skip_ws_agrees_with_a_byte_loop() {
        let kinds = [b' ', b'\n', b'\r', b'\t', b'"', b'{'];
        for len in 0..26 {
            for at in 0..len {
                for &odd in &kinds {
                    for &tail in &[None, Some(b'x'), Some(b' ')] {
                        let mut bytes = vec![b' '; len];
                        bytes[at] = odd;
                        bytes.extend(tail);
                        for from in 0..=bytes.len() {
                            let want = (from..bytes.len())
                                .find(|&i| !matches!(bytes[i], b' ' | b'\n' | b'\r' | b'\t'))
                                .unwrap_or(bytes.len());
                            assert_eq!(skip_ws(&bytes, from), want, "{bytes:?} from {from}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_as_serde_json_reads_them() {
        type Scanned = Result<(Number, usize), Bad>;
        let rows: &[(&str, Scanned)] = &[
            ("0", Ok((Number::U64(0), 1))),
            ("1192,", Ok((Number::U64(1192), 4))),
            ("-1", Ok((Number::I64(-1), 2))),
            ("-0", Ok((Number::F64(-0.0), 2))),
            ("-9223372036854775808", Ok((Number::I64(i64::MIN), 20))),
            ("18446744073709551615", Ok((Number::U64(u64::MAX), 20))),
            (
                "18446744073709551616",
                Ok((Number::F64(18446744073709551616.0), 20)),
            ),
            ("1.5e3}", Ok((Number::F64(1500.0), 5))),
            ("2E-1", Ok((Number::F64(0.2), 4))),
            ("01", Err(Bad::At(1))),
            ("-", Err(Bad::End)),
            ("-x", Err(Bad::At(1))),
            ("1.", Err(Bad::End)),
            ("1.e5", Err(Bad::At(2))),
            ("1e+", Err(Bad::End)),
            ("1e400", Err(Bad::OutOfRange(0))),
        ];
        for (text, want) in rows {
            assert_eq!(number(text, 0), *want, "{text}");
        }
    }

    #[test]
    fn literals_stop_at_the_first_wrong_byte() {
        assert_eq!(literal(b"true,", 0, b"true"), Ok(4));
        assert_eq!(literal(b"trux", 0, b"true"), Err(Bad::At(3)));
        assert_eq!(literal(b"nul", 0, b"null"), Err(Bad::End));
    }
}
