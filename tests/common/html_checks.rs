//! Checks on HTML converted to text, for the corpus, property and mutation
//! tests and the `html` fuzz target: the layout promises, and what the
//! conversion must keep.
//!
//! What it must keep comes from an independent oracle: html5ever's tree
//! builder (the HTML standard's parsing rules, as a browser applies them)
//! builds the DOM of the fragment in a `<body>`, and the text a browser
//! shows is every text node that is in the document (not in a
//! `<template>`'s content) and not inside an element that is never shown:
//! `script`, `style`, `noscript`, `template`, `title`, `textarea`,
//! `iframe`, `noembed`, `noframes`, `select`, `datalist`, any SVG or
//! MathML element, and elements with the `hidden` attribute or an inline
//! `display: none` or `visibility: hidden`. So where an element left open
//! ends (an `<svg>` at the next `<p>`, a `<select>` at the next
//! `<input>`), what a table moves or a misnested tag clones, comes from
//! the tree builder, not from the crate's own rules.
//!
//! The text is taken in the order the tree builder received it, which is
//! the input's order (a browser moves text that stray in a table before
//! the table; the crate keeps it where it was written), each piece shown
//! or not as it was when the tree builder inserted it (see
//! `shown_and_moved` for the rare inputs where it is later moved). Only letters
//! count, so that layout (collapsed whitespace, blank lines, list markers,
//! cell tabs, dropped invisible characters) does not: a conversion that
//! loses, repeats or invents a word fails.
//!
//! `inline` and `keep_nbsp` change no letter; `image_alt` adds the letters
//! of each shown image's `alt`, and `wordpress_trimmings` drops the
//! elements it names.
//!
//! The same DOM gives the links: the text inside each `<a href>`, with
//! runs of the same `href` that no other letter separates counted as one
//! link (the tree builder splits a link that holds a block into copies).

#![allow(dead_code)] // each test uses some of them

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ExpandedName, ParseOpts, QualName, local_name, ns, parse_fragment};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pressmark::html::TextOptions;

/// The alphabetic characters of `text`, in order.
pub fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphabetic()).collect()
}

/// The letters of the text in `html` that a browser shows, as the
/// conversion with `options` keeps them.
pub fn kept_letters(html: &str, options: &TextOptions) -> String {
    let mut out = String::new();
    for piece in shown_and_moved(html, options).0 {
        out.push_str(&piece.letters);
    }
    out
}

/// The links in `html` as `(href, letters of the link's text)`, leaving out
/// links without letters; `None` when the tree builder moved content out
/// of a table (foster parenting) or made more `a` elements than the input
/// has `<a` tags (copies it puts back around later text): there the
/// links a browser builds and the crate's (from `<a href>` to its `</a>`
/// or the next `<a>`, in the input's order) are not comparable.
pub fn kept_links(html: &str, options: &TextOptions) -> Option<Vec<(String, String)>> {
    let (pieces, moved) = shown_and_moved(html, options);
    (!moved).then(|| merge_links(pieces.into_iter().map(|p| (p.href, p.letters))))
}

/// How many `<a` tags `html` has (`<a` then whitespace, `/` or `>`).
fn a_tags(html: &str) -> usize {
    let b = html.as_bytes();
    b.windows(3)
        .filter(|w| {
            w[0] == b'<'
                && w[1].eq_ignore_ascii_case(&b'a')
                && matches!(w[2], b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>')
        })
        .count()
}

/// How many inputs [`check_links`] could not compare: links moved or
/// copied by the tree builder.
pub static LINKS_NOT_COMPARED: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// Runs of `(href, letters)` pieces as links: consecutive pieces with the
/// same `href` are one link; pieces without letters separate nothing.
fn merge_links(pieces: impl Iterator<Item = (Option<String>, String)>) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for (href, letters) in pieces {
        if letters.is_empty() {
            continue;
        }
        match href {
            Some(href) => {
                match links.last_mut() {
                    Some((h, l)) if open && *h == href => l.push_str(&letters),
                    _ => links.push((href, letters)),
                }
                open = true;
            }
            None => open = false,
        }
    }
    links
}

/// A piece of shown text: its letters, and the `href` of the link it is in.
struct Piece {
    letters: String,
    href: Option<String>,
}

