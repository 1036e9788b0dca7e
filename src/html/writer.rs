//! The output state: whitespace collapsing, block and line breaks, list
//! markers, table cells, `pre`, link ranges, and where the bytes go.
//!
//! Nothing is written eagerly except content: a block boundary, a collapsed
//! space, a list marker or a cell separator is only remembered, and written
//! just before the next piece of content. So the output never starts or ends
//! with whitespace, and boundaries that meet merge (`</p></div><div><p>` is
//! one blank line).

use std::fmt;

use super::TextLink;
use super::dest::Dest;
use super::layout::{Attrs, Layout, TagView};
use super::sink::parse_int;
use super::tags::Role;
use super::text_scan;
use crate::Text;

/// What a byte of text is, for the whitespace scanner.
const PLAIN: u8 = 0;
/// ASCII whitespace: tab, line feed, form feed, carriage return, space.
pub(crate) const WS: u8 = 1;
/// A C0 control other than whitespace: dropped.
pub(crate) const CTRL: u8 = 2;
/// 0xC2: first byte of U+00A0 (no-break space) and U+00AD (soft hyphen).
pub(crate) const LEAD_C2: u8 = 3;
/// 0xE2: first byte of U+200B (zero-width space).
pub(crate) const LEAD_E2: u8 = 4;

pub(crate) static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = CTRL;
        i += 1;
    }
    t[b'\t' as usize] = WS;
    t[b'\n' as usize] = WS;
    t[0x0C] = WS;
    t[b'\r' as usize] = WS;
    t[b' ' as usize] = WS;
    t[0xC2] = LEAD_C2;
    t[0xE2] = LEAD_E2;
    t
};

/// The end of the run of text starting at `b[start]` (not ASCII
/// whitespace) that can be written as it is: single spaces between content
/// stay in it, and it never ends with a space.
#[inline]
fn run_end(b: &[u8], start: usize) -> usize {
    // Text tokens hold no markup to stop at: `<` and `&` in them are text.
    let mut i = text_scan::next_stop::<false>(b, start, |at| match b[at] {
        0xC2 => matches!(b.get(at + 1), Some(0xA0 | 0xAD)),
        0xE2 => b.get(at + 1..at + 3) == Some(&[0x80, 0x8B]),
        _ => true,
    });
    if i > start && b[i - 1] == b' ' {
        i -= 1;
    }
    i
}

/// The most lists, and the most tables, the writer keeps a frame for.
/// Deeper ones are only counted, so that hostile input (a million nested
/// `<ul>`s) cannot make the writer's memory grow with its depth; their
/// items get bullets and their cells join the deepest kept table.
/// Indentation stops growing long before (at 32 levels).
const MAX_FRAMES: usize = 256;

/// Spaces for indentation, sliced as needed.
const SPACES: &str = "                                                                ";

/// An open `<ul>` or `<ol>`.
struct List {
    ordered: bool,
    /// The number of the next item.
    next: i64,
    /// +1, or -1 for `reversed`.
    step: i64,
    /// For a `reversed` list without `start`, its index in `Hold::counts`:
    /// its numbers are known only at its end.
    held: Option<usize>,
}

/// The marker of the list item whose content has not started yet.
enum Marker {
    Bullet,
    Number(i64),
    /// Item `index` (0-based) of held list `list`.
    Held {
        list: usize,
        index: u32,
    },
}

/// An open `<table>`.
struct Table {
    /// Cells started in the current row.
    cells: u32,
    /// Inside a cell.
    in_cell: bool,
    /// `Writer::len` when the cell started: a boundary before its first
    /// content is nothing.
    cell_len: usize,
    /// A line break inside the cell is due: the next cell's tab, not a new
    /// line, comes after the cell.
    broke: bool,
}

/// Output diverted while a `reversed` list without `start` is open.
struct Hold {
    buf: String,
    /// `Writer::len` when the hold began.
    base: usize,
    /// Where item numbers go: offset in `buf`, list, item index.
    slots: Vec<(usize, usize, u32)>,
    /// Items per held list.
    counts: Vec<u32>,
    /// Held lists still open.
    open: u32,
}

/// An `<a href>` whose end tag has not come yet.
struct OpenLink<'a> {
    href: Text<'a>,
    /// Output range of its content so far.
    range: Option<(usize, usize)>,
}

