//! What the sink drives: a [`Layout`] lays shown content out as text
//! ([`Writer`](super::writer::Writer)) or as Markdown
//! ([`MarkdownWriter`](super::markdown_writer::MarkdownWriter)), from the
//! same events.

use html5ever::tokenizer::TagKind;
use html5ever::{Attribute, LocalName};

use super::tag_reader::ReadTag;
use super::tags::Role;
use crate::Text;

/// The output side of a conversion.
pub(crate) trait Layout<'a> {
    /// Shown text between tags, at `at` in the input if that is known.
    fn text(&mut self, s: &str, at: Option<usize>);
    /// Whether the next text's place in the input is worth finding.
    fn wants_location(&self) -> bool;
    /// A tag came (a line feed after it no longer starts a `<pre>`).
    fn tag_seen(&mut self);
    /// A shown element starts.
    fn start<A: Attrs + ?Sized>(&mut self, role: Role, tag: &TagView<'_, A>);
    /// An end tag, whether or not its element is open: the stray `</div>`
    /// and `</p>` of WordPress dumps still end a paragraph.
    fn end(&mut self, role: Role);
    /// The text that comes is in a link to `href` (with its `title`).
    fn link_start(&mut self, href: Text<'a>, title: Option<&str>);
    /// The text that comes is in no link.
    fn link_end(&mut self);
    /// Whether the layout is in an element that lays its text out as it
    /// is written (`pre`, `listing`, `xmp`, `plaintext`).
    fn in_pre(&self) -> bool;
    /// No such element is open any more: the tree builder closed the last
    /// one, by its end tag or by another's (`</div>`, `<td>`, `</li>`).
    fn pre_closed(&mut self);
}

/// A tag as the sink reads it, from the tokenizer or the lane.
pub(crate) struct TagView<'t, A: ?Sized> {
    pub(crate) kind: TagKind,
    pub(crate) name: &'t LocalName,
    pub(crate) self_closing: bool,
    pub(crate) attrs: &'t A,
}

/// A tag's attributes, by name.
pub(crate) trait Attrs {
    /// The value of attribute `name` (lowercase), if the tag has it (and,
    /// from the lane, if it is one of those it keeps).
    fn attr(&self, name: &str) -> Option<&str>;
    /// Whether the tag has any attribute.
    fn any(&self) -> bool;
}

impl Attrs for [Attribute] {
    fn attr(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }

    fn any(&self) -> bool {
        !self.is_empty()
    }
}

impl Attrs for ReadTag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        ReadTag::attr(self, name)
    }

    fn any(&self) -> bool {
        self.any_attrs
    }
}
