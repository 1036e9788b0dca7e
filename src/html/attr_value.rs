//! An attribute value as html5ever's tokenizer gives it, from its bytes in
//! the input: character references decoded by the attribute rules,
//! carriage returns made line feeds, NUL made U+FFFD.
//!
//! The fast lane reads tags with attributes itself, and keeps the values
//! the conversion needs (`href`, `alt`, `class`...). Most have nothing to
//! decode and are borrowed; the rest go through [`decode`], which follows
//! the tokenizer's character reference state machine step by step
//! (`html5ever/src/tokenizer/char_ref`), with its named reference table,
//! and is tested against the tokenizer itself.

use std::borrow::Cow;

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// The value whose raw text (between its quotes, or unquoted) is `raw`,
/// which the tokenizer ended at `delimiter` (the closing quote, or for an
/// unquoted value the whitespace or `>` after it): a character reference
/// at the very end of the value sees it as the next character.
pub(crate) fn decode(raw: &str, delimiter: char) -> Cow<'_, str> {
    let b = raw.as_bytes();
    let Some(first) = b.iter().position(|&c| matches!(c, b'&' | b'\r' | 0)) else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut i = first;
    while i < b.len() {
        let next = b[i..]
            .iter()
            .position(|&c| matches!(c, b'&' | b'\r' | 0))
            .map_or(b.len(), |p| i + p);
        out.push_str(&raw[i..next]);
        i = next;
        match b.get(i) {
            None => break,
            Some(b'\r') => {
                out.push('\n');
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            Some(0) => {
                out.push('\u{fffd}');
                i += 1;
            }
            Some(_) => i = reference(raw, i, delimiter, &mut out),
        }
    }
    Cow::Owned(out)
}

/// The character reference at `raw[amp]` (an `&`): writes what it stands
/// for, or the `&` alone when it is none, and returns where reading goes
/// on.
fn reference(raw: &str, amp: usize, delimiter: char, out: &mut String) -> usize {
    let rest = &raw[amp + 1..];
    match rest.chars().next() {
        Some('#') => numeric(rest, out).map_or_else(
            || {
                out.push('&');
                amp + 1
            },
            |len| amp + 1 + len,
        ),
        Some(c) if c.is_ascii_alphanumeric() => {
            let len = named(rest, delimiter, out);
            if len == 0 {
                out.push('&');
            }
            amp + 1 + len
        }
        _ => {
            out.push('&');
            amp + 1
        }
    }
}

/// `#...` after the `&`: writes the character and returns the length
/// read (digits and an optional `;`), or `None` without digits.
fn numeric(rest: &str, out: &mut String) -> Option<usize> {
    let b = rest.as_bytes();
    let (base, mut i) = match b.get(1) {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let start = i;
    let (mut n, mut too_big) = (0u32, false);
    while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(base)) {
        n = n.wrapping_mul(base);
        too_big |= n > 0x10FFFF;
        n = n.wrapping_add(d);
        i += 1;
    }
    if i == start {
        return None;
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match n {
        _ if too_big || n > 0x10FFFF => '\u{fffd}',
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(n - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(n).unwrap_or('\u{fffd}')),
        _ => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    out.push(c);
    Some(i)
}

/// A named reference after the `&`: writes its characters and returns
/// the length of the name read, or 0 when it is to stay as written. The
/// longest name in the table that the text starts with wins; in an
/// attribute, one without `;` followed by `=` or a letter or digit stays
/// as written (`href="?a=1&copy=2"`).
fn named(rest: &str, delimiter: char, out: &mut String) -> usize {
    let mut matched: Option<(usize, (u32, u32))> = None;
    // The tokenizer takes one character at a time while the name so far
    // is in the table (which holds every prefix of every name); after the
    // value comes its delimiter, never part of a name.
    for (at, c) in rest.char_indices() {
        let name = &rest[..at + c.len_utf8()];
        match NAMED_ENTITIES.get(name) {
            Some(&value) if value.0 != 0 => matched = Some((name.len(), value)),
            Some(_) => {}
            None => break,
        }
    }
    let next_after = |len: usize| rest[len..].chars().next().unwrap_or(delimiter);
    let Some((len, (c1, c2))) = matched else {
        return 0;
    };
    let last = rest[..len].chars().next_back();
    let after = next_after(len);
    if last != Some(';') && (after == '=' || after.is_ascii_alphanumeric()) {
        return 0;
    }
    for c in [c1, c2] {
        if c != 0
            && let Some(c) = char::from_u32(c)
        {
            out.push(c);
        }
    }
    len
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn values_decode_as_the_tokenizer_decodes_them() {
        for (raw, want) in [
            ("plain", "plain"),
            ("a&amp;b", "a&b"),
            ("?a=1&copy=2", "?a=1&copy=2"),
            ("&copy;2", "©2"),
            ("&copy 2", "© 2"),
            ("&ampx", "&ampx"),
            ("&#x41;&#66&#0;&#150;", "AB\u{fffd}–"),
            ("&#;&#x;", "&#;&#x;"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("a\0b", "a\u{fffd}b"),
            ("&notit;", "&notit;"),
            ("&not;it", "¬it"),
            ("&bogus;", "&bogus;"),
            ("&", "&"),
        ] {
            assert_eq!(decode(raw, '"'), want, "{raw:?}");
        }
        assert!(matches!(
            decode("plain", '"'),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