/// What the tree builder appended, in the order it did: text (and the node
/// that holds it) and `img` elements, each with where it was when appended
/// (shown or not, in which link).
#[derive(Default)]
struct Appended {
    items: Vec<(Handle, Option<StrTendril>, Place)>,
}

/// Whether a node is shown, and the `href` of the link it is in.
#[derive(Clone, PartialEq)]
struct Place {
    shown: bool,
    href: Option<String>,
}

/// Where `node` is now: for text, from its parent up; for an image, from
/// the image up. Shown if it reaches `document` through no dropped
/// element; the nearest link gives the `href`. A `<template>`'s content
/// hangs from a document node of its own, so reaching a document is not
/// enough: it must be this one.
fn place(node: &Handle, document: &Handle, text: bool, options: &TextOptions) -> Place {
    let mut href = None;
    let mut at = if text {
        parent_of(node)
    } else {
        Some(node.clone())
    };
    while let Some(n) = at {
        if let NodeData::Document = n.data {
            return Place {
                shown: Rc::ptr_eq(&n, document),
                href,
            };
        }
        if is_dropped(&n, options) {
            break;
        }
        if let NodeData::Element { name, .. } = &n.data
            && name.local == local_name!("a")
            && href.is_none()
            && let Some(h) = attr(&n, "href")
        {
            href = Some(h);
        }
        at = parent_of(&n);
    }
    Place { shown: false, href }
}

/// [`RcDom`], recording each text and image appended.
struct Recording {
    dom: RcDom,
    options: TextOptions,
    appended: RefCell<Appended>,
    /// Whether anything was moved out of a table.
    fostered: std::cell::Cell<bool>,
    /// How many `a` elements were made.
    links_made: std::cell::Cell<usize>,
}

fn parent_of(node: &Handle) -> Option<Handle> {
    let weak = node.parent.take();
    let parent = weak.as_ref().and_then(|w| w.upgrade());
    node.parent.set(weak);
    parent
}

impl Recording {
    /// Records what was just put in `parent` as its child at `index`.
    fn record(&self, parent: &Handle, index: usize, text: Option<StrTendril>) {
        if let Some(node) = parent.children.borrow().get(index) {
            let place = place(node, &self.dom.document, text.is_some(), &self.options);
            self.appended
                .borrow_mut()
                .items
                .push((node.clone(), text, place));
        }
    }

    fn record_child(&self, child: &NodeOrText<Handle>) -> Option<Option<StrTendril>> {
        match child {
            NodeOrText::AppendText(text) => Some(Some(text.clone())),
            NodeOrText::AppendNode(node) => match &node.data {
                NodeData::Element { name, .. } if name.local == local_name!("img") => Some(None),
                _ => None,
            },
        }
    }
}

impl TreeSink for Recording {
    type Handle = Handle;
    /// The DOM, which must outlive the handles, what was appended, whether
    /// anything was moved out of a table, and how many `a` were made.
    type Output = (RcDom, Vec<(Handle, Option<StrTendril>, Place)>, bool, usize);
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> Self::Output {
        let (fostered, links) = (self.fostered.get(), self.links_made.get());
        (self.dom, self.appended.into_inner().items, fostered, links)
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.dom.parse_error(msg)
    }
    fn get_document(&self) -> Handle {
        self.dom.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.dom.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        if name.local == local_name!("a") {
            self.links_made.set(self.links_made.get() + 1);
        }
        self.dom.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> Handle {
        self.dom.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.dom.create_pi(target, data)
    }
    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let record = self.record_child(&child);
        self.dom.append(parent, child);
        if let Some(text) = record {
            let last = parent.children.borrow().len().saturating_sub(1);
            self.record(parent, last, text);
        }
    }
    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.fostered.set(true);
        if parent_of(element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }
    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        self.dom.append_doctype_to_document(name, public, system)
    }
    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.dom.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.dom.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.dom.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let record = self.record_child(&child);
        self.dom.append_before_sibling(sibling, child);
        if let (Some(text), Some(parent)) = (record, parent_of(sibling)) {
            let index = parent
                .children
                .borrow()
                .iter()
                .position(|c| Rc::ptr_eq(c, sibling))
                .unwrap_or(0);
            self.record(&parent, index.saturating_sub(1), text);
        }
    }
    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.dom.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &Handle) {
        self.dom.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.dom.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.dom.is_mathml_annotation_xml_integration_point(handle)
    }
    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Handle) {
        self.dom.maybe_clone_an_option_into_selectedcontent(option)
    }
}