/// The output state; see the module docs.
pub(crate) struct Writer<'o, 'a> {
    dest: Dest<'o, 'a>,
    /// Bytes written so far (including held ones).
    len: usize,
    /// Where in the input the last piece of content ended, if it came from
    /// there; lets a collapsed space be borrowed from the input.
    last_end: Option<usize>,
    input: &'a [u8],
    inline: bool,
    keep_nbsp: bool,
    /// A collapsed space is due before the next content.
    space: bool,
    /// Newlines due before the next content (0 to 2).
    breaks: u8,
    /// Cell separators due before the next content.
    tabs: u32,
    /// Depth of `pre`-like elements.
    pre: u32,
    /// Drop a line feed that starts the next text (right after `<pre>`).
    pub(crate) skip_lf: bool,
    lists: Vec<List>,
    /// Lists open past `MAX_FRAMES`.
    lists_beyond: usize,
    marker: Option<Marker>,
    tables: Vec<Table>,
    /// Tables open past `MAX_FRAMES`.
    tables_beyond: usize,
    hold: Option<Hold>,
    link: Option<OpenLink<'a>>,
    links: Vec<TextLink<'a>>,
    /// Output bytes copied from input slices found by the locator.
    pub(crate) borrowed: usize,
    /// Locate every piece, even when it no longer matters (for the borrow
    /// statistics of the unit tests).
    pub(crate) locate_always: bool,
    /// Write images' `alt` as `[alt]`.
    pub(crate) image_alt: bool,
}

impl<'o, 'a> Writer<'o, 'a> {
    pub(crate) fn new(dest: Dest<'o, 'a>, input: &'a str, inline: bool, keep_nbsp: bool) -> Self {
        Writer {
            dest,
            len: 0,
            last_end: None,
            input: input.as_bytes(),
            inline,
            keep_nbsp,
            space: false,
            breaks: 0,
            tabs: 0,
            pre: 0,
            skip_lf: false,
            lists: Vec::new(),
            lists_beyond: 0,
            marker: None,
            tables: Vec::new(),
            tables_beyond: 0,
            hold: None,
            link: None,
            links: Vec::new(),
            borrowed: 0,
            locate_always: false,
            image_alt: false,
        }
    }

    // ---- writing ----

    /// Whether the next text's place in the input is worth finding: while
    /// the output may still be one slice of the input.
    #[inline]
    pub(crate) fn wants_location(&self) -> bool {
        // `can_borrow` first: it is false for nearly every piece.
        (self.dest.can_borrow() && self.hold.is_none()) || self.locate_always
    }

    /// Writes `s` (the input at `at`, if known) to the output.
    #[inline]
    fn emit(&mut self, s: &str, at: Option<usize>) {
        self.len += s.len();
        match &mut self.hold {
            Some(hold) => hold.buf.push_str(s),
            None => {
                if at.is_some() {
                    self.borrowed += s.len();
                }
                match self.dest.string() {
                    Some(out) => out.push_str(s),
                    None => self.dest.push(s, at),
                }
            }
        }
    }

    /// Writes whatever is due before content: newlines, indentation, a list
    /// marker, cell separators or a space.
    #[inline(always)] // else out of line, a call per run of text
    fn prefix(&mut self) {
        if self.tabs == 0 && self.marker.is_none() {
            if self.breaks == 0 {
                if !self.space {
                    return;
                }
                // A collapsed space between words, the commonest prefix.
                if self.len > 0 {
                    self.space = false;
                    let at = self.last_end.filter(|&e| self.input.get(e) == Some(&b' '));
                    self.emit(" ", at);
                    return;
                }
            } else if self.len > 0 && self.lists.is_empty() {
                // A paragraph or line break outside lists: no indentation.
                self.emit(if self.breaks == 1 { "\n" } else { "\n\n" }, None);
                self.breaks = 0;
                self.space = false;
                return;
            }
        }
        self.prefix_slow();
    }

