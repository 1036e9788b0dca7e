//! The Markdown [`Layout`]: the same events as the text writer, written as
//! CommonMark with GFM tables and strikethrough.
//!
//! Blocks are laid out as the text writer lays them out (whitespace
//! collapsed, a boundary only remembered and written before the next
//! content), with each line's container prefixes (`> ` for quotes, the
//! indentation of list items) and list markers. Inline markup (emphasis,
//! strikethrough, links) is opened lazily, just before the first content
//! inside it, and closed lazily, just before the next content after it,
//! so that no delimiter stands next to a space it cannot stand next to,
//! and empty elements write nothing. A block boundary closes what is open
//! and it is opened again in the next block, as the tree builder does.
//!
//! Table cells, link text, code spans and `pre` are gathered first, since
//! what they need (a table's column count and whether every cell is one
//! line, a code span's fence) is known only at their end.

use std::ops::Range;

use html5ever::local_name;

use super::dest::Dest;
use super::layout::{Attrs, Layout, TagView};
use super::markdown_escape::{self, Context};
use super::sink::parse_int;
use super::tags::{BlockKind, Phrase, Role};
use super::writer::{CLASS, CTRL, LEAD_C2, LEAD_E2, WS};
use crate::Text;

/// An inline element whose delimiters are written around its content.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Span {
    Strong,
    Emphasis,
    Strike,
    /// A link, its number in the writer's links.
    Link(usize),
}

#[derive(Debug, Clone)]
struct OpenSpan {
    span: Span,
    /// Inside one of its kind already: writes nothing (`**` in `**` would
    /// end it).
    nested: bool,
    /// Its opening delimiter is written (in the current block).
    written: bool,
    /// Where in the frame's output its text starts (for a link, after the
    /// `[`: a link whose text is its URL is written `<URL>`).
    text_start: usize,
}

/// A line prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    /// A list item, its content indented this much.
    Item(usize),
}

#[derive(Debug)]
struct List {
    ordered: bool,
    next: i64,
    /// How many containers were open when it started.
    containers: usize,
}

/// A `<pre>` being gathered.
#[derive(Debug, Default)]
struct Pre {
    depth: u32,
    lang: Option<String>,
    text: String,
    skip_lf: bool,
}

impl Pre {
    /// A block inside the `pre` starts or ends: what follows is on a line
    /// of its own, as a browser shows it.
    fn break_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

/// Whether an element in `role` starts and ends a line where it stands,
/// inside a `pre` too.
fn breaks_lines(role: Role) -> bool {
    matches!(
        role,
        Role::Block(_)
            | Role::Line
            | Role::List(_)
            | Role::Item
            | Role::Table
            | Role::Row
            | Role::Pre
            | Role::RawPre
            | Role::Plaintext
    )
}

/// A table being gathered, cell by cell.
#[derive(Debug, Default)]
struct Table {
    /// The cells' Markdown, one after another (one buffer for the table,
    /// not a `String` for every cell).
    text: String,
    /// The cells so far, row by row: where each one's Markdown is in
    /// `text`, and whether it is more than one line (it has blocks or a
    /// line break).
    cells: Vec<(Range<usize>, bool)>,
    /// Where each row starts in `cells`.
    rows: Vec<usize>,
    /// Whether the current row has started.
    in_row: bool,
    /// Whether a cell is open (a frame is pushed for it).
    in_cell: bool,
}

/// What a block of output is written into: the document, or a table cell.
#[derive(Debug, Default)]
struct Frame {
    out: String,
    containers: Vec<Container>,
    lists: Vec<List>,
    /// A list item's marker, written before its first content.
    marker: Option<String>,
    /// Newlines due before the next content: 1 a line break (a hard break
    /// in a paragraph, or the next list item), 2 a paragraph break.
    breaks: u8,
    /// With `breaks == 1`: a hard break (`\` at the line's end).
    hard: bool,
    /// A collapsed space is due.
    space: bool,
    /// Anything written.
    started: bool,
    /// How many containers the last written line was in: a blank line
    /// carries the quote markers both of its neighbours have.
    line_containers: usize,
    /// Nothing but the prefix written on this line yet.
    line_start: bool,
    /// A line break has been written: only then can `out` hold a `\n`
    /// (a cell without one is a GFM table cell, found without searching
    /// its text).
    broke: bool,
    /// The heading level of the block being written (0 for none), and
    /// whether its `#`s are written.
    heading: u8,
    heading_written: bool,
    spans: Vec<OpenSpan>,
    /// Closing delimiters due before the next content.
    closes: String,
    /// The last character written (for where delimiters may stand).
    last: Option<char>,
    code: Option<(u32, String)>,
    pre: Option<Pre>,
    tables: Vec<Table>,
    /// A block that a table row cannot hold (a heading, list, quote,
    /// code block, rule) was written: the table it is a cell of is laid
    /// out cell by cell.
    blocky: bool,
}

impl Frame {
    /// Ends the containers from the `n`th on. A blank line after the last
    /// line written carries only the quote markers of containers still
    /// open from that line: a quote that starts after a list or another
    /// quote is not joined to it.
    fn end_containers(&mut self, n: usize) {
        self.containers.truncate(n);
        self.line_containers = self.line_containers.min(n);
    }

    /// Makes a kept frame what a new cell's frame is (the default, at a
    /// line's start), keeping what it has allocated. Every field is
    /// named, so that a new one cannot be missed.
    fn reset(&mut self) {
        let Frame {
            out,
            containers,
            lists,
            marker,
            breaks,
            hard,
            space,
            started,
            line_containers,
            line_start,
            broke,
            heading,
            heading_written,
            spans,
            closes,
            last,
            code,
            pre,
            tables,
            blocky,
        } = self;
        out.clear();
        containers.clear();
        lists.clear();
        *marker = None;
        *breaks = 0;
        *hard = false;
        *space = false;
        *started = false;
        *line_containers = 0;
        *line_start = true;
        *broke = false;
        *heading = 0;
        *heading_written = false;
        spans.clear();
        closes.clear();
        *last = None;
        *code = None;
        *pre = None;
        tables.clear();
        *blocky = false;
    }

    /// Whether [`MarkdownWriter::line`] has something to write before the
    /// next content: a line break, the first line, a marker or a heading's
    /// `#`s.
    #[inline]
    fn line_due(&self) -> bool {
        !self.started
            || self.breaks > 0
            || self.marker.is_some()
            || (self.heading > 0 && !self.heading_written)
    }

    /// Whether the next content may start a line, where what would start
    /// a block needs an escape.
    #[inline]
    fn line_may_start(&self) -> bool {
        self.line_start || !self.started || self.breaks > 0 || self.marker.is_some()
    }

    /// Writes the collapsed space due, if any, unless the line has only
    /// begun; returns whether a space or the line's start comes before
    /// what is written next.
    #[inline]
    fn write_space(&mut self) -> bool {
        let before = self.space || self.line_start;
        if self.space && !self.line_start {
            self.out.push(' ');
            self.last = Some(' ');
        }
        self.space = false;
        before
    }