/// The value of attribute `name` of an element.
fn attr(node: &Handle, name: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == name && a.name.ns == ns!())
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

/// Whether an inline `style` hides the element: `display: none` or
/// `visibility: hidden` (or `collapse`), read as CSS declarations.
pub fn style_hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let property = property.trim().to_ascii_lowercase();
        let value = value.trim().to_ascii_lowercase();
        let value = value.trim_end_matches("!important").trim();
        (property == "display" && value == "none")
            || (property == "visibility" && (value == "hidden" || value == "collapse"))
    })
}

/// Whether the element `node` is never shown, with its content.
fn is_dropped(node: &Handle, options: &TextOptions) -> bool {
    let NodeData::Element { name, .. } = &node.data else {
        return false;
    };
    if name.ns != ns!(html) {
        return true;
    }
    if matches!(
        &*name.local,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "title"
            | "textarea"
            | "iframe"
            | "noembed"
            | "noframes"
            | "select"
            | "datalist"
    ) {
        return true;
    }
    if attr(node, "hidden").is_some() || attr(node, "style").is_some_and(|s| style_hides(&s)) {
        return true;
    }
    if options.wordpress_trimmings {
        let class = attr(node, "class").unwrap_or_default();
        let has = |c: &str| class.split_ascii_whitespace().any(|x| x == c);
        if has("screen-reader-text") || (&*name.local == "a" && has("more-link")) {
            return true;
        }
    }
    false
}

/// The shown pieces of `html`, in the order the tree builder received
/// them, each shown or not as it was when the tree builder put it in the
/// tree, and whether it moved content out of a table or copied a link.
///
/// The adoption agency (a formatting element closed across a block) can
/// later move a block, text and all, out of an element or into a copy of
/// one, so that the final tree shows text it hid when it came, or hides
/// text it showed. A reader that goes through the input once, as the crate
/// does, can only follow the first; inputs where the two differ are
/// counted in [`MOVED_AFTER_INSERTION`].
fn shown_and_moved(html: &str, options: &TextOptions) -> (Vec<Piece>, bool) {
    let sink = Recording {
        dom: RcDom::default(),
        options: options.clone(),
        appended: RefCell::default(),
        fostered: std::cell::Cell::new(false),
        links_made: std::cell::Cell::new(0),
    };
    let context = QualName::new(None, ns!(html), local_name!("body"));
    let (dom, appended, fostered, links_made) =
        parse_fragment(sink, ParseOpts::default(), context, Vec::new(), false).one(html);
    let mut pieces = Vec::new();
    let mut moved = false;
    for (node, text, then) in appended {
        moved |= place(&node, &dom.document, text.is_some(), options).shown != then.shown;
        if !then.shown {
            continue;
        }
        let letters = match text {
            Some(text) => letters(&text),
            None if options.image_alt => letters(&attr(&node, "alt").unwrap_or_default()),
            None => continue,
        };
        pieces.push(Piece {
            letters,
            href: then.href,
        });
    }
    if moved {
        MOVED_AFTER_INSERTION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    (pieces, fostered || moved || links_made > a_tags(html))
}

/// How many inputs the oracle read in which the tree builder later moved
/// text into or out of a hidden element (see [`shown_and_moved`]).
pub static MOVED_AFTER_INSERTION: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

/// Checks that `text` has exactly the letters of the text in `html` outside
/// dropped elements, in order: nothing lost, repeated or invented.
pub fn check_letters(
    name: &str,
    html: &str,
    text: &str,
    options: &TextOptions,
    problems: &mut Vec<String>,
) -> usize {
    let want = kept_letters(html, options);
    let got = letters(text);
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .take_while(|(g, w)| g == w)
            .count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(20))
                .take(40)
                .collect::<String>()
        };
        problems.push(format!(
            "{name}: letters differ after {at}: text has {:?}, the HTML {:?}",
            around(&got),
            around(&want)
        ));
    }
    got.chars().count()
}