    #[cold]
    fn prefix_slow(&mut self) {
        let new_line = self.len == 0 || self.breaks > 0;
        if new_line {
            if self.len > 0 {
                // Constant pieces: stores, not a `memset` call.
                self.emit(if self.breaks == 1 { "\n" } else { "\n\n" }, None);
            }
            let depth = self.lists.len();
            let indent = match self.marker {
                Some(_) => 2 * depth.saturating_sub(1),
                None => 2 * depth,
            };
            if indent > 0 {
                self.emit(&SPACES[..indent.min(SPACES.len())], None);
            }
            if let Some(marker) = self.marker.take() {
                self.write_marker(marker);
            }
        } else if self.space && self.tabs == 0 {
            // Borrow the space from the input when it has one right there.
            let at = self.last_end.filter(|&e| self.input.get(e) == Some(&b' '));
            self.emit(" ", at);
        }
        for _ in 0..self.tabs {
            self.emit("\t", None);
        }
        self.breaks = 0;
        self.space = false;
        self.tabs = 0;
        self.marker = None;
    }

    fn write_marker(&mut self, marker: Marker) {
        match marker {
            Marker::Bullet => self.emit("- ", None),
            Marker::Number(n) => {
                let mut buf = [0u8; 24];
                let s = format_int(n, &mut buf);
                self.emit(s, None);
                self.emit(". ", None);
            }
            Marker::Held { list, index } => {
                if let Some(hold) = &mut self.hold {
                    hold.slots.push((hold.buf.len(), list, index));
                }
                self.emit(". ", None);
            }
        }
    }

    /// Writes a piece of content, preceded by whatever is due.
    #[inline(always)] // else out of line, a call per run of text (-0.6 M)
    fn put(&mut self, s: &str, at: Option<usize>) {
        self.prefix();
        if let Some(link) = &mut self.link {
            let start = link.range.map_or(self.len, |r| r.0);
            link.range = Some((start, self.len + s.len()));
        }
        self.emit(s, at);
        self.last_end = at.map(|a| a + s.len());
    }

    /// Text between tags: whitespace collapsed (or kept, in `pre`), controls
    /// and invisible characters dropped. `at` is where `s` is in the input,
    /// if it is there.
    #[inline]
    pub(crate) fn text(&mut self, s: &str, at: Option<usize>) {
        // Whitespace between tags, often a single line feed, is more than
        // half the text tokens: told apart here, without the call.
        if !self.skip_lf && self.pre == 0 {
            if s.bytes().all(|c| CLASS[usize::from(c)] == WS) {
                self.space |= !s.is_empty();
                return;
            }
            return self.collapse(s, at);
        }
        self.text_slow(s, at);
    }

    #[inline(never)]
    fn text_slow(&mut self, mut s: &str, mut at: Option<usize>) {
        if self.skip_lf {
            self.skip_lf = false;
            if let Some(rest) = s.strip_prefix('\n') {
                s = rest;
                at = at.map(|a| a + 1);
            }
        }
        if self.pre > 0 && !self.inline {
            return self.pre_text(s, at);
        }
        // Whitespace between tags, often a single line feed.
        if s.bytes().all(|c| CLASS[usize::from(c)] == WS) {
            self.space |= !s.is_empty();
            return;
        }
        self.collapse(s, at);
    }