    /// Writes the closing delimiters due (keeping their buffer for the
    /// next ones); returns the last one's character.
    fn write_closes(&mut self) -> Option<char> {
        let last = self.closes.chars().next_back();
        self.out.push_str(&self.closes);
        self.closes.clear();
        last
    }
}

/// The Markdown layout.
pub(crate) struct MarkdownWriter<'o, 'a> {
    dest: Dest<'o, 'a>,
    /// The frame written now: the document's, or the open cell's. Boxed,
    /// as are the others: every access is one pointer away, not an index
    /// checked against the stack, and a cell's start and end move
    /// pointers, not frames of a few hundred bytes.
    frame: Box<Frame>,
    /// The frames around it, the document's first: one more for each cell
    /// open around the current one.
    #[expect(clippy::vec_box, reason = "frames move in and out as pointers")]
    outer: Vec<Box<Frame>>,
    /// Ended cells' frames, kept for the next cells.
    #[expect(clippy::vec_box, reason = "frames move in and out as pointers")]
    spare: Vec<Box<Frame>>,
    links: Vec<(Text<'a>, Option<String>)>,
    /// Link `n` (in `links`) has reference number `refs[n]` (0: none yet).
    refs: Vec<usize>,
    /// Reference definitions, in order: `(links index)`.
    defs: Vec<usize>,
    references: bool,
    keep_nbsp: bool,
    skip_lf: bool,
    /// The end of the last text, a word that the next text may go on.
    held: String,
    /// Tests turn [`plain_words`](Self::plain_words) off, to compare it
    /// with the word-by-word path it stands in for.
    #[cfg(test)]
    pub(crate) word_by_word: bool,
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

impl<'o, 'a> MarkdownWriter<'o, 'a> {
    /// A writer to `dest` of the Markdown of an input of `input_len`
    /// bytes.
    pub(crate) fn new(
        dest: Dest<'o, 'a>,
        input_len: usize,
        references: bool,
        keep_nbsp: bool,
    ) -> Self {
        // A new `Text` is built in the document's frame and moved out
        // whole: room for about the input (Markdown is rarely longer), as
        // growing by doubling copies it again and again. Output for the
        // caller's string or writer goes out in pieces of about 32 KiB.
        let capacity = if dest.can_borrow() {
            input_len
        } else {
            input_len.min(48 * 1024)
        };
        MarkdownWriter {
            dest,
            frame: Box::new(Frame {
                line_start: true,
                out: String::with_capacity(capacity),
                ..Frame::default()
            }),
            outer: Vec::new(),
            spare: Vec::new(),
            links: Vec::new(),
            refs: Vec::new(),
            defs: Vec::new(),
            references,
            keep_nbsp,
            skip_lf: false,
            held: String::new(),
            #[cfg(test)]
            word_by_word: false,
        }
    }

    #[inline]
    fn frame(&mut self) -> &mut Frame {
        &mut self.frame
    }

    fn in_table(&self) -> bool {
        !self.outer.is_empty()
    }

    /// Sends what the document's frame holds to the destination: moved
    /// when it is all of a new `Text`, else copied.
    fn flush(&mut self) {
        // Only at the end, in the document's frame.
        let out = std::mem::take(&mut self.frame.out);
        if out.is_empty() {
            return;
        }
        match self.dest {
            Dest::Borrowed { start, end, .. } if start == end => self.dest = Dest::Owned(out),
            _ => self.dest.push(&out, None),
        }
    }

    // ---- blocks ----

    /// A boundary: `n` newlines (1 a line, 2 a paragraph) are due; open
    /// inline markup is closed (and opened again after it).
    #[inline]
    fn block(&mut self, n: u8) {
        let f = self.frame();
        if f.code.is_none() && f.spans.is_empty() && f.closes.is_empty() && f.heading == 0 {
            // Most boundaries: nothing open to close.
            if n > f.breaks || (n == f.breaks && f.hard) {
                f.breaks = n;
                f.hard = false;
            }
            f.space = false;
            return;
        }
        self.block_closing(n);
    }

    /// [`block`](Self::block) with a code span, a heading or delimiters
    /// open.
    fn block_closing(&mut self, n: u8) {
        // A code span cannot cross a block: what it holds so far is one,
        // and it goes on after.
        if let Some((depth, _)) = self.frame().code {
            if let Some(code) = &mut self.frame().code {
                code.0 = 1;
            }
            self.code_end();
            self.frame().code = Some((depth, String::new()));
        }
        self.close_spans();
        let f = self.frame();
        if f.heading > 0 {
            if !f.heading_written {
                f.space = true;
                return;
            }
            // A block inside a heading ends its one line; what follows is
            // a paragraph.
            f.heading = 0;
            f.heading_written = false;
            f.breaks = 2;
            f.hard = false;
            f.space = false;
            return;
        }
        if n > f.breaks || (n == f.breaks && f.hard) {
            f.breaks = n;
            f.hard = false;
        }
        f.space = false;
    }

    /// `<br>`: a hard line break (a space in a heading, `<br>` in a cell).
    fn hard_break(&mut self) {
        if self.in_table() && self.frame().tables.is_empty() {
            self.inline_piece("<br>", '<', '>');
            return;
        }
        let f = self.frame();
        if f.heading > 0 {
            f.space = true;
        } else if f.started && f.breaks == 0 {
            f.breaks = 1;
            f.hard = true;
            f.space = false;
        }
    }

    /// The prefix of a line inside the containers; `blank` for an empty
    /// line (quote markers only).
    fn prefix(&mut self, blank: bool) {
        let f = self.frame();
        if f.containers.is_empty() {
            // Most lines are in no quote or list: nothing to write but a
            // marker still due.
            if !blank {
                f.line_containers = 0;
                if let Some(m) = f.marker.take() {
                    f.out.push_str(&m);
                }
            }
            return;
        }
        let marker = if blank { None } else { f.marker.take() };
        let shown = if blank {
            f.line_containers.min(f.containers.len())
        } else {
            f.line_containers = f.containers.len();
            f.containers.len()
        };
        let last_item = f
            .containers
            .iter()
            .rposition(|c| matches!(c, Container::Item(_)));
        // Written in place: a line's prefix is most often nothing.
        let start = f.out.len();
        for (k, c) in f.containers.iter().enumerate().take(shown) {
            match *c {
                Container::Quote => f.out.push_str(if blank { ">" } else { "> " }),
                Container::Item(indent) if !blank => match &marker {
                    // The item's first line: its marker instead.
                    Some(m) if Some(k) == last_item => f.out.push_str(m),
                    _ => f.out.extend(std::iter::repeat_n(' ', indent)),
                },
                Container::Item(_) => {}
            }
        }
        if blank {
            let trimmed = f.out[start..].trim_end().len();
            f.out.truncate(start + trimmed);
        } else if let Some(m) = &marker
            && last_item.is_none()
        {
            f.out.push_str(m);
        }
    }

    /// Writes what is due before content on this line: newlines, prefixes,
    /// a list marker, a heading's `#`s.
    #[inline]
    fn line(&mut self) {
        let f = self.frame();
        if f.containers.is_empty() && f.marker.is_none() && (f.heading == 0 || f.heading_written) {
            // Most lines: in no quote or list, with no marker or heading
            // due, so no prefix (what `prefix` would write and set).
            if !f.started || f.breaks > 0 {
                if f.started {
                    if f.hard {
                        f.out.push('\\');
                    }
                    f.broke = true;
                    f.out.push('\n');
                    if f.breaks > 1 {
                        f.out.push('\n');
                    }
                }
                f.line_containers = 0;
                f.line_start = true;
                f.last = None;
                f.space = false;
            }
            f.breaks = 0;
            f.hard = false;
            f.started = true;
            return;
        }
        self.line_with_prefix();
    }

    /// [`line`](Self::line) in a quote or list, or with a marker or a
    /// heading's `#`s due.
    fn line_with_prefix(&mut self) {
        let f = self.frame();
        if f.started && f.breaks > 0 {
            if f.hard {
                f.out.push('\\');
            }
            f.broke = true;
            f.out.push('\n');
            if f.breaks > 1 {
                self.prefix(true);
                self.frame().out.push('\n');
            }
            self.prefix(false);
            let f = self.frame();
            f.line_start = true;
            f.last = None;
            f.space = false;
        } else if !f.started {
            self.prefix(false);
            let f = self.frame();
            f.line_start = true;
            f.last = None;
            f.space = false;
        }
        let f = self.frame();
        f.breaks = 0;
        f.hard = false;
        if f.marker.is_some() {
            // A marker due on a line already begun (an item in an item).
            let m = f.marker.take().unwrap_or_default();
            f.out.push_str(&m);
            f.line_start = true;
        }
        if f.heading > 0 && !f.heading_written {
            f.heading_written = true;
            for _ in 0..f.heading {
                f.out.push('#');
            }
            f.out.push(' ');
            // Nothing starts a block inside a heading.
            f.line_start = false;
        }
        f.started = true;
    }

    // ---- inline ----

    /// Everything due before a piece of inline content whose first
    /// character is `first`; returns the escaping context of its first
    /// word.
    fn before_inline(&mut self, first: char) -> Context {
        let (opened, space_before) = self.write_due(first);
        let references = self.references;
        let in_table = self.in_table();
        let f = self.frame();
        let in_link = f.spans.iter().any(|s| matches!(s.span, Span::Link(_)));
        // A delimiter just written or still to come stands where a space
        // may seem to be.
        let plain = !opened && f.spans.is_empty() && f.closes.is_empty();
        let ctx = Context {
            line_start: f.line_start && !opened,
            in_heading: f.heading > 0,
            in_link,
            plain,
            in_table,
            references,
            space_before: space_before && plain,
            space_after: false,
            before: if space_before && !opened {
                None
            } else {
                f.last
            },
        };
        f.line_start = false;
        ctx
    }

    /// What [`before_inline`](Self::before_inline) writes, without the
    /// context (text that needs no escape needs none): returns whether a
    /// span's opening delimiter was written, and whether a space (or a
    /// line's start) comes before the content. The line's start is left
    /// for the caller to end. Always inlined (two callers): its fast path
    /// is a few tests, and `first`, worked out by the caller, is needed
    /// only past them.
    #[inline(always)]
    fn write_due(&mut self, first: char) -> (bool, bool) {
        let f = self.frame();
        if !f.closes.is_empty() || !f.spans.is_empty() {
            return self.write_due_delimiters(first);
        }
        // Most content: no delimiter to close or open, at most a line and
        // a space due.
        if f.line_due() {
            self.line();
        }
        let f = self.frame();
        (false, f.write_space())
    }

    /// [`write_due`](Self::write_due) with delimiters to close or open.
    fn write_due_delimiters(&mut self, first: char) -> (bool, bool) {
        // Closing delimiters due end the line they belong to.
        let f = self.frame();
        if !f.closes.is_empty() && (f.breaks > 0 || f.marker.is_some()) {
            f.last = f.write_closes();
        }
        if self.frame().line_due() {
            self.line();
        }
        let f = self.frame();
        let opening = f
            .spans
            .iter()
            .any(|s| !s.written && !s.nested && !delimiter_of(&s.span).is_empty());
        if !f.closes.is_empty() {
            let closes_last = f.write_closes();
            // A closing delimiter after punctuation needs no letter or
            // digit right after it, and a closing run must not touch an
            // opening one: an empty comment stands between.
            if !f.space
                && (opening
                    || (f.last.is_some_and(is_punct) && !first.is_whitespace() && !is_punct(first)))
            {
                f.out.push_str("<!-- -->");
                f.last = Some('>');
            } else {
                f.last = closes_last.or(f.last);
            }
            f.line_start = false;
        }
        let space_before = f.write_space();
        let mut opened = false;
        for k in 0..f.spans.len() {
            if f.spans[k].written {
                continue;
            }
            let delimiter = match f.spans[k].span {
                Span::Strong => "**",
                Span::Emphasis => "*",
                Span::Strike => "~~",
                Span::Link(_) => "[",
            };
            // What follows it: the text, or the next delimiter opened here.
            let before_punct = is_punct(first) || f.spans[k + 1..].iter().any(|s| !s.written);
            if delimiter != "["
                && before_punct
                && f.last.is_some_and(|c| !c.is_whitespace() && !is_punct(c))
            {
                // An opening delimiter before punctuation needs space or
                // punctuation before it.
                f.out.push_str("<!-- -->");
            }
            f.out.push_str(delimiter);
            f.last = delimiter.chars().next_back();
            f.spans[k].written = true;
            f.spans[k].text_start = f.out.len();
            opened = true;
        }
        (opened, space_before)
    }

    /// A piece of inline Markdown, written as it is.
    fn inline_piece(&mut self, md: &str, first: char, last: char) {
        if md.is_empty() {
            return;
        }
        if let Some((_, code)) = &mut self.frame().code {
            code.push_str(md);
            return;
        }
        self.before_inline(first);
        let f = self.frame();
        f.out.push_str(md);
        f.last = Some(last);
    }

    /// Text (not in `pre`): whitespace collapsed, each word escaped. A
    /// word at the end of the text that needs an escape, or starts a line,
    /// is held until the next text or a tag that writes something, as the
    /// next text may go on with it (`1` then `. x` is `1. x`, which needs
    /// its escape).
    fn words(&mut self, s: &str) {
        let keep_nbsp = self.keep_nbsp;
        let mut held = std::mem::take(&mut self.held);
        let mut rest = s;
        loop {
            // Whitespace and dropped characters, read a byte at a time.
            let b = rest.as_bytes();
            let (mut gap, mut spaced) = (0, false);
            while let (Some(space), len) = kind_at(b, gap, keep_nbsp) {
                spaced |= space;
                gap += len;
            }
            let trimmed = &rest[gap..];
            if !held.is_empty() && (spaced || trimmed.is_empty() && gap > 0) {
                // What was held ends here.
                self.word(&held, spaced);
                held.clear();
            }
            if spaced {
                self.space();
            }
            rest = trimmed;
            if rest.is_empty() {
                break;
            }
            if held.is_empty() {
                // Most often the whole text, in one scan.
                let written = self.prose(rest, true);
                if written > 0 {
                    rest = &rest[written..];
                    continue;
                }
            }
            let end = word_end(rest.as_bytes(), 0, keep_nbsp);
            let word = &rest[..end];
            rest = &rest[end..];
            if !held.is_empty() {
                held.push_str(word);
                if rest.is_empty() {
                    break;
                }
                continue;
            }
            if rest.is_empty() {
                held.push_str(word);
                break;
            }
            if kind_at(rest.as_bytes(), 0, keep_nbsp).0 == Some(true) {
                self.word(word, true);
                // The words after it, in the same context.
                rest = &rest[self.prose(rest, false)..];
            } else {
                // A dropped character inside: the word goes on after it.
                held.push_str(word);
            }
        }
        self.held = held;
    }

    /// [`Layout::text`] for text that is not all whitespace (`lead` bytes
    /// of it first): out of line, as most text tokens are whitespace
    /// between tags, which need none of this function's registers.
    #[inline(never)]
    fn text_words(&mut self, s: &str, lead: usize) {
        if !self.plain_words(s, lead) {
            self.words(s);
        }
        if self.outer.is_empty()
            && self.frame.out.len() > 32 * 1024
            && self.frame.spans.is_empty()
            && !self.dest.can_borrow()
        {
            // Keep the held output small for the caller's string or
            // writer (a new `Text` takes the frame's output whole);
            // nothing before the open line changes any more.
            let f = &mut self.frame;
            if let Some(cut) = f.out.rfind('\n') {
                self.dest.push(&f.out[..cut], None);
                f.out.drain(..cut);
            }
        }
    }

    /// Writes text whose words need nothing but copying, a run of words at
    /// a time, and returns `true`; or returns `false`, having written
    /// nothing, for [`words`](Self::words) to write it word by word. `s`
    /// starts with `lead` bytes of whitespace and holds more than that.
    ///
    /// Such text is most text: no byte that may need an escape but `_`
    /// and `[` (an underscore inside the text is escaped here unless a
    /// letter or digit is on both sides or it stands alone between spaces,
    /// as word by word, since its neighbours are the ones `escape_word`
    /// would see; `[` outside links without reference links needs none)
    /// and no dropped character
    /// ([`prose`](Self::prose)'s scan finds none but those and whitespace,
    /// each run of which is one space, U+00A0 included), no `#` in a
    /// heading, and no word held from the text before. Nothing after it
    /// can make its last word need an escape, so none is held; at a line's
    /// start, it starts no block ([`starts_no_block`]), so the line's start
    /// changes nothing either. What is written is what `words` writes.
    fn plain_words(&mut self, s: &str, lead: usize) -> bool {
        #[cfg(test)]
        if self.word_by_word {
            return false;
        }
        let f = &self.frame;
        if !self.held.is_empty() || self.keep_nbsp || f.code.is_some() {
            return false;
        }
        let b = s.as_bytes();
        if f.heading > 0 && b.contains(&b'#') {
            // A word of `#`s could close the heading.
            return false;
        }
        let start = gap_end(b, lead);
        let mut end = b.len();
        while end > start {
            if CLASS[usize::from(b[end - 1])] == WS {
                end -= 1;
            } else if b[end - 1] == 0xA0 && b[end - 2] == 0xC2 {
                // 0xC2 is never a continuation byte: this is U+00A0.
                end -= 2;
            } else {
                break;
            }
        }
        if start == end {
            // Only whitespace (U+00A0 among it).
            self.space();
            return true;
        }
        let line_may_start = f.line_may_start();
        if line_may_start && !starts_no_block(&b[start..end]) {
            return false;
        }
        // No span is open: the spaces around a word are really there
        // (`escape_word`'s `plain`), so a lone `_` between spaces needs no
        // escape; and `[` needs one only in link text, or with reference
        // links.
        let no_span = f.spans.is_empty();
        let bracket_plain = !self.references && no_span;
        // Every stop of the scan a run of whitespace or an underscore to
        // escape (kept, up to a few: `(stop, end)` of a run, `(stop, stop)`
        // of an underscore), checked before anything is written; most
        // often there is none.
        let words = &b[..end];
        let mut edits = [(0, 0); 8];
        let mut edit_count = 0;
        let mut at = start;
        loop {
            let stop = super::text_scan::next_stop_or_escape(words, at, prose_stop(b));
            if stop == end {
                break;
            }
            if b[stop] == b'_' && stop > start && stop + 1 < end {
                // An underscore inside the text: copied inside a word
                // (`snake_case`) or alone between spaces, where it is
                // never emphasis; else escaped.
                let in_word = (b[stop - 1].is_ascii_alphanumeric()
                    && b[stop + 1].is_ascii_alphanumeric())
                    || !markdown_escape::underscore_needs_escape(
                        s[..stop].chars().next_back(),
                        s[stop + 1..].chars().next(),
                    );
                let lone = || {
                    no_span && space_ends_at(b, stop) && kind_at(b, stop + 1, false).0 == Some(true)
                };
                if !in_word && !lone() {
                    if edit_count == edits.len() {
                        return false;
                    }
                    edits[edit_count] = (stop, stop);
                    edit_count += 1;
                }
                at = stop + 1;
                continue;
            }
            if b[stop] == b'[' && bracket_plain {
                // A bracket that opens no link: copied.
                at = stop + 1;
                continue;
            }
            at = gap_end(b, stop);
            if at == stop || edit_count == edits.len() {
                return false;
            }
            edits[edit_count] = (stop, at);
            edit_count += 1;
        }
        if start > 0 {
            self.space();
        }
        self.write_due(s[start..].chars().next().unwrap_or(' '));
        let f = &mut self.frame;
        f.line_start = false;
        let mut at = start;
        for &(stop, next) in &edits[..edit_count] {
            if next == stop {
                f.out.push_str(&s[at..stop]);
                f.out.push('\\');
                at = stop;
                continue;
            }
            // A single space before the run is part of it.
            let cut = if b[stop - 1] == b' ' { stop - 1 } else { stop };
            f.out.push_str(&s[at..cut]);
            f.out.push(' ');
            at = next;
        }
        f.out.push_str(&s[at..end]);
        f.last = s[..end].chars().next_back();
        if end < b.len() {
            self.space();
        }
        true
    }

    /// Writes the words of `s` that follow, on the same line, a word just
    /// written (`s` starts with the space after it), or with `first` the
    /// words of `s` from its first (text that starts with a word, no word
    /// held, what is due before it written first); returns how much of `s`
    /// it wrote, ending where the words need more than their neighbours
    /// to be written: whitespace other than one space, a dropped
    /// character, or a last word that needs an escape (the next text may
    /// go on with it and change which), or a last word on a line just
    /// begun (`1` then `. x` is `1\. x`).
    ///
    /// Every word but the first is written in the context the first one
    /// left (no span opens or closes, no line starts between them): runs
    /// that need no escape are copied whole, from one scan over `s` for the
    /// bytes that end a run or may need an escape, and only the words that
    /// hold one of those are escaped. A last word with none of those bytes
    /// is written too: nothing after it can make it need an escape, and
    /// what comes next is escaped knowing the character before it.
    fn prose(&mut self, s: &str, first: bool) -> usize {
        let f = &self.frame;
        // Code gathers its text, a heading escapes a word of `#`s (text in
        // a heading without one is prose like any other), and with
        // `keep_nbsp` U+00A0 is not a space: word by word.
        if s.is_empty()
            || f.code.is_some()
            || (f.heading > 0 && s.as_bytes().contains(&b'#'))
            || self.keep_nbsp
        {
            return 0;
        }
        let line_may_start = f.line_may_start();
        let b = s.as_bytes();
        // `s[..done]` is written; `b[done]` is the space after a word.
        let mut done = 0;
        // The context of the words after the first written one, known
        // once something is written. A flag beside it, not an `Option`:
        // the `Option` was read as a whole right after the context's
        // fields were stored one by one, a store-forwarding stall.
        let mut ctx = Context::default();
        let mut ctx_known = false;
        loop {
            let from = if first && !ctx_known {
                0
            } else if b.get(done) == Some(&b' ') && b.get(done + 1).is_some_and(|&c| c != b' ') {
                done + 1
            } else {
                break;
            };
            let stop = super::text_scan::next_stop_or_escape(b, from, prose_stop(b));
            // The word the stop is in starts after the run's last space.
            let word_start = super::text_scan::after_last_space(b, from, stop);
            let escape = b
                .get(stop)
                .is_some_and(|&c| markdown_escape::may_need_escape(c));
            if stop == from && !escape {
                // No word after the space: the caller collapses what is.
                break;
            }
            let word_end = if escape {
                word_end(b, stop, false)
            } else {
                stop
            };
            let last_plain = !escape
                && word_end == b.len()
                && word_start < word_end
                && !(line_may_start && word_start == 0);
            let held = !last_plain
                && (word_start == word_end || kind_at(b, word_end, false).0 != Some(true));
            if held && word_start == from {
                // A space before other whitespace, which the caller
                // collapses; or a word the caller holds.
                break;
            }
            // Something is written: with the first word, what is due
            // before it, which gives the context of the rest.
            if !ctx_known {
                let (c, written) = if first {
                    self.first_word(s, word_start, word_end, escape)
                } else {
                    (self.prose_context(), 0)
                };
                done = written;
                ctx = c;
                ctx_known = true;
            }
            let f = &mut self.frame;
            if held {
                // The words before it are written.
                if done < word_start - 1 {
                    f.out.push_str(&s[done..word_start - 1]);
                    f.last = s[..word_start - 1].chars().next_back();
                }
                return word_start - 1;
            }
            if done > word_start {
                // The first word was the one escaped: `first_word` wrote it
                // whole, to `word_end`.
                continue;
            }
            if escape {
                f.out.push_str(&s[done..word_start]);
                markdown_escape::escape_word(&mut f.out, &s[word_start..word_end], ctx);
            } else {
                f.out.push_str(&s[done..word_end]);
            }
            f.last = s[..word_end].chars().next_back();
            done = word_end;
        }
        done
    }

    /// The context of prose words after a written one.
    fn prose_context(&self) -> Context {
        let f = &self.frame;
        let plain = f.spans.is_empty();
        Context {
            in_link: f.spans.iter().any(|s| matches!(s.span, Span::Link(_))),
            plain,
            in_table: self.in_table(),
            references: self.references,
            space_before: plain,
            space_after: plain,
            ..Context::default()
        }
    }

    /// Writes what is due before the first word of `s`, and the word when
    /// it needs more than copying (an escape, or a line's start); returns
    /// the context of the words after it, and how much of `s` is written.
    /// The first scan found the run's last word at `word_start..word_end`,
    /// with an `escape` byte.
    fn first_word(
        &mut self,
        s: &str,
        word_start: usize,
        word_end: usize,
        escape: bool,
    ) -> (Context, usize) {
        let b = s.as_bytes();
        let mut first = self.before_inline(s.chars().next().unwrap_or(' '));
        let written = if first.line_start || (word_start == 0 && escape) {
            // Where the first word ends is needed only here: most texts
            // start mid-line with a word that needs nothing.
            let end = if word_start == 0 {
                word_end
            } else {
                super::text_scan::first_space(b, 0, word_start)
            };
            let word = &s[..end];
            first.space_after = kind_at(b, end, false).0 == Some(true) && first.plain;
            let f = self.frame();
            markdown_escape::escape_word(&mut f.out, word, first);
            f.last = word.chars().next_back();
            end
        } else {
            0
        };
        (self.prose_context(), written)
    }

    /// Writes the word held from the last text, if any.
    fn flush_held(&mut self) {
        if !self.held.is_empty() {
            let held = std::mem::take(&mut self.held);
            self.word(&held, false);
            self.held = held;
            self.held.clear();
        }
    }

    fn space(&mut self) {
        if let Some((_, code)) = &mut self.frame().code {
            if !code.ends_with(' ') {
                code.push(' ');
            }
            return;
        }
        let f = self.frame();
        if f.started && f.breaks == 0 {
            f.space = true;
        }
    }

    fn word(&mut self, word: &str, space_after: bool) {
        if let Some((_, code)) = &mut self.frame().code {
            code.push_str(word);
            return;
        }
        let first = word.chars().next().unwrap_or(' ');
        let mut ctx = self.before_inline(first);
        ctx.space_after = space_after && ctx.plain;
        let f = self.frame();
        markdown_escape::escape_word(&mut f.out, word, ctx);
        f.last = word.chars().next_back();
    }

    /// Opens an inline span (its delimiter is written with its content).
    fn open_span(&mut self, span: Span) {
        let f = self.frame();
        if f.spans.iter().any(|s| s.span == span) && !matches!(span, Span::Link(_)) {
            // Already inside one: `**` in `**` would end it.
            f.spans.push(OpenSpan {
                span,
                nested: true,
                written: true,
                text_start: 0,
            });
            return;
        }
        // A closing delimiter of the same kind still due merges with it:
        // `**a****b**` would not read back. The due closes end with that
        // delimiter, not with a longer run of its character (the `*` of
        // an emphasis is not the end of a strong span's `**`).
        let delimiter = delimiter_of(&span);
        if !delimiter.is_empty()
            && !f.space
            && f.breaks == 0
            && f.closes.ends_with(delimiter)
            && !f.closes[..f.closes.len() - delimiter.len()].ends_with(&delimiter[..1])
            && f.spans.iter().all(|s| s.written)
        {
            let cut = f.closes.len() - delimiter.len();
            f.closes.truncate(cut);
            f.spans.push(OpenSpan {
                span,
                nested: false,
                written: true,
                text_start: f.out.len(),
            });
            return;
        }
        f.spans.push(OpenSpan {
            span,
            nested: false,
            written: false,
            text_start: 0,
        });
    }

    /// Closes the innermost open span of this kind.
    fn close_span(&mut self, span: &Span) {
        let Some(k) = self.frame().spans.iter().rposition(|s| s.span == *span) else {
            return;
        };
        if k + 1 == self.frame().spans.len() {
            // Most often the last one opened: nothing inside it to close
            // and open again.
            if let Some(s) = self.frame().spans.pop() {
                self.close_one(&s);
            }
            return;
        }
        // Spans opened inside it close first, and open again after.
        let inner: Vec<OpenSpan> = self.frame().spans.drain(k + 1..).collect();
        for s in inner.iter().rev() {
            self.close_one(s);
        }
        if let Some(s) = self.frame().spans.pop() {
            self.close_one(&s);
        }
        for mut s in inner {
            s.written = false;
            self.frame().spans.push(s);
        }
    }

    /// Writes (as due) the closing delimiter of `s`.
    fn close_one(&mut self, s: &OpenSpan) {
        if !s.written || s.nested {
            return;
        }
        match &s.span {
            Span::Link(n) => {
                let n = *n;
                // Pending closes of spans inside go first.
                let f = &mut self.frame;
                f.write_closes();
                let (href, title) = &self.links[n];
                if !self.references
                    && title.is_none()
                    && f.out[s.text_start..] == **href
                    && is_autolink(href)
                {
                    // `[URL](URL)` is `<URL>`.
                    f.out.truncate(s.text_start - 1);
                    f.out.push('<');
                    f.out.push_str(href);
                    f.out.push('>');
                    f.last = Some('>');
                    return;
                }
                f.out.push(']');
                if self.references {
                    if self.refs[n] == 0 {
                        self.defs.push(n);
                        self.refs[n] = self.defs.len();
                    }
                    f.out.push('[');
                    f.out.push_str(&self.refs[n].to_string());
                    f.out.push(']');
                    f.last = Some(']');
                } else {
                    f.out.push('(');
                    markdown_escape::destination(&mut f.out, href);
                    if let Some(t) = title {
                        markdown_escape::title(&mut f.out, t);
                    }
                    f.out.push(')');
                    f.last = Some(')');
                }
            }
            span => {
                let d = delimiter_of(span);
                self.frame().closes.push_str(d);
            }
        }
    }

    /// At a block boundary: every open span is closed, to be opened again
    /// before the next content.
    #[inline]
    fn close_spans(&mut self) {
        let f = self.frame();
        if f.spans.is_empty() {
            // Most boundaries.
            if !f.closes.is_empty() {
                f.write_closes();
            }
            return;
        }
        self.close_open_spans();
    }

    /// [`close_spans`](Self::close_spans) with spans open.
    fn close_open_spans(&mut self) {
        let f = self.frame();
        // Taken while they are closed, not cloned: many boundaries have
        // one.
        let mut spans = std::mem::take(&mut f.spans);
        for s in spans.iter().rev() {
            self.close_one(s);
        }
        for s in &mut spans {
            s.written = false;
        }
        let f = self.frame();
        f.write_closes();
        f.spans = spans;
    }

    fn image<A: Attrs + ?Sized>(&mut self, tag: &TagView<'_, A>) {
        let alt = tag.attrs.attr("alt").unwrap_or_default();
        let Some(src) = tag.attrs.attr("src").filter(|s| !s.is_empty()) else {
            // No image to point to: nothing, as in the text.
            return;
        };
        let mut md = String::from("![");
        let ctx = Context {
            in_link: true,
            in_table: self.in_table(),
            ..Context::default()
        };
        let mut first = true;
        for word in alt
            .split(|c: char| is_space(c, false))
            .filter(|w| !w.is_empty())
        {
            if !first {
                md.push(' ');
            }
            first = false;
            markdown_escape::escape_word(&mut md, word, ctx);
        }
        md.push_str("](");
        markdown_escape::destination(&mut md, src);
        if let Some(t) = tag.attrs.attr("title") {
            markdown_escape::title(&mut md, t);
        }
        md.push(')');
        self.inline_piece(&md, '!', ')');
    }

    // ---- code ----

    fn code_start(&mut self) {
        let f = self.frame();
        if f.pre.is_some() {
            return;
        }
        match &mut f.code {
            Some((depth, _)) => *depth += 1,
            None => f.code = Some((1, String::new())),
        }
    }

    fn code_end(&mut self) {
        let f = self.frame();
        let Some((depth, _)) = &mut f.code else {
            return;
        };
        *depth -= 1;
        if *depth > 0 {
            return;
        }
        let Some((_, code)) = f.code.take() else {
            return;
        };
        if code.trim().is_empty() {
            if !code.is_empty() {
                self.space();
            }
            return;
        }
        // In a table cell a `|` ends the cell even in code.
        let escaped;
        let code = if self.in_table() && code.contains('|') {
            escaped = code.replace('|', "\\|");
            escaped.as_str()
        } else {
            code.as_str()
        };
        let run = longest_run(code, '`');
        let fence = "`".repeat(run + 1);
        // A renderer strips one space from each end when both have one.
        let pad = code.starts_with('`')
            || code.ends_with('`')
            || (code.starts_with(' ') && code.ends_with(' '));
        let mut md = String::with_capacity(code.len() + 2 * fence.len() + 2);
        md.push_str(&fence);
        if pad {
            md.push(' ');
        }
        md.push_str(code);
        if pad {
            md.push(' ');
        }
        md.push_str(&fence);
        self.inline_piece(&md, '`', '`');
    }

    // ---- pre ----

    fn pre_start<A: Attrs + ?Sized>(&mut self, tag: &TagView<'_, A>) {
        if let Some(pre) = &mut self.frame().pre {
            pre.depth += 1;
            return;
        }
        self.block(2);
        let lang = tag.attrs.attr("class").and_then(language);
        self.frame().pre = Some(Pre {
            depth: 1,
            lang,
            text: String::new(),
            skip_lf: true,
        });
        self.skip_lf = true;
    }

    /// Writes the open `pre`, if any, now, however many `pre`s it holds.
    fn end_pre_now(&mut self) {
        if let Some(pre) = &mut self.frame().pre {
            pre.depth = 1;
            self.pre_end();
        }
    }

    fn pre_end(&mut self) {
        let Some(pre) = &mut self.frame().pre else {
            return;
        };
        pre.depth -= 1;
        if pre.depth > 0 {
            return;
        }
        let Some(pre) = self.frame().pre.take() else {
            return;
        };
        let text = pre.text.trim_end_matches('\n');
        if text.trim().is_empty() {
            self.block(2);
            return;
        }
        let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
        // A fenced block is written line by line, each with the prefix.
        self.line();
        let f = self.frame();
        f.broke = true;
        f.out.push_str(&fence);
        if let Some(lang) = pre.lang.filter(|l| !l.contains('`')) {
            f.out.push_str(&lang);
        }
        for line in text.split('\n') {
            self.frame().out.push('\n');
            self.prefix(line.is_empty());
            self.frame().out.push_str(line);
        }
        self.frame().out.push('\n');
        self.prefix(false);
        let f = self.frame();
        f.out.push_str(&fence);
        f.last = Some('`');
        self.block(2);
    }

    /// Text inside `pre`: kept as written, but controls and invisible
    /// characters.
    fn pre_text(&mut self, s: &str) {
        let skip = std::mem::take(&mut self.skip_lf);
        let Some(pre) = &mut self.frame().pre else {
            return;
        };
        let mut s = s;
        if pre.skip_lf || skip {
            pre.skip_lf = false;
            if let Some(rest) = s.strip_prefix('\n') {
                s = rest;
            }
        }
        pre.skip_lf = false;
        for c in s.chars() {
            match c {
                '\n' | '\t' => pre.text.push(c),
                '\u{a0}' => pre.text.push(' '),
                c if is_dropped(c) => {}
                c => pre.text.push(c),
            }
        }
    }

    // ---- tables ----

    fn table_start(&mut self) {
        self.block(2);
        self.frame().tables.push(Table::default());
    }

    /// Ends the open cell, if any: its frame's text goes to the row.
    /// Inlined: most calls (from every row's and cell's start) find none.
    #[inline]
    fn cell_close(&mut self) {
        if self.table_of_cell().is_some_and(|t| t.in_cell) {
            self.end_open_cell();
        }
    }

    /// [`cell_close`](Self::cell_close) of the open cell.
    fn end_open_cell(&mut self) {
        // A `pre` the input never ends (`<td><pre>x` at its end): written
        // into the cell, not dropped with the frame.
        self.end_pre_now();
        self.close_spans();
        // The cell's frame ends; it is kept, its output emptied, for the
        // next cell.
        let Some(around) = self.outer.pop() else {
            return;
        };
        let mut cell = std::mem::replace(&mut self.frame, around);
        let mut out = std::mem::take(&mut cell.out);
        let mut broke = cell.broke;
        if let Some((_, code)) = cell.code.take() {
            broke |= code.contains('\n');
            out.push_str(&code);
        }
        debug_assert!(
            broke || !out.contains('\n'),
            "a line break not seen: {out:?}"
        );
        let blocky = cell.blocky;
        if let Some(t) = self.frame().tables.last_mut() {
            t.in_cell = false;
            if !t.in_row {
                t.rows.push(t.cells.len());
                t.in_row = true;
            }
            let start = t.text.len();
            let b = out.as_bytes();
            if b.first().is_none_or(u8::is_ascii_graphic)
                && b.last().is_none_or(u8::is_ascii_graphic)
            {
                // Most cells: nothing to trim, no character to decode.
                t.text.push_str(&out);
            } else {
                t.text.push_str(out.trim());
            }
            // More than one line: what a GFM table cell cannot hold.
            let lines = blocky || (broke && t.text[start..].contains('\n'));
            t.cells.push((start..t.text.len(), lines));
        }
        out.clear();
        cell.out = out;
        self.spare.push(cell);
    }

    /// The table the current cell frame belongs to.
    fn table_of_cell(&self) -> Option<&Table> {
        self.outer.last().and_then(|f| f.tables.last())
    }

    fn row(&mut self) {
        self.cell_close();
        if let Some(t) = self.frame().tables.last_mut() {
            t.in_row = false;
        }
    }

    fn cell_start(&mut self) {
        self.cell_close();
        let f = self.frame();
        let Some(t) = f.tables.last_mut() else {
            // A cell outside a table: a space.
            f.space = true;
            return;
        };
        if !t.in_row {
            t.rows.push(t.cells.len());
            t.in_row = true;
        }
        t.in_cell = true;
        let cell = match self.spare.pop() {
            Some(mut kept) => {
                kept.reset();
                kept
            }
            None => Box::new(Frame {
                line_start: true,
                ..Frame::default()
            }),
        };
        let around = std::mem::replace(&mut self.frame, cell);
        self.outer.push(around);
    }

    fn table_end(&mut self) {
        self.cell_close();
        let Some(table) = self.frame().tables.pop() else {
            return;
        };
        let cell = |k: usize| &table.text[table.cells[k].0.clone()];
        // The rows that hold any text, as ranges of cells.
        let mut rows: Vec<Range<usize>> = Vec::with_capacity(table.rows.len());
        for (n, &start) in table.rows.iter().enumerate() {
            let end = table.rows.get(n + 1).copied().unwrap_or(table.cells.len());
            if table.cells[start..end]
                .iter()
                .any(|(text, _)| !text.is_empty())
            {
                rows.push(start..end);
            }
        }
        if rows.is_empty() {
            self.block(2);
            return;
        }
        let simple = rows
            .iter()
            .flat_map(Clone::clone)
            .all(|k| !table.cells[k].1);
        if !simple {
            // A table in a cell laid out cell by cell makes that cell hold
            // blocks too.
            self.frame().blocky = true;
        }
        self.block(2);
        if simple {
            let columns = rows.iter().map(ExactSizeIterator::len).max().unwrap_or(1);
            for (k, row) in rows.iter().enumerate() {
                if k > 0 {
                    self.frame().breaks = 1;
                }
                self.line();
                let f = self.frame();
                table_row(&mut f.out, row.clone().map(cell), columns);
                if k == 0 {
                    f.breaks = 1;
                    self.line();
                    let f = self.frame();
                    table_row(&mut f.out, std::iter::repeat("---"), columns);
                }
                self.frame().last = Some('|');
            }
        } else {
            // Not every cell is one line: each cell's blocks in turn.
            for k in rows.iter().flat_map(Clone::clone) {
                let text = cell(k);
                if text.is_empty() {
                    continue;
                }
                self.block(2);
                for (n, line) in text.split('\n').enumerate() {
                    if n > 0 {
                        let f = self.frame();
                        f.broke = true;
                        f.out.push('\n');
                        self.prefix(line.is_empty());
                    } else {
                        self.line();
                    }
                    let f = self.frame();
                    f.out.push_str(line);
                    f.last = line.chars().next_back();
                }
            }
        }
        self.block(2);
    }

    // ---- lists and quotes ----

    fn list_start<A: Attrs + ?Sized>(&mut self, ordered: bool, tag: &TagView<'_, A>) {
        let nested = self
            .frame()
            .containers
            .iter()
            .any(|c| matches!(c, Container::Item(_)));
        self.block(if nested { 1 } else { 2 });
        let start = tag
            .attrs
            .attr("start")
            .and_then(parse_int)
            .filter(|n| (0..1_000_000_000).contains(n))
            .unwrap_or(1);
        let f = self.frame();
        let containers = f.containers.len();
        f.lists.push(List {
            ordered,
            next: start,
            containers,
        });
    }

    fn list_end(&mut self) {
        let f = self.frame();
        if let Some(list) = f.lists.pop() {
            f.end_containers(list.containers);
            f.marker = None;
        }
        let nested = f.containers.iter().any(|c| matches!(c, Container::Item(_)));
        self.block(if nested { 1 } else { 2 });
    }

    fn item_start(&mut self) {
        self.block(1);
        let f = self.frame();
        if let Some(n) = f.lists.last().map(|list| list.containers) {
            f.end_containers(n);
        }
        let marker = match f.lists.last_mut() {
            Some(list) => {
                if list.ordered {
                    let m = format!("{}. ", list.next);
                    list.next += 1;
                    m
                } else {
                    "- ".to_owned()
                }
            }
            None => "- ".to_owned(),
        };
        f.containers.push(Container::Item(marker.len()));
        f.marker = Some(marker);
    }

    fn item_end(&mut self) {
        let f = self.frame();
        if let Some(list) = f.lists.last() {
            f.end_containers(list.containers);
        } else if f
            .containers
            .last()
            .is_some_and(|c| matches!(c, Container::Item(_)))
        {
            f.end_containers(f.containers.len() - 1);
        }
        f.marker = None;
        self.block(1);
    }

    /// Ends the conversion: what is due is written, then the reference
    /// definitions.
    pub(crate) fn finish(mut self) -> Dest<'o, 'a> {
        self.flush_held();
        while !self.outer.is_empty() {
            let before = self.outer.len();
            self.cell_close();
            if self.outer.len() == before
                && let Some(around) = self.outer.pop()
            {
                self.frame = around;
            }
            self.table_end();
        }
        while !self.frame().tables.is_empty() {
            self.table_end();
        }
        self.end_pre_now();
        if self.frame().code.is_some() {
            if let Some((depth, _)) = &mut self.frame().code {
                *depth = 1;
            }
            self.code_end();
        }
        self.close_spans();
        if !self.defs.is_empty() {
            let mut defs = String::from("\n");
            for (k, &n) in self.defs.iter().enumerate() {
                let (href, title) = &self.links[n];
                defs.push_str(&format!("\n[{}]: ", k + 1));
                markdown_escape::destination(&mut defs, href);
                if let Some(t) = title {
                    markdown_escape::title(&mut defs, t);
                }
            }
            self.frame.out.push_str(&defs);
        }
        self.flush();
        self.dest
    }
}

/// Writes a GFM table row of `columns` cells, the first of `cells` (empty
/// ones after them).
fn table_row<'c>(out: &mut String, mut cells: impl Iterator<Item = &'c str>, columns: usize) {
    out.push('|');
    for _ in 0..columns {
        out.push(' ');
        out.push_str(cells.next().unwrap_or(""));
        out.push_str(" |");
    }
}

fn delimiter_of(span: &Span) -> &'static str {
    match span {
        Span::Strong => "**",
        Span::Emphasis => "*",
        Span::Strike => "~~",
        Span::Link(_) => "",
    }
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in s.chars() {
        if x == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Whether `href` can be written as an autolink `<href>`.
fn is_autolink(href: &str) -> bool {
    let scheme = href.split(':').next().unwrap_or_default();
    (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        && href.len() > scheme.len() + 1
        && !href
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '\\'))
}

/// The language of a code block from its `class`: `language-rust`,
/// `lang-rust`, or SyntaxHighlighter's `brush: rust`.
fn language(class: &str) -> Option<String> {
    for token in class.split_ascii_whitespace() {
        if let Some(lang) = token
            .strip_prefix("language-")
            .or_else(|| token.strip_prefix("lang-"))
            .filter(|l| !l.is_empty())
        {
            return Some(lang.to_owned());
        }
    }
    let brush = class.split("brush:").nth(1)?;
    let lang = brush.trim_start().split([';', ' ']).next()?;
    (!lang.is_empty()).then(|| lang.to_owned())
}

/// What the character at `b[i]` is between words: `Some(true)` whitespace
/// (U+00A0 too, unless `keep_nbsp`), `Some(false)` a dropped character
/// ([`is_dropped`]), `None` part of a word or the end of `b`; and how many
/// bytes to pass over to the next (1 for a byte inside a word: the bytes
/// that follow a character's first are never taken for another's). The
/// byte-at-a-time form of [`is_space`] and [`is_dropped`].
#[inline]
fn kind_at(b: &[u8], i: usize, keep_nbsp: bool) -> (Option<bool>, usize) {
    let Some(&c) = b.get(i) else {
        return (None, 0);
    };
    match CLASS[usize::from(c)] {
        WS => (Some(true), 1),
        CTRL => (Some(false), 1),
        LEAD_C2 => match b.get(i + 1) {
            Some(0xA0) if !keep_nbsp => (Some(true), 2),
            Some(0xAD) => (Some(false), 2),
            _ => (None, 1),
        },
        LEAD_E2 if b.get(i + 1..i + 3) == Some(&[0x80, 0x8B]) => (Some(false), 3),
        _ => (None, 1),
    }
}

/// Whether whitespace (U+00A0 included, as [`kind_at`] without
/// `keep_nbsp` has it) ends at `b[..i]`.
fn space_ends_at(b: &[u8], i: usize) -> bool {
    i > 0 && (CLASS[usize::from(b[i - 1])] == WS || (i > 1 && b[i - 2..i] == [0xC2, 0xA0]))
}

/// The end of the whitespace (U+00A0 included, as [`kind_at`] without
/// `keep_nbsp` has it) at `b[i..]`: `i` if there is none.
fn gap_end(b: &[u8], mut i: usize) -> usize {
    while let (Some(true), len) = kind_at(b, i, false) {
        i += len;
    }
    i
}

/// Whether the tag `name` in `role` writes no Markdown of its own (a
/// `<span>`, a link's own tag, a dropped element): the word held from the
/// last text stays held, as the text after the tag goes on with it (`1`,
/// `<span></span>`, `. x` is `1\. x`, not a list item).
fn writes_nothing(role: Role) -> bool {
    match role {
        Role::A | Role::Skip(_) => true,
        Role::Inline(phrase) => phrase == Phrase::Plain,
        _ => false,
    }
}

/// Whether text `b` (not empty, starting with a word), written at a line's
/// start, starts no block: its first byte never does (`#`, `>`, `-`, `+`,
/// `*` and `=` may), or it starts with digits, as a year or a number does,
/// followed by anything but `.` or `)` (`1.` and `1)` start a list; digits
/// alone are a word held for the next text to go on).
fn starts_no_block(b: &[u8]) -> bool {
    match b[0] {
        b'#' | b'>' | b'-' | b'+' | b'*' | b'=' => false,
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            b.get(digits).is_some_and(|c| !matches!(c, b'.' | b')'))
        }
        _ => true,
    }
}

/// Which bytes flagged by the prose scan end a run there: U+00A0, U+00AD
/// and U+200B of their lead bytes (0xE2 starts `’` too), and every other
/// flagged byte but `^` and `>`, which need no escape after a line's start
/// (`>` there is [`starts_no_block`]'s).
fn prose_stop(b: &[u8]) -> impl Fn(usize) -> bool + '_ {
    move |at| match b[at] {
        0xC2 => matches!(b.get(at + 1), Some(0xA0 | 0xAD)),
        0xE2 => b.get(at + 1..at + 3) == Some(&[0x80, 0x8B]),
        b'^' | b'>' => false,
        _ => true,
    }
}