/// Checks that the links `to_text_and_links` found in `html` are the
/// reference's: the same `href`s, in order, each with its text's letters.
pub fn check_links(
    name: &str,
    html: &str,
    found: &pressmark::html::TextAndLinks<'_>,
    options: &TextOptions,
    problems: &mut Vec<String>,
) -> usize {
    let Some(want) = kept_links(html, options) else {
        LINKS_NOT_COMPARED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        return found.links.len();
    };
    // The crate's links and the letters between them, merged as the
    // oracle's are.
    let mut pieces: Vec<(Option<String>, String)> = Vec::new();
    let mut last_end = 0;
    for link in &found.links {
        let (Some(before), Some(text)) = (
            found.text.get(last_end..link.range.start),
            found.text.get(link.range.clone()),
        ) else {
            problems.push(format!(
                "{name}: link range {:?} not on character boundaries inside the text, or out of order",
                link.range
            ));
            return 0;
        };
        pieces.push((None, letters(before)));
        pieces.push((Some(link.href.to_string()), letters(text)));
        last_end = link.range.end;
    }
    let got = merge_links(pieces.into_iter());
    if got != want {
        let at = got.iter().zip(&want).take_while(|(g, w)| g == w).count();
        problems.push(format!(
            "{name}: links differ at {at} (of {} found, {} in the HTML): {:?} against {:?}",
            got.len(),
            want.len(),
            got.get(at),
            want.get(at)
        ));
    }
    got.len()
}

/// Checks the layout of one conversion (`one_line` in inline mode) and
/// records what is wrong with it.
pub fn check(name: &str, html: &str, text: &str, one_line: bool, problems: &mut Vec<String>) {
    let mut problem = |what: &str| {
        let excerpt: String = text.chars().take(160).collect();
        problems.push(format!("{name}: {what}: {excerpt:?}"));
    };
    if text.contains("\n\n\n") {
        problem("two blank lines in a row");
    }
    if one_line && text.contains('\n') {
        problem("a line break in inline mode");
    }
    if text.trim() != text {
        problem("whitespace at an end");
    }
    if text.chars().any(|c| c < ' ' && c != '\n' && c != '\t') {
        problem("a control character");
    }
    // `<` followed by a letter, `/`, `!` or `?` in the text can only come
    // from an escaped `<` in the input; a `<` in the input followed by one of
    // those is markup.
    let tags_out = count_tag_openers(text);
    if tags_out > 0 && !html.is_empty() {
        let escaped = count_escaped_lt(html);
        if tags_out > escaped {
            problem(&format!(
                "{tags_out} tag remnants, {escaped} escaped `<` in the input"
            ));
        }
    }
    for remnant in entity_remnants(text) {
        // Fine when the input escaped the ampersand: `&amp;nbsp;`.
        let escaped = ["&amp;", "&#038;", "&#38;", "&#x26;"]
            .iter()
            .any(|amp| html.contains(&format!("{amp}{}", &remnant[1..])));
        if !escaped {
            problem(&format!("entity remnant {remnant}"));
            break;
        }
    }
}

fn count_tag_openers(text: &str) -> usize {
    let b = text.as_bytes();
    b.windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))
        .count()
}

fn count_escaped_lt(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    ["&lt", "&#60", "&#x3c", "&#060", "&#x03c"]
        .iter()
        .map(|p| lower.matches(p).count())
        .sum()
}

/// `&name;`, `&#123;` and `&#x1F;` in the text that html5ever decodes.
fn entity_remnants(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('&') {
        let rest = &text[i + 1..];
        let len = rest
            .bytes()
            .take(40)
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))
            .unwrap_or(rest.len().min(40));
        if rest.as_bytes().get(len) != Some(&b';') || len == 0 {
            continue;
        }
        let body = &rest[..len];
        let decodable = if let Some(num) = body.strip_prefix('#') {
            match num.strip_prefix(['x', 'X']) {
                Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
                None => !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
            }
        } else {
            html5ever::data::NAMED_ENTITIES.contains_key(&rest[..=len])
        };
        if decodable {
            out.push(&text[i..=i + 1 + len]);
        }
    }
    out
}
