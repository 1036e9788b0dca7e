//! Which elements are open, as a browser's tree builder would have them,
//! without building a tree: enough to know what is shown.
//!
//! An element dropped with its content (`<svg>`, `<select>`, `<template>`,
//! a `hidden` one) does not always end at its own end tag. A browser ends
//! an `<svg>` at `<p>` and the other HTML tags that break out of foreign
//! content, a `<select>` at another `<select>` or an `<input>`, any of
//! them at the end tag of an element open around it (`</div>`, `</td>`),
//! and puts a hidden `<b>` or `<a>` that a `</p>` closed back around the
//! text after it. An element left open must not take the rest of the post
//! with it, nor a closed one leak its content, so the sink keeps this
//! model of the tree builder's stack of open elements and list of active
//! formatting elements, with the rules of the HTML standard's "in body"
//! insertion mode (as html5ever implements them), foreign content (SVG and
//! MathML, with their integration points), the parts of the table modes
//! that close and imply elements (a `<template>` whose content begins
//! with a table part takes the parts that one would), the markers that
//! cells, captions, objects and templates put in the list of active
//! formatting elements (cleared once each when they end, as the tree
//! builder does), and the adoption agency's effect on the stack. Each
//! element is marked with whether it hides its content and which link it
//! is; what comes while a marked element is open is hidden, or in that
//! link.
//!
//! What a table foster parents (text and elements where a table part is
//! current) is marked, so that only what is open around the table hides
//! it; a `<form>` follows the form element pointer.
//!
//! Not modelled: the tree itself, so what the adoption agency or foster
//! parenting moves after it was read stays where it was read (the tests'
//! oracle counts such inputs). The stack keeps `MAX_OPEN` elements;
//! deeper ones are only counted, so memory does not grow with hostile
//! nesting.

use html5ever::{LocalName, local_name};

use super::tags::{Role, is_void, role_of};

/// The most elements kept; deeper ones are counted in `beyond`.
const MAX_OPEN: usize = 512;

/// An element's namespace, and for foreign ones whether HTML is read
/// inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Html,
    Svg,
    /// SVG `foreignObject`, `desc`, `title`: HTML integration points.
    SvgPoint,
    MathMl,
    /// MathML `mi`, `mo`, `mn`, `ms`, `mtext`: text integration points.
    MathText,
    /// MathML `annotation-xml` whose `encoding` is HTML: an HTML
    /// integration point.
    MathHtml,
}

impl Kind {
    fn is_foreign(self) -> bool {
        self != Kind::Html
    }
}

#[derive(Debug, Clone)]
struct Open {
    name: LocalName,
    kind: Kind,
    /// Tells this element from others of its name (the adoption agency
    /// moves and copies elements).
    id: u32,
    /// Whether it is never shown, with its content (its own attribute or
    /// role).
    hides: bool,
    /// The link it is (an `a` with an `href`): a number the sink gives,
    /// kept by the copies the tree builder makes; 0 for none.
    link: u32,
    /// Opened where a table part was current, so foster parented: in the
    /// tree it is before the table, not inside it, and what hides the
    /// table does not hide it.
    fostered: bool,
    /// Its parent in the tree hides its content but left the stack before
    /// it: it is hidden too, and so is what a table foster parents beside
    /// it (in that parent), until the adoption agency moves it out.
    parent_hides: bool,
    /// For a `<template>`: which table part its content began with, which
    /// decides the table parts it takes directly.
    content: TemplateContent,
}

/// What a `<template>`'s content began with: the tree builder's "current
/// template insertion mode".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TemplateContent {
    /// Nothing yet but text and what goes in a head.
    Undecided,
    /// Anything else: no table part is taken directly.
    Body,
    /// A caption, column group or row group: the template is a table.
    Table,
    /// A `<col>`: the template takes `<col>` and nothing else.
    Columns,
    /// A row: the template is a row group.
    Rows,
    /// A cell: the template is a row.
    Cells,
}

impl TemplateContent {
    /// What the first start tag `name` makes of an undecided template.
    fn begun_with(name: &str) -> Self {
        match name {
            "caption" | "colgroup" | "tbody" | "tfoot" | "thead" => Self::Table,
            "col" => Self::Columns,
            "tr" => Self::Rows,
            "td" | "th" => Self::Cells,
            "base" | "basefont" | "bgsound" | "link" | "meta" | "noframes" | "script" | "style"
            | "template" | "title" => Self::Undecided,
            _ => Self::Body,
        }
    }

    /// The table element the template stands for, if any.
    fn stands_for(self) -> Option<&'static str> {
        match self {
            Self::Table => Some("table"),
            Self::Rows => Some("tbody"),
            Self::Cells => Some("tr"),
            _ => None,
        }
    }
}

/// An entry in the list of active formatting elements.
#[derive(Debug, Clone)]
enum Entry {
    /// A cell, caption, `object`, `applet`, `marquee` or `template` began.
    Marker,
    /// A formatting element, and what its copies are to be.
    Element(Open),
}

