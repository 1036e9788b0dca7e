//! The fast path: input that is already plain text comes back as it is,
//! without running the tokenizer.

use super::text_scan;

/// Whether `s` converts to itself: no markup, no character reference, no
/// carriage return, NUL or other control, no whitespace to collapse or
/// trim, nothing to drop.
#[inline]
pub(crate) fn is_plain(s: &str, keep_nbsp: bool) -> bool {
    let b = s.as_bytes();
    // A leading byte order mark is dropped by the tokenizer; elsewhere
    // U+FEFF is text.
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || b.starts_with(b"\xEF\xBB\xBF") {
        return false;
    }
    // `at + 1` and `at + 2` are in bounds: the last byte is not a space, and
    // 0xC2 and 0xE2 start multi-byte characters.
    let end = text_scan::next_stop::<true>(b, 0, |at| match b[at] {
        0xC2 => b[at + 1] == 0xAD || (b[at + 1] == 0xA0 && !keep_nbsp),
        0xE2 => b[at + 1] == 0x80 && b[at + 2] == 0x8B,
        _ => true,
    });
    end == b.len()
}

#[cfg(test)]
mod tests {
    use super::is_plain;

    /// [`is_plain`], a character at a time.
    fn reference(s: &str, keep_nbsp: bool) -> bool {
        !(s.starts_with(' ')
            || s.ends_with(' ')
            || s.starts_with('\u{feff}')
            || s.contains("  ")
            || s.chars().any(|c| {
                c < ' '
                    || c == '<'
                    || c == '&'
                    || c == '\u{ad}'
                    || c == '\u{200b}'
                    || (c == '\u{a0}' && !keep_nbsp)
            }))
    }

    #[test]
    fn plain_text_is_recognised() {
        assert!(is_plain("", false));
        assert!(is_plain("Clearview AI fined €5.2m – what’s next", false));
        assert!(!is_plain("a  b", false));
        assert!(!is_plain(" a", false));
        assert!(!is_plain("a\nb", false));
        assert!(!is_plain("a&amp;b", false));
        assert!(!is_plain("a<b>", false));
        assert!(!is_plain("a\u{a0}b", false));
        assert!(is_plain("a\u{a0}b", true));
        assert!(!is_plain("a\u{ad}b", true));
        assert!(!is_plain("a\u{200b}b", false));
        assert!(!is_plain("\u{feff}a", false));
        assert!(is_plain("a\u{feff}", false));
    }

    #[test]
    fn every_piece_at_every_place_agrees_with_the_reference() {
        // Each piece, and each pair of pieces, at every place of strings
        // around one, two and three windows long: the padded short window,
        // the windows, the overlapping tail window and the last byte, with
        // and without `keep_nbsp`.
        const PIECES: [&str; 18] = [
            " ",
            "  ",
            "\n",
            "\t",
            "\u{1}",
            "<",
            "&",
            "\u{a0}",
            "\u{ad}",
            "\u{200b}",
            "’",
            "€",
            "\u{a9}",
            "\u{2028}",
            "\u{7f}",
            "é",
            "\u{feff}",
            "\u{20ac}\u{200b}",
        ];
        let mut checked = 0;
        for len in [0, 1, 2, 15, 16, 17, 18, 19, 20, 33, 34, 35, 36, 50] {
            for at in 0..=len {
                for p in PIECES {
                    for q in ["", "x", " ", "\u{a0}", "\u{200b}"] {
                        let s = format!("{}{p}{q}{}", "y".repeat(at), "z".repeat(len - at));
                        for keep_nbsp in [false, true] {
                            assert_eq!(
                                is_plain(&s, keep_nbsp),
                                reference(&s, keep_nbsp),
                                "{s:?} keep_nbsp {keep_nbsp}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