/// The end of the word that goes on at `b[i]`: the first whitespace or
/// dropped character at or after it (see [`kind_at`]), or `b.len()`.
#[inline]
fn word_end(b: &[u8], mut i: usize, keep_nbsp: bool) -> usize {
    while i < b.len() && kind_at(b, i, keep_nbsp).0.is_none() {
        i += 1;
    }
    i
}

fn is_space(c: char, keep_nbsp: bool) -> bool {
    matches!(c, '\t' | '\n' | '\x0C' | '\r' | ' ') || (c == '\u{a0}' && !keep_nbsp)
}

/// Characters dropped from text: C0 controls (but whitespace), soft
/// hyphens, zero-width spaces.
fn is_dropped(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\x0C' | '\r')) || c == '\u{ad}' || c == '\u{200b}'
}

impl<'a> Layout<'a> for MarkdownWriter<'_, 'a> {
    #[inline]
    fn text(&mut self, s: &str, _: Option<usize>) {
        if self.frame().pre.is_some() {
            return self.pre_text(s);
        }
        self.skip_lf = false;
        let lead = s
            .bytes()
            .take_while(|&c| CLASS[usize::from(c)] == WS)
            .count();
        // Whitespace between tags, the commonest text token.
        if lead == s.len() {
            if !s.is_empty() {
                if !self.held.is_empty() {
                    let held = std::mem::take(&mut self.held);
                    self.word(&held, true);
                }
                self.space();
            }
            return;
        }
        self.text_words(s, lead);
    }