/// How the tree builder took a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Taken {
    /// As HTML: the element's role applies, and a raw-text element switches
    /// the tokenizer.
    Html,
    /// As an SVG or MathML element: no role, and its content is read as
    /// markup whatever its name.
    Foreign,
    /// Not at all (`<html>`, `<body>`, `<head>`, table parts outside a
    /// table, a `<select>` inside a `<select>`, which only closes it).
    Ignored,
}

/// The stack of open elements and the list of active formatting
/// elements; see the module docs.
#[derive(Debug, Default)]
pub(crate) struct OpenElements {
    stack: Vec<Open>,
    /// Elements open past `MAX_OPEN`.
    beyond: usize,
    /// The list of active formatting elements, which the tree builder
    /// copies back into the stack when something closed them early.
    active: Vec<Entry>,
    /// How many elements in `stack` hide their content.
    hiding: usize,
    /// How many elements in `stack` are links.
    links: usize,
    /// How many elements in `stack` are foster parented.
    fostered: usize,
    /// Past `MAX_OPEN`: the depth (in `beyond`) of the outermost element
    /// there that hides its content.
    beyond_hiding: Option<usize>,
    /// The id of the last element opened.
    last_id: u32,
    /// An element of `active` may have left the stack.
    reconstruct_due: bool,
    /// The tree builder's form element pointer: the id of the last `<form>`
    /// opened outside a `<template>`, until a `</form>`. While it is set,
    /// another `<form>` is ignored, even after the first one left the
    /// stack without its end tag.
    form: Option<u32>,
}

/// HTML start tags that break out of foreign content.
fn breaks_out(name: &LocalName) -> bool {
    matches!(
        &**name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// The standard's "special" elements (html5ever's list: HTML ones only).
fn is_special(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "isindex"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

/// Start tags that close an open `<p>` (in button scope) first.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "menu"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "listing"
            | "form"
            | "li"
            | "dd"
            | "dt"
            | "plaintext"
            | "xmp"
            | "table"
            | "hr"
    )
}

/// End tags that close their element when it is in scope (generating
/// implied end tags first).
fn closes_in_scope(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "pre"
            | "search"
            | "section"
            | "select"
            | "summary"
            | "ul"
            | "applet"
            | "marquee"
            | "object"
            | "dd"
            | "dt"
    )
}

fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// Whether `text` is all HTML whitespace, which a table keeps in place.
fn is_whitespace(text: &str) -> bool {
    text.bytes()
        .all(|c| matches!(c, b' ' | b'\t' | b'\n' | 0x0C | b'\r'))
}

