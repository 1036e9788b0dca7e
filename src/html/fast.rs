//! The fast path: input that is already plain text comes back as it is,
//! without running the tokenizer.

/// What a byte means to [`is_plain`].
const OK: u8 = 0;
/// Ends the fast path: markup, entities, carriage return, NUL, controls,
/// whitespace other than a single space.
const STOP: u8 = 1;
const SPACE: u8 = 2;
/// First bytes of the characters that are dropped or may be collapsed:
/// U+00A0, U+00AD (0xC2), U+200B (0xE2), and a byte order mark (0xEF).
const C2: u8 = 3;
const E2: u8 = 4;
const EF: u8 = 5;

static CLASS: [u8; 256] = {
    let mut t = [OK; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = STOP;
        i += 1;
    }
    t[b' ' as usize] = SPACE;
    t[b'<' as usize] = STOP;
    t[b'&' as usize] = STOP;
    t[0xC2] = C2;
    t[0xE2] = E2;
    t[0xEF] = EF;
    t
};

/// Whether `s` converts to itself: no markup, no character reference, no
/// carriage return, NUL or other control, no whitespace to collapse or
/// trim, nothing to drop.
pub(crate) fn is_plain(s: &str, keep_nbsp: bool) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        match CLASS[usize::from(b[i])] {
            OK => {}
            // Not the last byte (checked above), so `i + 1` is in bounds.
            SPACE => {
                if b[i + 1] == b' ' {
                    return false;
                }
            }
            C2 => {
                if b[i + 1] == 0xAD || (b[i + 1] == 0xA0 && !keep_nbsp) {
                    return false;
                }
            }
            E2 => {
                if b[i + 1] == 0x80 && b[i + 2] == 0x8B {
                    return false;
                }
            }
            EF => {
                // U+FEFF at the start: the tokenizer drops it.
                if i == 0 && b[1] == 0xBB && b[2] == 0xBF {
                    return false;
                }
            }
            _ => return false,
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_plain;

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
}