    /// [`text`](Writer::text) with whitespace collapsed, for `s` that is
    /// not all whitespace.
    #[inline(never)]
    fn collapse(&mut self, s: &str, at: Option<usize>) {
        let b = s.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            if CLASS[usize::from(b[i])] == WS {
                self.space = true;
                i += 1;
                while i < n && CLASS[usize::from(b[i])] == WS {
                    i += 1;
                }
                continue;
            }
            let start = i;
            i = run_end(b, i);
            if i > start {
                self.put(&s[start..i], at.map(|a| a + start));
            }
            if i < n && CLASS[usize::from(b[i])] != WS {
                i += self.special(b, i, at);
            }
        }
    }

    /// Handles the character at `b[i]` that ended a run (not whitespace);
    /// returns its length.
    fn special(&mut self, b: &[u8], i: usize, at: Option<usize>) -> usize {
        match b[i] {
            0xC2 if b.get(i + 1) == Some(&0xA0) => {
                if self.keep_nbsp {
                    self.put("\u{a0}", at.map(|a| a + i));
                } else {
                    self.space = true;
                }
                2
            }
            0xC2 => 2, // U+00AD soft hyphen
            0xE2 => 3, // U+200B zero-width space
            _ => 1,    // a C0 control
        }
    }

    /// Text inside `pre`: kept as it is, except that line feeds are held
    /// back (so none ends the output and at most one blank line is in a
    /// row), and controls and invisible characters are dropped.
    fn pre_text(&mut self, s: &str, at: Option<usize>) {
        let b = s.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            let start = i;
            while i < n {
                match CLASS[usize::from(b[i])] {
                    PLAIN => i += 1,
                    WS if b[i] == b' ' || b[i] == b'\t' => i += 1,
                    LEAD_C2 if !matches!(b.get(i + 1), Some(0xA0 | 0xAD)) => i += 1,
                    LEAD_E2 if b.get(i + 1..i + 3) != Some(&[0x80, 0x8B]) => i += 1,
                    _ => break,
                }
            }
            if i > start {
                self.put(&s[start..i], at.map(|a| a + start));
            }
            if i < n {
                if b[i] == b'\n' {
                    self.space = false;
                    self.breaks = (self.breaks + 1).min(self.cap());
                    i += 1;
                } else if b[i] == 0xC2 && b[i + 1] == 0xA0 && !self.keep_nbsp {
                    self.put(" ", None);
                    i += 2;
                } else {
                    i += self.special(b, i, at);
                }
            }
        }
    }

    /// Content that is not text from the input (`[alt]` brackets).
    pub(crate) fn literal(&mut self, s: &str) {
        self.put(s, None);
    }

    // ---- structure ----

    /// The most newlines in a row: a blank line, or a line break in lists.
    fn cap(&self) -> u8 {
        if self.lists.is_empty() { 2 } else { 1 }
    }

    /// A boundary of a paragraph-level block (`n` = 2) or of a line-level
    /// one (`n` = 1): that many newlines are due, unless more already are.
    #[inline]
    pub(crate) fn block(&mut self, n: u8) {
        if self.inline {
            self.space = true;
        } else if !self.cell_break() {
            self.breaks = self.breaks.max(n.min(self.cap()));
        }
    }

    /// `<br>`: one more newline than is due.
    pub(crate) fn line_break(&mut self) {
        if self.inline {
            self.space = true;
        } else if !self.cell_break() {
            self.breaks = (self.breaks + 1).min(self.cap());
        }
    }

    /// Inside a table cell, a block boundary or `<br>` is one line break
    /// within the cell once it has content, nothing before, as a browser's
    /// `innerText` has it; returns whether it was in a cell.
    fn cell_break(&mut self) -> bool {
        let len = self.len;
        let Some(t) = self.tables.last_mut().filter(|t| t.in_cell) else {
            return false;
        };
        if len > t.cell_len {
            t.broke = true;
            self.breaks = 1;
            self.space = false;
        }
        true
    }

    /// Drops a line break due inside the cell just left: what follows is
    /// the next cell, after a tab, or the row's own line break.
    fn end_cell_break(&mut self) {
        if let Some(t) = self.tables.last_mut()
            && t.broke
        {
            t.broke = false;
            self.breaks = 0;
        }
    }

    pub(crate) fn pre_start(&mut self) {
        self.block(2);
        self.pre += 1;
        self.skip_lf = true;
    }

    pub(crate) fn pre_end(&mut self) {
        self.pre = self.pre.saturating_sub(1);
        self.block(2);
    }

    /// `<ul>` or `<ol>`; `start` and `reversed` only matter for `<ol>`.
    pub(crate) fn list_start(&mut self, ordered: bool, start: Option<i64>, reversed: bool) {
        self.block(2);
        if self.inline {
            return;
        }
        if self.lists.len() >= MAX_FRAMES {
            self.lists_beyond += 1;
            return;
        }
        let (next, step, held) = match (ordered, start, reversed) {
            (true, None, true) => {
                let hold = self.hold.get_or_insert_with(|| Hold {
                    buf: String::new(),
                    base: self.len,
                    slots: Vec::new(),
                    counts: Vec::new(),
                    open: 0,
                });
                hold.open += 1;
                hold.counts.push(0);
                (0, -1, Some(hold.counts.len() - 1))
            }
            (_, start, reversed) => (start.unwrap_or(1), if reversed { -1 } else { 1 }, None),
        };
        self.lists.push(List {
            ordered,
            next,
            step,
            held,
        });
    }

    pub(crate) fn list_end(&mut self) {
        if !self.inline && self.lists_beyond > 0 {
            self.lists_beyond -= 1;
            self.marker = None;
        } else if !self.inline
            && let Some(list) = self.lists.pop()
        {
            self.marker = None;
            if list.held.is_some()
                && let Some(hold) = &mut self.hold
            {
                hold.open -= 1;
                if hold.open == 0 {
                    self.release_hold();
                }
            }
        }
        self.block(2);
    }

    /// `<li>`, with its `value` attribute.
    pub(crate) fn item_start(&mut self, value: Option<i64>) {
        self.block(1);
        if self.inline {
            return;
        }
        let marker = match self.lists.last_mut() {
            None => Marker::Bullet,
            Some(_) if self.lists_beyond > 0 => Marker::Bullet,
            Some(list) if !list.ordered => Marker::Bullet,
            Some(List {
                held: Some(held), ..
            }) => {
                let held = *held;
                match &mut self.hold {
                    Some(hold) => {
                        let index = hold.counts[held];
                        hold.counts[held] += 1;
                        Marker::Held { list: held, index }
                    }
                    None => Marker::Bullet,
                }
            }
            Some(list) => {
                let n = value.unwrap_or(list.next);
                list.next = n.saturating_add(list.step);
                Marker::Number(n)
            }
        };
        self.marker = Some(marker);
    }

    pub(crate) fn item_end(&mut self) {
        self.marker = None;
        self.block(1);
    }

    pub(crate) fn table_start(&mut self) {
        self.block(2);
        if self.tables.len() >= MAX_FRAMES {
            self.tables_beyond += 1;
            return;
        }
        self.tables.push(Table {
            cells: 0,
            in_cell: false,
            cell_len: 0,
            broke: false,
        });
    }

    pub(crate) fn table_end(&mut self) {
        self.end_cell_break();
        if self.tables_beyond > 0 {
            self.tables_beyond -= 1;
        } else {
            self.tables.pop();
        }
        self.tabs = 0;
        self.block(2);
    }

    /// `<tr>` or `</tr>`.
    pub(crate) fn row(&mut self) {
        self.end_cell_break();
        if let Some(t) = self.tables.last_mut() {
            t.cells = 0;
            t.in_cell = false;
        }
        self.tabs = 0;
        self.block(1);
    }

    /// `<td>` or `<th>`.
    pub(crate) fn cell_start(&mut self) {
        self.end_cell_break();
        let len = self.len;
        match self.tables.last_mut() {
            Some(t) => {
                t.in_cell = true;
                t.cell_len = len;
                t.cells += 1;
                if t.cells > 1 {
                    if self.inline {
                        self.space = true;
                    } else {
                        self.tabs += 1;
                    }
                }
            }
            None => self.space = true,
        }
    }

    /// `</td>` or `</th>`.
    pub(crate) fn cell_end(&mut self) {
        self.end_cell_break();
        if let Some(t) = self.tables.last_mut() {
            t.in_cell = false;
        }
    }

    // ---- links ----

    /// `<a href>`; a link still open is closed first, as browsers do.
    pub(crate) fn link_start(&mut self, href: Text<'a>) {
        self.link_end();
        self.link = Some(OpenLink { href, range: None });
    }

    /// `</a>`: records the link if it has content.
    pub(crate) fn link_end(&mut self) {
        if let Some(OpenLink {
            href,
            range: Some((start, end)),
        }) = self.link.take()
        {
            self.links.push(TextLink {
                range: start..end,
                href,
            });
        }
    }

    // ---- the end ----

    /// Writes the numbers of the held lists and sends the held output on.
    fn release_hold(&mut self) {
        let Some(hold) = self.hold.take() else {
            return;
        };
        let mut out = String::with_capacity(hold.buf.len() + 8 * hold.slots.len());
        // (position in the output before, bytes inserted up to there)
        let mut shifts = Vec::with_capacity(hold.slots.len());
        let mut prev = 0;
        for &(at, list, index) in &hold.slots {
            out.push_str(&hold.buf[prev..at]);
            let mut buf = [0u8; 24];
            let n = i64::from(hold.counts[list]) - i64::from(index);
            out.push_str(format_int(n, &mut buf));
            shifts.push((hold.base + at, out.len() - at));
            prev = at;
        }
        out.push_str(&hold.buf[prev..]);
        let inserted = out.len() - hold.buf.len();
        let shift = |pos: usize| -> usize {
            // Bytes inserted at or before `pos`.
            match shifts.partition_point(|&(p, _)| p <= pos) {
                0 => 0,
                k => shifts[k - 1].1,
            }
        };
        // Links are in output order: those that end in the held output are
        // the last ones (going through all of them made many reversed lists
        // after many links quadratic).
        for link in self.links.iter_mut().rev() {
            if link.range.end <= hold.base {
                break;
            }
            link.range = link.range.start + shift(link.range.start)
                ..link.range.end + shift(link.range.end.saturating_sub(1));
        }
        if let Some(OpenLink { range: Some(r), .. }) = &mut self.link {
            *r = (r.0 + shift(r.0), r.1 + shift(r.1.saturating_sub(1)));
        }
        self.dest.push(&out, None);
        self.len += inserted;
        self.last_end = None;
    }

    /// Closes what is open and returns the destination and the links.
    pub(crate) fn finish(mut self) -> (Dest<'o, 'a>, Vec<TextLink<'a>>) {
        self.link_end();
        if self.hold.is_some() {
            self.release_hold();
        }
        (self.dest, self.links)
    }
}