    fn wants_location(&self) -> bool {
        false
    }

    fn tag_seen(&mut self) {
        self.skip_lf = false;
    }

    fn start<A: Attrs + ?Sized>(&mut self, role: Role, tag: &TagView<'_, A>) {
        if !self.held.is_empty() && (!writes_nothing(role) || self.frame().pre.is_some()) {
            self.flush_held();
        }
        if self.frame().pre.is_some() {
            match role {
                Role::Pre | Role::RawPre | Role::Plaintext => {
                    if let Some(pre) = &mut self.frame().pre {
                        pre.depth += 1;
                        pre.break_line();
                    }
                }
                _ if breaks_lines(role) => {
                    if let Some(pre) = &mut self.frame().pre {
                        pre.break_line();
                    }
                }
                Role::Br => {
                    if let Some(pre) = &mut self.frame().pre {
                        pre.text.push('\n');
                    }
                }
                _ if *tag.name == local_name!("code") => {
                    if let Some(pre) = &mut self.frame().pre
                        && pre.lang.is_none()
                    {
                        pre.lang = tag.attrs.attr("class").and_then(language);
                    }
                }
                _ => {}
            }
            return;
        }
        // What a table row cannot hold (headings, quotes and rules are
        // blocks: told apart below).
        if matches!(
            role,
            Role::List(_) | Role::Pre | Role::RawPre | Role::Plaintext
        ) {
            self.frame().blocky = true;
        }
        match role {
            Role::Block(kind) => match kind {
                BlockKind::Heading(level) => {
                    self.frame().blocky = true;
                    self.block(2);
                    let f = self.frame();
                    if f.heading == 0 {
                        f.heading = level;
                        f.heading_written = false;
                    }
                }
                BlockKind::Quote => {
                    self.frame().blocky = true;
                    self.block(2);
                    self.frame().containers.push(Container::Quote);
                }
                BlockKind::Rule => {
                    self.frame().blocky = true;
                    self.block(2);
                    self.line();
                    let f = self.frame();
                    f.out.push_str("---");
                    f.last = Some('-');
                    self.block(2);
                }
                BlockKind::Paragraph => self.block(2),
            },
            Role::Line => self.block(2),
            Role::Br => self.hard_break(),
            Role::List(ordered) => self.list_start(ordered, tag),
            Role::Item => self.item_start(),
            Role::Table => self.table_start(),
            Role::Row => self.row(),
            Role::Cell => self.cell_start(),
            Role::Pre | Role::RawPre | Role::Plaintext => self.pre_start(tag),
            Role::Img => self.image(tag),
            Role::Inline(phrase) => match phrase {
                Phrase::Strong => self.open_span(Span::Strong),
                Phrase::Emphasis => self.open_span(Span::Emphasis),
                Phrase::Strike => self.open_span(Span::Strike),
                Phrase::Code => self.code_start(),
                Phrase::Plain => {}
            },
            Role::A | Role::Skip(_) => {}
        }
    }

