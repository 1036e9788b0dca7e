//! Escaping text for Markdown: complete (text never turns into markup by
//! accident) and minimal (nothing that needs no escape is escaped, so
//! ordinary prose has no `\.` or `\-` noise).
//!
//! A character is escaped only where CommonMark (with GFM tables,
//! strikethrough and autolinks) could read it as markup:
//!
//! - always: `\` and `` ` ``;
//! - `*` and `~` unless a space is on both sides (`2 * 3`);
//! - `_` unless a letter or digit is on both sides (`snake_case`);
//! - `]` before `(`, `[` or `:`, or at the end of a word; `[` and `]`
//!   always inside link text and in reference-link mode;
//! - `<` before a letter, `/`, `!` or `?`, or at the end of a word;
//! - `&` that starts something a character reference could be
//!   (`&copy;`, `&#38;`);
//! - `|` in table cells, and on a line that could be a table's delimiter
//!   row (nothing but `-`, `:`, `|` and spaces);
//! - in a heading, a word of `#`s after a space, which would close it;
//! - at the start of a line: `#` that would start a heading, `>`, `-`, `+`,
//!   `*` that would start a list item or a thematic break, `=` and `-`
//!   lines that would underline a heading, and the `.` or `)` of `1.` or
//!   `1)` that would start an ordered list.

/// Where a word is written.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    /// The word starts a line (nothing but indentation before it).
    pub(crate) line_start: bool,
    /// In link text: brackets are always escaped.
    pub(crate) in_link: bool,
    /// In a heading: a word of `#`s after a space could close it.
    pub(crate) in_heading: bool,
    /// No emphasis or link is open or closing around the word, so the
    /// spaces around it are really there.
    pub(crate) plain: bool,
    /// In a table cell: `|` is escaped.
    pub(crate) in_table: bool,
    /// Reference links are written: `[` is always escaped.
    pub(crate) references: bool,
    /// A space is before the word (or it starts a line).
    pub(crate) space_before: bool,
    /// A space is known to follow the word.
    pub(crate) space_after: bool,
    /// The character written right before the word, when it is not a
    /// space (`foo` then `_bar` is `foo_bar`, whose `_` needs no escape).
    pub(crate) before: Option<char>,
}

/// The bytes that can need an escape somewhere in a word: `\`, `` ` ``,
/// `*`, `~`, `_`, `[`, `]`, `<`, `&`, `|`. A table, as words are short and
/// most hold none: one load per byte.
static MAY_NEED_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let special = b"\\`*~_[]<&|";
    let mut k = 0;
    while k < special.len() {
        t[special[k] as usize] = true;
        k += 1;
    }
    t
};