impl<'a> Layout<'a> for Writer<'_, 'a> {
    #[inline]
    fn text(&mut self, s: &str, at: Option<usize>) {
        Writer::text(self, s, at);
    }

    #[inline]
    fn wants_location(&self) -> bool {
        Writer::wants_location(self)
    }

    #[inline]
    fn tag_seen(&mut self) {
        self.skip_lf = false;
    }

    fn start<A: Attrs + ?Sized>(&mut self, role: Role, tag: &TagView<'_, A>) {
        match role {
            Role::Inline(_) | Role::A | Role::Skip(_) => {}
            Role::Block(_) => self.block(2),
            Role::Line => self.block(1),
            Role::Br => self.line_break(),
            Role::List(ordered) => {
                let start = tag.attrs.attr("start").and_then(parse_int);
                let reversed = tag.attrs.attr("reversed").is_some();
                self.list_start(ordered, start, reversed);
            }
            Role::Item => self.item_start(tag.attrs.attr("value").and_then(parse_int)),
            Role::Table => self.table_start(),
            Role::Row => self.row(),
            Role::Cell => self.cell_start(),
            Role::Pre | Role::RawPre | Role::Plaintext => self.pre_start(),
            Role::Img => {
                if self.image_alt
                    && let Some(alt) = tag.attrs.attr("alt")
                {
                    let alt = alt.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\u{a0}');
                    if !alt.is_empty() {
                        self.literal("[");
                        Writer::text(self, alt, None);
                        self.literal("]");
                    }
                }
            }
        }
    }