/// Elements that put a marker in the list of active formatting elements.
fn is_marker(name: &str) -> bool {
    matches!(
        name,
        "td" | "th" | "caption" | "object" | "applet" | "marquee" | "template"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose end is implied by the end of their parent.
fn is_implied_end(name: &str) -> bool {
    matches!(
        name,
        "dd" | "dt" | "li" | "option" | "optgroup" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

/// Elements the table modes put in the table where a table part is current
/// (the others are foster parented).
fn stays_in_table(name: &str) -> bool {
    is_table_part(name) || matches!(name, "table" | "script" | "style" | "template")
}

fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
    )
}

/// Which scope a search for an element stops at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Default,
    ListItem,
    Button,
    Table,
}

impl Open {
    fn is_html(&self, name: &str) -> bool {
        self.kind == Kind::Html && &*self.name == name
    }

    /// A table, row group or row: what a table cannot hold is foster
    /// parented where one is current.
    fn is_table_part(&self) -> bool {
        self.kind == Kind::Html
            && matches!(&*self.name, "table" | "tbody" | "thead" | "tfoot" | "tr")
    }

    fn bounds(&self, scope: Scope) -> bool {
        match self.kind {
            Kind::Html => {
                let n = &*self.name;
                match scope {
                    Scope::Table => matches!(n, "html" | "table" | "template"),
                    _ => {
                        matches!(
                            n,
                            "applet"
                                | "caption"
                                | "html"
                                | "table"
                                | "td"
                                | "th"
                                | "marquee"
                                | "object"
                                | "select"
                                | "template"
                        ) || (scope == Scope::ListItem && matches!(n, "ol" | "ul"))
                            || (scope == Scope::Button && n == "button")
                    }
                }
            }
            // html5ever leaves `annotation-xml` out of its scopes.
            Kind::SvgPoint | Kind::MathText => scope != Scope::Table,
            _ => false,
        }
    }
}

impl OpenElements {
    /// Whether an element that lays its text out as it is written (`pre`,
    /// `listing`, `xmp`, `plaintext`) is open: `false` once the tree
    /// builder has closed the last one, by its end tag or by another's
    /// (`</div>`, `<td>`, `</li>`). Past the depth kept, `true`. A search
    /// of the stack: asked only while a layout is in such an element.
    pub(crate) fn pre_open(&self) -> bool {
        self.beyond > 0
            || self.stack.iter().any(|o| {
                o.kind == Kind::Html
                    && matches!(role_of(&o.name), Role::Pre | Role::RawPre | Role::Plaintext)
            })
    }

    /// Whether an open element hides what comes now.
    #[inline]
    pub(crate) fn hiding(&self) -> bool {
        if self.fostered == 0 || self.beyond > 0 {
            return self.hiding > 0 || self.beyond_hiding.is_some();
        }
        self.hiding > 0 && self.hidden_below(self.stack.len())
    }

    /// Whether text that comes now is hidden: as [`Self::hiding`], but
    /// text that is not all whitespace is foster parented where a table
    /// part is current.
    #[inline]
    pub(crate) fn hides_text(&self, text: &str) -> bool {
        self.hides_placed(|| !is_whitespace(text))
    }

    /// Whether the void element `name` that starts now is hidden: as
    /// [`Self::hiding`], but a table fosters it (a `<col>` excepted) where
    /// a table part is current.
    #[inline]
    pub(crate) fn hides_void(&self, name: &str) -> bool {
        self.hides_placed(|| !stays_in_table(name))
    }

    /// Whether what comes now is hidden, where a table part is current and
    /// `fostered` says the table fosters it: then only what is open around
    /// the table can hide it. `fostered` is asked only then. Inlined: its
    /// first test is all most text and tags need.
    #[inline(always)]
    fn hides_placed(&self, fostered: impl FnOnce() -> bool) -> bool {
        if self.hiding > 0 && self.table_part_current() && fostered() {
            return self.hidden_beside_table(self.stack.len());
        }
        self.hiding()
    }

    /// Whether an element of `stack[..end]` hides what is inside the
    /// element at `end - 1`, in the tree: a foster-parented element's
    /// parent is what holds its table, not the table.
    fn hidden_below(&self, mut end: usize) -> bool {
        while end > 0 {
            let open = &self.stack[end - 1];
            if open.hides || open.parent_hides {
                return true;
            }
            if open.fostered {
                return self.hidden_beside_table(end - 1);
            }
            end -= 1;
        }
        false
    }

    /// Whether what is foster parented beside the last `<table>` of
    /// `stack[..end]` (before it, in its parent) is hidden. Where a
    /// `<template>` is nearer than any table, it goes in the template.
    fn hidden_beside_table(&self, end: usize) -> bool {
        let holder = self.stack[..end]
            .iter()
            .rposition(|o| o.is_html("table") || o.is_html("template"));
        match holder {
            Some(t) if self.stack[t].is_html("template") => self.hidden_below(t + 1),
            Some(t) => self.stack[t].parent_hides || self.hidden_below(t),
            None => false,
        }
    }

    /// Whether the current node is a table, a row group or a row, where the
    /// tree builder foster parents what a table cannot hold.
    fn table_part_current(&self) -> bool {
        self.beyond == 0 && self.stack.last().is_some_and(Open::is_table_part)
    }

    /// The link the text that comes now is in: the nearest open `a` with
    /// an `href` (0 for none).
    #[inline]
    pub(crate) fn link(&self) -> u32 {
        if self.links == 0 {
            return 0;
        }
        self.stack
            .iter()
            .rev()
            .find(|o| o.link != 0)
            .map_or(0, |o| o.link)
    }

    /// Whether the current node is an SVG or MathML element that is not
    /// an integration point (CDATA sections are read as text there, and
    /// text puts no formatting element back).
    pub(crate) fn in_foreign(&self) -> bool {
        self.beyond == 0
            && self
                .stack
                .last()
                .is_some_and(|o| matches!(o.kind, Kind::Svg | Kind::MathMl | Kind::MathHtml))
    }

    /// Before `text`: the formatting elements something closed early are
    /// put back, as the tree builder does before inserting it; but
    /// whitespace where a table part is current goes into the table, with
    /// nothing put back. Returns whether anything was put back: only then
    /// can the text's link differ from the last tag's.
    #[inline]
    pub(crate) fn before_text(&mut self, text: &str) -> bool {
        if self.reconstruct_due
            && !self.in_foreign()
            && !(self.table_part_current() && is_whitespace(text))
        {
            self.reconstruct();
            return true;
        }
        false
    }

    fn push(&mut self, name: &LocalName, kind: Kind, hides: bool, link: u32) {
        if self.stack.len() >= MAX_OPEN || self.beyond > 0 {
            self.beyond += 1;
            if hides && self.beyond_hiding.is_none() {
                self.beyond_hiding = Some(self.beyond);
            }
            return;
        }
        self.last_id = self.last_id.wrapping_add(1);
        self.hiding += usize::from(hides);
        self.links += usize::from(link != 0);
        let fostered = self.table_part_current() && !stays_in_table(name);
        self.fostered += usize::from(fostered);
        self.stack.push(Open {
            name: name.clone(),
            kind,
            id: self.last_id,
            hides,
            link,
            fostered,
            parent_hides: false,
            content: TemplateContent::Undecided,
        });
    }

    /// Bookkeeping for an element leaving the stack.
    fn left(&mut self, open: &Open) {
        self.hiding -= usize::from(open.hides || open.parent_hides);
        self.links -= usize::from(open.link != 0);
        self.fostered -= usize::from(open.fostered);
        if !self.active.is_empty() {
            self.reconstruct_due = true;
        }
    }

    fn pop(&mut self) {
        if self.beyond > 0 {
            self.beyond -= 1;
            if self.beyond_hiding.is_some_and(|depth| self.beyond < depth) {
                self.beyond_hiding = None;
            }
        } else if let Some(open) = self.stack.pop() {
            self.left(&open);
        }
    }

    /// Closes the elements from index `i` on.
    fn truncate(&mut self, i: usize) {
        self.beyond = 0;
        self.beyond_hiding = None;
        while self.stack.len() > i {
            self.pop();
        }
    }

    /// Drops the list of active formatting elements back to its last
    /// marker, with the marker: the formatting elements opened inside a
    /// cell, caption, `object` or `template` stay inside it. The tree
    /// builder does this once when one of them ends, however many markers
    /// the elements it pops pushed (a `<td>` inside a `<template>` leaves
    /// one behind).
    fn clear_to_marker(&mut self) {
        while let Some(entry) = self.active.pop() {
            if matches!(entry, Entry::Marker) {
                break;
            }
        }
    }

    /// Takes the element at `i` out of the stack, leaving those above it.
    /// With `stays_parent`, the element above it is still its child in the
    /// tree, so what it hides that one hides, and what comes in that one is
    /// in its link (unless in a nearer one).
    fn remove(&mut self, i: usize, stays_parent: bool) {
        let open = self.stack.remove(i);
        if stays_parent && let Some(child) = self.stack.get_mut(i) {
            if (open.hides || open.parent_hides) && !child.parent_hides {
                self.hiding += usize::from(!child.hides);
                child.parent_hides = true;
            }
            if open.link != 0 && child.link == 0 {
                child.link = open.link;
                self.links += 1;
            }
            if open.fostered && !child.fostered {
                child.fostered = true;
                self.fostered += 1;
            }
        }
        self.left(&open);
    }

    fn index_of(&self, id: u32) -> Option<usize> {
        self.stack.iter().rposition(|o| o.id == id)
    }

    /// The index of the HTML element `name` if it is in `scope`.
    fn in_scope(&self, name: &str, scope: Scope) -> Option<usize> {
        for (i, open) in self.stack.iter().enumerate().rev() {
            if open.is_html(name) {
                return Some(i);
            }
            if open.bounds(scope) {
                return None;
            }
        }
        None
    }

    /// Whether the element at `i` is in the default scope.
    fn index_in_scope(&self, i: usize) -> bool {
        !self.stack[i + 1..].iter().any(|o| o.bounds(Scope::Default))
    }

    fn current_is(&self, name: &str) -> bool {
        self.beyond == 0 && self.stack.last().is_some_and(|o| o.is_html(name))
    }

    /// Pops the elements whose end is implied, but `except`.
    fn implied_ends(&mut self, except: &str) {
        while self.beyond == 0
            && let Some(top) = self.stack.last()
            && top.kind == Kind::Html
            && is_implied_end(&top.name)
            && &*top.name != except
        {
            self.pop();
        }
    }

    /// Closes the `p` in button scope, if there is one.
    fn close_p(&mut self) {
        if let Some(i) = self.in_scope("p", Scope::Button) {
            self.truncate(i);
        }
    }

    /// The index in `active` of the formatting element `name` after the
    /// last marker.
    fn active_entry(&self, name: &str) -> Option<usize> {
        for (i, entry) in self.active.iter().enumerate().rev() {
            match entry {
                Entry::Marker => return None,
                Entry::Element(open) if &*open.name == name => return Some(i),
                Entry::Element(_) => {}
            }
        }
        None
    }

    fn is_active(&self, id: u32) -> bool {
        self.active
            .iter()
            .any(|e| matches!(e, Entry::Element(o) if o.id == id))
    }

    /// Puts back the formatting elements after the last marker that are no
    /// longer open, as copies (the tree builder's "reconstruct the active
    /// formatting elements").
    fn reconstruct(&mut self) {
        self.reconstruct_due = false;
        let mut first = self.active.len();
        while first > 0 {
            match &self.active[first - 1] {
                Entry::Marker => break,
                Entry::Element(open) if self.index_of(open.id).is_some() => break,
                Entry::Element(_) => first -= 1,
            }
        }
        for i in first..self.active.len() {
            if let Entry::Element(open) = &self.active[i] {
                let open = open.clone();
                self.push(&open.name, Kind::Html, open.hides, open.link);
                if self.beyond == 0
                    && let Entry::Element(entry) = &mut self.active[i]
                {
                    entry.id = self.last_id;
                }
            }
        }
    }

    /// A start tag; `attr` gives its attributes by name. `hides`: the
    /// element is never shown, with its content; `link`: it is that link.
    pub(crate) fn start<'t>(
        &mut self,
        name: &LocalName,
        self_closing: bool,
        attr: impl Fn(&str) -> Option<&'t str>,
        hides: bool,
        link: u32,
    ) -> Taken {
        if self.beyond > 0 {
            if !is_void(name) {
                self.push(name, Kind::Html, hides, link);
            }
            return Taken::Html;
        }
        let html_rules = match self.stack.last() {
            None => true,
            Some(top) => match top.kind {
                Kind::Html | Kind::SvgPoint | Kind::MathHtml => true,
                Kind::MathText => !matches!(&**name, "mglyph" | "malignmark"),
                Kind::MathMl => &*top.name == "annotation-xml" && *name == local_name!("svg"),
                Kind::Svg => false,
            },
        };
        if html_rules {
            if *name == local_name!("input")
                && self.in_table_mode()
                && attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden"))
            {
                // The table modes put a hidden input where it stands: it
                // ends no `<select>` open there, as any other input would.
                return Taken::Html;
            }
            return self.start_html(name, self_closing, hides, link);
        }
        let font_breaks = *name == local_name!("font")
            && ["color", "face", "size"].iter().any(|a| attr(a).is_some());
        if breaks_out(name) || font_breaks {
            self.pop_foreign();
            return self.start_html(name, self_closing, hides, link);
        }
        let in_svg = self
            .stack
            .last()
            .is_some_and(|t| matches!(t.kind, Kind::Svg | Kind::SvgPoint));
        if !self_closing {
            let kind = foreign_kind(name, in_svg, &attr);
            self.push(name, kind, false, 0);
        }
        Taken::Foreign
    }

    /// A `<form>` start tag: ignored while the form element pointer is set
    /// (outside a `<template>`); in a table mode put in place and closed at
    /// once, so nothing after it is inside it.
    fn start_form(&mut self, name: &LocalName, hides: bool, link: u32) -> Taken {
        let in_template = self.stack.iter().any(|o| o.is_html("template"));
        if self.form.is_some() && !in_template {
            return Taken::Ignored;
        }
        if self.in_table_mode() {
            if in_template {
                return Taken::Ignored;
            }
            self.last_id = self.last_id.wrapping_add(1);
            self.form = Some(self.last_id);
            return Taken::Html;
        }
        self.close_p();
        self.push(name, Kind::Html, hides, link);
        if self.beyond > 0 {
            // Only counted: an id no element on the stack has.
            self.last_id = self.last_id.wrapping_add(1);
        }
        if !in_template {
            self.form = Some(self.last_id);
        }
        Taken::Html
    }

    /// A `</form>` end tag: outside a `<template>` it ends the form the
    /// pointer names (taking it off the stack, what was opened inside it
    /// staying open) and clears the pointer; inside one, it closes the
    /// nearest form in scope.
    fn end_form(&mut self) {
        if !self.stack.iter().any(|o| o.is_html("template")) {
            let Some(i) = self.form.take().and_then(|id| self.index_of(id)) else {
                return;
            };
            if self.index_in_scope(i) {
                self.implied_ends("");
                self.remove(i, true);
            }
        } else if let Some(i) = self.in_scope("form", Scope::Default) {
            self.implied_ends("");
            self.truncate(i);
        }
    }

    /// Pops foreign elements until an HTML element or an integration point
    /// is current.
    fn pop_foreign(&mut self) {
        while let Some(top) = self.stack.last() {
            // html5ever stops at these, not at an HTML `annotation-xml`.
            if matches!(top.kind, Kind::Html | Kind::SvgPoint | Kind::MathText) {
                break;
            }
            self.pop();
        }
    }

    fn start_html(
        &mut self,
        name: &LocalName,
        self_closing: bool,
        hides: bool,
        link: u32,
    ) -> Taken {
        let n: &str = name;
        if let Some(top) = self.stack.last_mut()
            && top.is_html("template")
        {
            match top.content {
                TemplateContent::Undecided => top.content = TemplateContent::begun_with(n),
                // Only a `<col>` or a `<template>` goes in a template of
                // columns; the rest is dropped, as in a column group.
                TemplateContent::Columns if !matches!(n, "col" | "template") => {
                    return Taken::Ignored;
                }
                _ => {}
            }
        }
        match n {
            "html" | "body" | "head" | "frameset" | "frame" => return Taken::Ignored,
            "svg" | "math" => {
                self.reconstruct();
                if !self_closing {
                    let kind = if n == "svg" { Kind::Svg } else { Kind::MathMl };
                    self.push(name, kind, hides, 0);
                }
                return Taken::Foreign;
            }
            _ => {}
        }
        if is_table_part(n) {
            return self.start_table_part(name, hides);
        }
        if n == "table" && self.in_table_mode() {
            // A table directly in a table ends the first one; in a
            // template standing for a table part, with no table to end, it
            // is ignored.
            match self.in_scope("table", Scope::Table) {
                Some(i) => self.truncate(i),
                None => return Taken::Ignored,
            }
        }
        if n == "form" {
            return self.start_form(name, hides, link);
        }
        if closes_p(n) {
            match n {
                "li" => self.close_item(&["li"]),
                "dd" | "dt" => self.close_item(&["dd", "dt"]),
                _ => {}
            }
            self.close_p();
            if is_heading(n)
                && self
                    .stack
                    .last()
                    .is_some_and(|o| o.kind == Kind::Html && is_heading(&o.name))
            {
                self.pop();
            }
            if n == "hr" {
                if self.in_scope("select", Scope::Default).is_some() {
                    self.implied_ends("");
                }
                return Taken::Html;
            }
            self.push(name, Kind::Html, hides, link);
            return Taken::Html;
        }
        match n {
            "button" => {
                if let Some(i) = self.in_scope("button", Scope::Default) {
                    self.implied_ends("");
                    self.truncate(i);
                }
            }
            "select" => {
                if let Some(i) = self.in_scope("select", Scope::Default) {
                    // A select in a select only closes the first.
                    self.truncate(i);
                    return Taken::Ignored;
                }
            }
            "input" => {
                if let Some(i) = self.in_scope("select", Scope::Default) {
                    self.truncate(i);
                }
            }
            "option" | "optgroup" => {
                if self.in_scope("select", Scope::Default).is_some() {
                    self.implied_ends(if n == "option" { "optgroup" } else { "" });
                } else if self.current_is("option") {
                    self.pop();
                }
            }
            "a" => {
                // A link still open ends where the new one starts (out of
                // scope, it only leaves the stack).
                if let Some(e) = self.active_entry("a")
                    && let Entry::Element(old) = &self.active[e]
                {
                    let id = old.id;
                    self.adoption_agency("a");
                    if let Some(e) = self
                        .active
                        .iter()
                        .rposition(|entry| matches!(entry, Entry::Element(o) if o.id == id))
                    {
                        self.active.remove(e);
                    }
                    if let Some(i) = self.index_of(id) {
                        // Out of scope: the table opened inside it stays
                        // inside it.
                        self.remove(i, true);
                    }
                }
            }
            "rb" | "rtc" if self.in_scope("ruby", Scope::Default).is_some() => {
                self.implied_ends("");
            }
            "rp" | "rt" if self.in_scope("ruby", Scope::Default).is_some() => {
                self.implied_ends("rtc");
            }
            _ => {}
        }
        if reconstructs(n) {
            self.reconstruct();
        }
        if n == "nobr" && self.in_scope("nobr", Scope::Default).is_some() {
            self.adoption_agency("nobr");
            self.reconstruct();
        }
        if is_void(n) {
            return Taken::Html;
        }
        self.push(name, Kind::Html, hides, link);
        if self.beyond == 0 {
            if is_formatting(n) {
                self.add_formatting();
            } else if is_marker(n) {
                self.active.push(Entry::Marker);
            }
        }
        Taken::Html
    }

    /// Adds the formatting element just opened to the list; of three or
    /// more alike since the last marker, the first leaves it.
    fn add_formatting(&mut self) {
        let Some(top) = self.stack.last().cloned() else {
            return;
        };
        let mut alike = Vec::new();
        for (i, entry) in self.active.iter().enumerate().rev() {
            match entry {
                Entry::Marker => break,
                Entry::Element(o)
                    if o.name == top.name && o.hides == top.hides && o.link == top.link =>
                {
                    alike.push(i)
                }
                Entry::Element(_) => {}
            }
        }
        if alike.len() >= 3
            && let Some(&first) = alike.last()
        {
            self.active.remove(first);
        }
        self.active.push(Entry::Element(top));
    }

    /// `<li>`, `<dd>`, `<dt>`: closes an open one of `closes`, looking
    /// back past anything but special elements (other than `address`,
    /// `div` and `p`).
    fn close_item(&mut self, closes: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let open = &self.stack[i];
            if open.kind == Kind::Html && closes.contains(&&*open.name) {
                let name = open.name.clone();
                self.implied_ends(&name);
                self.truncate(i);
                return;
            }
            if open.kind == Kind::Html
                && is_special(&open.name)
                && !matches!(&*open.name, "address" | "div" | "p")
            {
                return;
            }
        }
    }

    /// Whether the tree builder is in a table insertion mode (not in a
    /// cell or caption), where what is not a table part is foster parented
    /// (inside a template standing for a table part, into the template).
    fn in_table_mode(&self) -> bool {
        self.table_part_context()
            .is_some_and(|(_, part)| matches!(part, "table" | "tbody" | "thead" | "tfoot" | "tr"))
    }

    /// The nearest table, row group, row, cell or caption, or a template
    /// standing for one (a `<template>` whose content began with a table
    /// part takes table parts as that part would): its index and what it
    /// is.
    fn table_part_context(&self) -> Option<(usize, &'static str)> {
        const PARTS: [&str; 8] = [
            "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
        ];
        for (i, open) in self.stack.iter().enumerate().rev() {
            if open.kind != Kind::Html {
                continue;
            }
            match &*open.name {
                "template" => return open.content.stands_for().map(|n| (i, n)),
                "html" => return None,
                name => {
                    if let Some(part) = PARTS.iter().find(|p| **p == name) {
                        return Some((i, part));
                    }
                }
            }
        }
        None
    }

    /// A table part's start tag: ignored outside a table; otherwise it ends
    /// the cell, caption, row or row group it cannot be inside, and what
    /// was foster parented into the table, and opens the row group and
    /// row it implies. A template standing for a row group or row ignores
    /// what that part cannot hold (it has no table to end it in).
    fn start_table_part(&mut self, name: &LocalName, hides: bool) -> Taken {
        let n: &str = name;
        let boundary = self.stack.iter().rposition(|o| o.bounds(Scope::Table));
        match boundary.map(|i| &self.stack[i]) {
            Some(o) if o.is_html("table") => {}
            Some(o) if o.is_html("template") => match o.content {
                TemplateContent::Columns if n == "col" => return Taken::Html,
                TemplateContent::Table | TemplateContent::Rows | TemplateContent::Cells => {}
                _ => return Taken::Ignored,
            },
            _ => return Taken::Ignored,
        }
        while let Some((i, context)) = self.table_part_context() {
            let holds = match context {
                "td" | "th" | "caption" => false,
                "tr" => matches!(n, "td" | "th"),
                "tbody" | "thead" | "tfoot" => matches!(n, "tr" | "td" | "th"),
                _ => true,
            };
            let template = self.stack[i].is_html("template");
            if holds {
                let (table, row) = (context == "table", context == "tr");
                self.truncate(i + 1);
                if table && matches!(n, "tr" | "td" | "th") {
                    self.push(&local_name!("tbody"), Kind::Html, false, 0);
                }
                if !row && matches!(n, "td" | "th") {
                    self.push(&local_name!("tr"), Kind::Html, false, 0);
                }
                if table && n == "col" {
                    self.push(&local_name!("colgroup"), Kind::Html, false, 0);
                }
                break;
            }
            if template {
                return Taken::Ignored;
            }
            let cell = matches!(context, "td" | "th" | "caption");
            self.truncate(i);
            if cell {
                self.clear_to_marker();
            }
        }
        if n != "col" {
            self.push(name, Kind::Html, hides, 0);
            if self.beyond == 0 && is_marker(n) {
                self.active.push(Entry::Marker);
            }
        }
        Taken::Html
    }

    /// The adoption agency for the formatting element `name` (its end tag,
    /// or a new `<a>` or `<nobr>`), for its effect on the stack: the
    /// element is closed with what is above it, but a special element above
    /// it (a block) stays open, with a copy of the formatting element
    /// inside it, which the tree builder takes again (eight times at most).
    fn adoption_agency(&mut self, name: &str) {
        if self.beyond == 0
            && let Some(top) = self.stack.last()
            && top.is_html(name)
            && !self.is_active(top.id)
        {
            self.pop();
            return;
        }
        for round in 0..8 {
            let Some(e) = self.active_entry(name) else {
                if round == 0 {
                    self.end_other(name);
                }
                return;
            };
            let Entry::Element(formatting) = &self.active[e] else {
                return;
            };
            let formatting = formatting.clone();
            let Some(i) = self.index_of(formatting.id) else {
                self.active.remove(e);
                return;
            };
            if !self.index_in_scope(i) {
                return;
            }
            let block = (i + 1..self.stack.len()).find(|&j| {
                let o = &self.stack[j];
                o.kind == Kind::Html && is_special(&o.name)
            });
            let Some(block) = block else {
                self.active.remove(e);
                self.truncate(i);
                return;
            };
            // Elements between that are not active formatting ones leave
            // the stack, and the formatting element too; its copy goes in
            // the block, and in the list in its place. A formatting
            // element more than three above the block leaves the list
            // first (the tree builder's inner loop counter).
            let mut at = block;
            let mut e = e;
            // The copy goes in the list after the formatting element
            // nearest the block that stays, if any (the tree builder's
            // bookmark): what is put back later is put back in that order.
            let mut bookmark = None;
            for j in (i + 1..block).rev() {
                let id = self.stack[j].id;
                if block - j > 3
                    && let Some(k) = self
                        .active
                        .iter()
                        .rposition(|entry| matches!(entry, Entry::Element(o) if o.id == id))
                {
                    self.active.remove(k);
                    if k < e {
                        e -= 1;
                    }
                }
                if !self.is_active(id) {
                    // The block moves out of it.
                    self.remove(j, false);
                    at -= 1;
                } else if bookmark.is_none() {
                    bookmark = Some(id);
                }
            }
            self.remove(i, false);
            at -= 1;
            // What was above it goes into the element below it (before the
            // table, when that is a table part), out of what hid it.
            let fostered = i > 0 && self.stack[i - 1].is_table_part();
            if let Some(moved) = self.stack.get_mut(i) {
                if moved.fostered != fostered {
                    moved.fostered = fostered;
                    if fostered {
                        self.fostered += 1;
                    } else {
                        self.fostered -= 1;
                    }
                }
                if moved.parent_hides {
                    moved.parent_hides = false;
                    self.hiding -= usize::from(!moved.hides);
                }
            }
            self.last_id = self.last_id.wrapping_add(1);
            // The copy goes inside the block: not foster parented.
            let copy = Open {
                id: self.last_id,
                fostered: false,
                parent_hides: false,
                ..formatting
            };
            self.hiding += usize::from(copy.hides);
            self.links += usize::from(copy.link != 0);
            self.stack.insert(at + 1, copy.clone());
            let after = bookmark.and_then(|id| {
                self.active
                    .iter()
                    .rposition(|entry| matches!(entry, Entry::Element(o) if o.id == id))
            });
            match after {
                Some(p) if p > e => {
                    self.active.remove(e);
                    self.active.insert(p, Entry::Element(copy));
                }
                Some(p) => {
                    self.active.remove(e);
                    self.active.insert(p + 1, Entry::Element(copy));
                }
                None => self.active[e] = Entry::Element(copy),
            }
        }
    }

    /// An end tag.
    pub(crate) fn end(&mut self, name: &LocalName) {
        if self.beyond > 0 {
            if !is_void(name) {
                self.pop();
            }
            return;
        }
        let foreign = self.stack.last().is_some_and(|t| t.kind.is_foreign());
        if !foreign {
            return self.end_html(name);
        }
        if *name == local_name!("p") || *name == local_name!("br") {
            self.pop_foreign();
            return self.end_html(name);
        }
        // Foreign content: closes the nearest open element of that name,
        // foreign or not, up to the first HTML element, whose rules then
        // apply.
        let mut i = self.stack.len();
        while i > 0 {
            i -= 1;
            let open = &self.stack[i];
            if open.kind == Kind::Html {
                return self.end_html(name);
            }
            if open.name.eq_ignore_ascii_case(name) {
                self.truncate(i);
                return;
            }
        }
    }

    fn end_html(&mut self, name: &LocalName) {
        let n: &str = name;
        match n {
            "html" | "body" => {}
            "br" => self.reconstruct(),
            "p" => self.close_p(),
            "li" => {
                if let Some(i) = self.in_scope("li", Scope::ListItem) {
                    self.implied_ends("li");
                    self.truncate(i);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let heading = (0..self.stack.len()).rev().find_map(|i| {
                    let o = &self.stack[i];
                    if o.kind == Kind::Html && is_heading(&o.name) {
                        Some(Some(i))
                    } else if o.bounds(Scope::Default) {
                        Some(None)
                    } else {
                        None
                    }
                });
                if let Some(Some(i)) = heading {
                    self.truncate(i);
                }
            }
            "template" => {
                if let Some(i) = self.stack.iter().rposition(|o| o.is_html("template")) {
                    self.truncate(i);
                    self.clear_to_marker();
                }
            }
            "form" => self.end_form(),
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup" => {
                if n == "table"
                    && self.in_scope(n, Scope::Table).is_none()
                    && let Some((i, "caption")) = self.table_part_context()
                {
                    // In a template standing for a table: the caption
                    // closes, and there is no table to end.
                    self.truncate(i);
                    self.clear_to_marker();
                } else if let Some(i) = self.in_scope(n, Scope::Table) {
                    // A cell or caption in the way is closed first, which
                    // clears back to its marker (at most one is open in
                    // one table).
                    let cell = self.stack[i..].iter().any(|o| {
                        matches!(&*o.name, "td" | "th" | "caption") && o.kind == Kind::Html
                    });
                    self.truncate(i);
                    if cell {
                        self.clear_to_marker();
                    }
                }
            }
            _ if closes_in_scope(n) => {
                if let Some(i) = self.in_scope(n, Scope::Default) {
                    self.implied_ends("");
                    self.truncate(i);
                    if is_marker(n) {
                        self.clear_to_marker();
                    }
                }
            }
            _ if is_formatting(n) => self.adoption_agency(n),
            _ => self.end_other(n),
        }
    }

    /// "Any other end tag": closes the nearest open element of that name
    /// unless a special element comes first.
    fn end_other(&mut self, name: &str) {
        for i in (0..self.stack.len()).rev() {
            let open = &self.stack[i];
            if open.is_html(name) {
                self.implied_ends(name);
                self.truncate(i.min(self.stack.len()));
                return;
            }
            if open.kind == Kind::Html && is_special(&open.name) {
                return;
            }
        }
    }
}