    fn end(&mut self, role: Role) {
        if !self.held.is_empty() && (!writes_nothing(role) || self.frame().pre.is_some()) {
            self.flush_held();
        }
        if self.frame().pre.is_some() {
            if matches!(role, Role::Pre | Role::RawPre | Role::Plaintext) {
                self.pre_end();
            }
            if breaks_lines(role)
                && let Some(pre) = &mut self.frame().pre
            {
                pre.break_line();
            }
            return;
        }
        match role {
            Role::Block(kind) => match kind {
                BlockKind::Heading(_) => {
                    let f = self.frame();
                    f.heading = 0;
                    f.heading_written = false;
                    self.block(2);
                    let f = self.frame();
                    f.heading = 0;
                }
                BlockKind::Quote => {
                    self.block(2);
                    let f = self.frame();
                    if let Some(k) = f.containers.iter().rposition(|c| *c == Container::Quote) {
                        f.end_containers(k);
                    }
                }
                BlockKind::Rule | BlockKind::Paragraph => self.block(2),
            },
            Role::Line => self.block(2),
            Role::Br => self.hard_break(),
            Role::List(_) => self.list_end(),
            Role::Item => self.item_end(),
            Role::Table => self.table_end(),
            Role::Row => self.row(),
            Role::Cell => self.cell_close(),
            Role::Pre | Role::RawPre | Role::Plaintext => self.pre_end(),
            Role::Inline(phrase) => match phrase {
                Phrase::Strong => self.close_span(&Span::Strong),
                Phrase::Emphasis => self.close_span(&Span::Emphasis),
                Phrase::Strike => self.close_span(&Span::Strike),
                Phrase::Code => self.code_end(),
                Phrase::Plain => {}
            },
            Role::A | Role::Img | Role::Skip(_) => {}
        }
    }