    fn end(&mut self, role: Role) {
        match role {
            Role::Inline(_) | Role::Img | Role::Skip(_) | Role::A => {}
            Role::Block(_) => self.block(2),
            Role::Line => self.block(1),
            // `</br>` is a `<br>` to browsers.
            Role::Br => self.line_break(),
            Role::List(_) => self.list_end(),
            Role::Item => self.item_end(),
            Role::Table => self.table_end(),
            Role::Row => self.row(),
            Role::Cell => self.cell_end(),
            Role::Pre | Role::RawPre | Role::Plaintext => self.pre_end(),
        }
    }

    fn link_start(&mut self, href: Text<'a>, _: Option<&str>) {
        Writer::link_start(self, href);
    }

    fn link_end(&mut self) {
        Writer::link_end(self);
    }

    #[inline]
    fn in_pre(&self) -> bool {
        self.pre > 0
    }

    #[inline]
    fn pre_closed(&mut self) {
        // Text after a `pre` the tree builder closed without its end tag
        // (`<div><pre>a</div> b`) is collapsed again.
        self.pre = 0;
    }
}

/// Writes `n` in decimal into `buf`.
fn format_int(n: i64, buf: &mut [u8; 24]) -> &str {
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

impl fmt::Debug for Writer<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Writer")
            .field("len", &self.len)
            .field("space", &self.space)
            .field("breaks", &self.breaks)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::format_int;

    #[test]
    fn format_int_writes_decimal() {
        let mut buf = [0u8; 24];
        assert_eq!(format_int(0, &mut buf), "0");
        assert_eq!(format_int(-12, &mut buf), "-12");
        assert_eq!(format_int(i64::MIN, &mut buf), "-9223372036854775808");
    }
}