/// Whether `c` is a byte that can need an escape somewhere in a word.
#[inline]
pub(crate) fn may_need_escape(c: u8) -> bool {
    MAY_NEED_ESCAPE[usize::from(c)]
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `_` between `prev` and `next` (the characters beside it in its
/// word; `None` at the word's edge) needs an escape: unless a letter or
/// digit is on both sides, it could open or close emphasis.
pub(crate) fn underscore_needs_escape(prev: Option<char>, next: Option<char>) -> bool {
    !(prev.is_some_and(is_word_char) && next.is_some_and(is_word_char))
}

/// Appends `word` (text without whitespace) to `out`, escaped for `ctx`.
pub(crate) fn escape_word(out: &mut String, word: &str, ctx: Context) {
    let b = word.as_bytes();
    // Most words need nothing: no byte that can ever need an escape.
    let plain = !b.iter().any(|&c| may_need_escape(c));
    if plain && !ctx.line_start && !ctx.in_heading {
        out.push_str(word);
        return;
    }
    // A heading's closing `#`s stand after a space (or are all it holds):
    // after anything else they are text.
    if ctx.in_heading
        && ctx.before.is_none_or(char::is_whitespace)
        && !word.is_empty()
        && word.bytes().all(|c| c == b'#')
    {
        out.push('\\');
        out.push_str(word);
        return;
    }
    let mut skip_escape_until = 0;
    if ctx.line_start {
        skip_escape_until = line_start_escape(out, word);
    }
    // The first word of every line: what starts a block is dealt with.
    if plain {
        out.push_str(&word[skip_escape_until..]);
        return;
    }
    // Each character with the ones beside it, without collecting them.
    let mut prev = ctx.before;
    let mut chars = word.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        if at < skip_escape_until {
            prev = Some(c);
            continue;
        }
        let escape = match c {
            '\\' | '`' => true,
            '*' | '~' => !(prev.is_none() && next.is_none() && ctx.space_before && ctx.space_after),
            // A lone `_` between spaces is neither left- nor
            // right-flanking: it can open or close nothing.
            '_' => {
                underscore_needs_escape(prev, next)
                    && !(prev.is_none() && next.is_none() && ctx.space_before && ctx.space_after)
            }
            '[' => ctx.in_link || ctx.references,
            // At the end of a word, only a space known to follow makes it
            // safe: the next text may begin with `(`.
            ']' => {
                ctx.in_link
                    || ctx.references
                    || matches!(next, Some('(' | '[' | ':'))
                    || (next.is_none() && !ctx.space_after)
            }
            '<' => {
                matches!(next, Some('/' | '!' | '?'))
                    || next.is_some_and(|n| n.is_ascii_alphabetic())
                    || (next.is_none() && !ctx.space_after)
            }
            '&' => {
                let rest = &word[at + 1..];
                looks_like_reference(rest) || (rest.is_empty() && !ctx.space_after)
            }
            '|' => ctx.in_table || may_make_delimiter_row(out, word),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
}

/// Whether a `|` in `word` could make the line it is written on a table's
/// delimiter row (`- | :-`, under a line with a `|`, makes a table): the
/// line so far, list marker and quote markers included, and the word hold
/// nothing but `-`, `:`, `|`, `>` and spaces. Such a line's `|`s are all
/// escaped, and a delimiter row needs one.
fn may_make_delimiter_row(out: &str, word: &str) -> bool {
    let line = &out[out.rfind('\n').map_or(0, |at| at + 1)..];
    let row_byte = |c: u8| matches!(c, b'-' | b':' | b'|' | b'>' | b' ' | b'\t');
    word.bytes().all(row_byte) && line.bytes().all(row_byte)
}

/// Whether the text after an `&` could make it a character reference: a
/// name or number, then `;` or the end of the word (where the next piece
/// of text may go on).
fn looks_like_reference(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && matches!(body.as_bytes().get(len), None | Some(b';'))
}

/// Escapes what would start a block at the start of a line, writing the
/// start of `word` to `out`; returns how many bytes of `word` it wrote.
fn line_start_escape(out: &mut String, word: &str) -> usize {
    let b = word.as_bytes();
    match b.first() {
        // `#` to `######` then a space or the end: a heading.
        Some(b'#') => {
            let n = b.iter().take_while(|&&c| c == b'#').count();
            if n <= 6 && n == b.len() {
                out.push('\\');
            }
            0
        }
        Some(b'>') => {
            out.push_str("\\>");
            1
        }
        // A list item (the word alone, a space after it), or a thematic
        // break or heading underline (a run of one of them; `_ _ _` is a
        // thematic break too).
        Some(&c @ (b'-' | b'+' | b'*' | b'=' | b'_')) => {
            let run = b.iter().all(|&x| x == c);
            if run || (b.len() == 1 && c != b'=') {
                out.push('\\');
                out.push(char::from(c));
                return 1;
            }
            0
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits <= 9 && digits + 1 == b.len() && matches!(b[digits], b'.' | b')') {
                out.push_str(&word[..digits]);
                out.push('\\');
                out.push(char::from(b[digits]));
                return b.len();
            }
            0
        }
        _ => 0,
    }
}

/// A link destination: as it is when it can be, else between `<` and `>`.
pub(crate) fn destination(out: &mut String, href: &str) {
    let (plain, backslash) = bare_destination(href);
    if plain && !backslash {
        out.push_str(href);
        return;
    }
    if plain {
        let mut rest = href;
        while let Some(at) = rest.find('\\') {
            out.push_str(&rest[..=at]);
            out.push('\\');
            rest = &rest[at + 1..];
        }
        out.push_str(rest);
        return;
    }
    out.push('<');
    for c in href.chars() {
        match c {
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out.push('>');
}

/// Whether `href` can be a destination as it is (not empty, no whitespace,
/// control, `<` or `>`, parentheses balanced), and whether it holds a
/// backslash. One pass over the bytes: a URL is most often ASCII, and only
/// one that is not has its characters decoded.
fn bare_destination(href: &str) -> (bool, bool) {
    if !href.is_empty() && !has_destination_byte(href.as_bytes()) {
        // Most URLs: printable ASCII with no parenthesis or backslash.
        return (true, false);
    }
    let mut depth = 0usize;
    let mut backslash = false;
    let mut ascii = true;
    for &c in href.as_bytes() {
        match c {
            b'(' => depth += 1,
            b')' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return (false, false),
            },
            b'\\' => backslash = true,
            0..=b' ' | 0x7F | b'<' | b'>' => return (false, false),
            0x80.. => ascii = false,
            _ => {}
        }
    }
    let plain = !href.is_empty()
        && depth == 0
        && (ascii
            || !href
                .chars()
                .any(|c| !c.is_ascii() && (c.is_whitespace() || c.is_control())));
    (plain, backslash)
}

/// Whether `b` holds a byte [`bare_destination`] looks at: a parenthesis,
/// a backslash, `<`, `>`, a control, a space or a non-ASCII byte. URLs are
/// long and most hold none: the whole 16-byte windows in one vector loop,
/// then the last 16 bytes as one more window over bytes already tested (a
/// shorter tail a byte at a time took a third of the time).
fn has_destination_byte(b: &[u8]) -> bool {
    let whole = b.len() - b.len() % 16;
    if whole == 0 {
        return any_destination_byte(b);
    }
    any_destination_byte(&b[..whole])
        || (whole < b.len() && any_destination_byte(&b[b.len() - 16..]))
}

/// [`has_destination_byte`] without windows: every byte is tested and the
/// results ORed, a loop the compiler turns into vector compares. Out of
/// line, so that it stays that loop: inlined where the length is known to
/// be 16, the same test became byte shuffles.
#[inline(never)]
fn any_destination_byte(b: &[u8]) -> bool {
    b.iter().fold(false, |any, &c| {
        any | (c <= b' ') | (c >= 0x7F) | (c | 1 == b')') | (c == b'\\') | (c | 2 == b'>')
    })
}

/// A link title, in double quotes.
pub(crate) fn title(out: &mut String, title: &str) {
    out.push_str(" \"");
    for c in title.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(word: &str, ctx: Context) -> String {
        let mut out = String::new();
        escape_word(&mut out, word, ctx);
        out
    }

    /// [`bare_destination`] against the definition, a character at a time.
    #[test]
    fn bare_destination_is_the_definition() {
        fn balanced(s: &str) -> bool {
            let mut depth = 0usize;
            for c in s.chars() {
                match c {
                    '(' => depth += 1,
                    ')' => match depth.checked_sub(1) {
                        Some(d) => depth = d,
                        None => return false,
                    },
                    _ => {}
                }
            }
            depth == 0
        }
        // The first piece is empty.
        let pieces: Vec<&str> =
            ",a,(,),\\, ,\t,\u{b},\u{7f},<,>,é,\u{a0},\u{85},\u{2003},\u{3000},\u{200b},%20,https://e.x/"
                .split(',')
                .collect();
        for &a in &pieces {
            for &b in &pieces {
                for &c in &pieces {
                    let href = format!("{a}{b}{c}");
                    let plain = !href.is_empty()
                        && !href
                            .chars()
                            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>'))
                        && balanced(&href);
                    let got = bare_destination(&href);
                    assert_eq!(got.0, plain, "{href:?}");
                    if plain {
                        assert_eq!(got.1, href.contains('\\'), "{href:?}");
                    }
                }
            }
        }
    }

    /// [`has_destination_byte`]'s windows against a byte at a time: every
    /// byte value at every place of URLs around one, two and three
    /// windows long.
    #[test]
    fn destination_bytes_are_found_at_every_place() {
        for len in (0..=20).chain(30..=34).chain(46..=50) {
            for value in 0..=255u8 {
                for at in 0..len {
                    let mut b = vec![b'a'; len];
                    b[at] = value;
                    let want = b.iter().any(|&c| {
                        c <= b' ' || c >= 0x7F || matches!(c, b'(' | b')' | b'\\' | b'<' | b'>')
                    });
                    assert_eq!(
                        has_destination_byte(&b),
                        want,
                        "len {len}, byte {value:#x} at {at}"
                    );
                }
            }
        }
    }

    /// A word of `#`s in a heading is escaped where it would close the
    /// heading: after a space or as all the heading holds, not right
    /// after other text (`## a#` is the heading `a#`).
    #[test]
    fn closing_hashes_are_escaped_after_a_space_only() {
        let heading = Context {
            in_heading: true,
            ..Context::default()
        };
        assert_eq!(esc("##", heading), "\\##");
        assert_eq!(esc("a#", heading), "a#");
        let after_text = Context {
            before: Some('a'),
            ..heading
        };
        assert_eq!(esc("#", after_text), "#");
        let after_space = Context {
            before: Some(' '),
            ..heading
        };
        assert_eq!(esc("#", after_space), "\\#");
    }

    #[test]
    fn prose_needs_no_escape() {
        let mid = Context::default();
        for word in [
            "Hello,",
            "world.",
            "(yes)",
            "e.g.",
            "-5",
            "#1",
            "1.",
            "C++",
            "a-b",
            "x!",
            "snake_case",
        ] {
            assert_eq!(esc(word, mid), word, "{word}");
        }
        // Between spaces, `_` and `*` open and close nothing; where no
        // space is known to follow, the next text may go on with them.
        let spaced = Context {
            space_before: true,
            space_after: true,
            ..Context::default()
        };
        for word in ["_", "*"] {
            assert_eq!(esc(word, spaced), word);
            assert_eq!(esc(word, mid), format!("\\{word}"));
        }
    }

    #[test]
    fn markup_is_escaped() {
        let mid = Context::default();
        let start = Context {
            line_start: true,
            space_before: true,
            ..Context::default()
        };
        for (word, ctx, want) in [
            ("*bold*", mid, "\\*bold\\*"),
            ("_x_", mid, "\\_x\\_"),
            ("a\\b", mid, "a\\\\b"),
            ("`code`", mid, "\\`code\\`"),
            ("[x](y)", mid, "[x\\](y)"),
            ("<b>", mid, "\\<b>"),
            ("&copy;", mid, "\\&copy;"),
            ("#", start, "\\#"),
            ("##", start, "\\##"),
            ("#hashtag", start, "#hashtag"),
            (">", start, "\\>"),
            ("-", start, "\\-"),
            ("---", start, "\\---"),
            ("===", start, "\\==="),
            ("1.", start, "1\\."),
            ("2024)", start, "2024\\)"),
            ("1.5", start, "1.5"),
            ("~~x~~", mid, "\\~\\~x\\~\\~"),
            ("_", start, "\\_"),
            ("___", start, "\\_\\_\\_"),
            ("_x", start, "\\_x"),
        ] {
            assert_eq!(esc(word, ctx), want, "{word}");
        }
        let in_table = Context {
            in_table: true,
            ..Context::default()
        };
        assert_eq!(esc("a|b", in_table), "a\\|b");
        assert_eq!(esc("a|b", mid), "a|b");
    }
}