    fn link_start(&mut self, href: Text<'a>, title: Option<&str>) {
        self.flush_held();
        self.links.push((href, title.map(str::to_owned)));
        self.refs.push(0);
        let n = self.links.len() - 1;
        self.open_span(Span::Link(n));
    }

    #[inline]
    fn in_pre(&self) -> bool {
        self.frame.pre.is_some()
    }

    #[inline]
    fn pre_closed(&mut self) {
        // A `pre` the tree builder closed without its end tag (`<td>`,
        // `</div>`, `</li>` after `<pre>`) is written here: what comes
        // after it is outside it, laid out as such.
        self.end_pre_now();
    }

    fn link_end(&mut self) {
        self.flush_held();
        let Some(k) = self
            .frame()
            .spans
            .iter()
            .rposition(|s| matches!(s.span, Span::Link(_)))
        else {
            return;
        };
        let span = self.frame().spans[k].span.clone();
        self.close_span(&span);
    }
}

#[cfg(test)]
mod tests {
    use super::{is_dropped, is_space, kind_at, word_end};

    /// [`kind_at`] and [`word_end`] agree with [`is_space`] and
    /// [`is_dropped`] a character at a time, over strings of every pair of
    /// characters around the bytes they test, with and without
    /// `keep_nbsp`.
    #[test]
    fn words_split_by_bytes_as_by_characters() {
        let chars = [
            'a', ' ', '\t', '\n', '\x0C', '\r', '\0', '\x1F', '\x7F', '\u{a0}', '\u{ad}', '\u{a9}',
            '\u{c2}', '\u{200b}', '\u{2019}', '\u{2028}', '\u{e2}', '\u{feff}', 'é',
        ];
        for keep_nbsp in [false, true] {
            for x in chars {
                for y in chars {
                    let s = format!("{x}{y}z");
                    let b = s.as_bytes();
                    let mut at = 0;
                    for c in s.chars() {
                        let want = if is_space(c, keep_nbsp) {
                            Some(true)
                        } else if is_dropped(c) {
                            Some(false)
                        } else {
                            None
                        };
                        let (got, len) = kind_at(b, at, keep_nbsp);
                        assert_eq!(got, want, "{s:?} at {at}, keep_nbsp {keep_nbsp}");
                        if got.is_some() {
                            assert_eq!(len, c.len_utf8(), "{s:?} at {at}");
                        }
                        let end = s[at..]
                            .find(|c: char| is_space(c, keep_nbsp) || is_dropped(c))
                            .map_or(s.len(), |k| at + k);
                        assert_eq!(word_end(b, at, keep_nbsp), end, "{s:?} from {at}");
                        at += c.len_utf8();
                    }
                    assert_eq!(kind_at(b, s.len(), keep_nbsp), (None, 0));
                }
            }
        }
    }
}