/// Start tags before which the tree builder puts back the formatting
/// elements closed early: inline content, not blocks (text does too).
fn reconstructs(name: &str) -> bool {
    !(closes_p(name)
        || is_table_part(name)
        || matches!(
            name,
            "table"
                | "html"
                | "body"
                | "head"
                | "frameset"
                | "frame"
                | "textarea"
                | "iframe"
                | "noembed"
                | "noscript"
                | "noframes"
                | "script"
                | "style"
                | "template"
                | "title"
                | "base"
                | "basefont"
                | "bgsound"
                | "link"
                | "meta"
                | "param"
                | "source"
                | "track"
                | "rb"
                | "rtc"
                | "rp"
                | "rt"
        ))
}

/// The kind of a foreign element named `name` (lowercase, as the tokenizer
/// gives it) whose parent is an SVG element (`in_svg`) or a MathML one.
fn foreign_kind<'t>(name: &str, in_svg: bool, attr: &impl Fn(&str) -> Option<&'t str>) -> Kind {
    if in_svg {
        match name {
            "foreignobject" | "desc" | "title" => Kind::SvgPoint,
            _ => Kind::Svg,
        }
    } else {
        match name {
            "mi" | "mo" | "mn" | "ms" | "mtext" => Kind::MathText,
            "annotation-xml"
                if attr("encoding").is_some_and(|e| {
                    e.eq_ignore_ascii_case("text/html")
                        || e.eq_ignore_ascii_case("application/xhtml+xml")
                }) =>
            {
                Kind::MathHtml
            }
            _ => Kind::MathMl,
        }
    }
}
