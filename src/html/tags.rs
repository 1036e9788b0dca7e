//! What each element means for plain text and for Markdown.

use html5ever::tokenizer::TokenSinkResult;
use html5ever::tokenizer::states::RawKind;
use html5ever::{LocalName, local_name};

/// The role of an element in the text layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// No effect on the text's layout: `b`, `em`, `span`, `code`, unknown
    /// elements; what Markdown writes around it.
    Inline(Phrase),
    /// Paragraph-level: one blank line before and after; what it is to
    /// Markdown beyond a paragraph.
    Block(BlockKind),
    /// Line-level: a line break before and after (`dt`, `dd`, `caption`).
    Line,
    /// `<br>`.
    Br,
    /// `<ul>`, `<menu>`, `<dir>` (`false`) or `<ol>` (`true`).
    List(bool),
    /// `<li>`.
    Item,
    Table,
    /// `<tr>`.
    Row,
    /// `<td>`, `<th>`.
    Cell,
    /// `<pre>`, `<listing>`: whitespace kept.
    Pre,
    /// `<xmp>`: raw text shown as in `pre`.
    RawPre,
    /// `<plaintext>`: the rest of the input is text, shown as in `pre`.
    Plaintext,
    /// `<a>`.
    A,
    /// `<img>`.
    Img,
    /// Dropped with everything inside; the tokenizer state to switch to for
    /// elements whose content is raw text.
    Skip(Option<RawKind>),
}

/// What an inline element writes around its content in Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// Nothing: `span`, unknown elements.
    Plain,
    /// `b`, `strong`.
    Strong,
    /// `i`, `em`, `cite`, `dfn`.
    Emphasis,
    /// `s`, `del`, `strike`.
    Strike,
    /// `code`, `kbd`, `samp`, `tt`.
    Code,
}

/// What a paragraph-level element is to Markdown beyond a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Paragraph,
    /// `h1` to `h6`, its level.
    Heading(u8),
    /// `blockquote`.
    Quote,
    /// `hr`.
    Rule,
}

impl Role {
    /// How the tokenizer is to read the content of a start tag with this
    /// role: as raw text (`script`, `style`, `xmp`, `plaintext`...) or as
    /// markup (`Continue`). The sink returns it for every start tag it
    /// handles, trimmed ones included.
    #[inline]
    pub(crate) fn content_state(self) -> TokenSinkResult<()> {
        match self {
            Role::Skip(Some(raw)) => TokenSinkResult::RawData(raw),
            Role::RawPre => TokenSinkResult::RawData(RawKind::Rawtext),
            Role::Plaintext => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// [`role`] for a name as the tokenizer gives it: the commonest elements
/// are told by their atom, one integer compare each, before the name is
/// matched as a string. Measured over the corpus posts, table cells and
/// rows, `br`, `h4`, `b` and `i` were half the string matches (1.9 M of
/// 366 M instructions).
#[inline]
pub(crate) fn role_of(name: &LocalName) -> Role {
    use BlockKind::{Heading, Paragraph};
    if *name == local_name!("td") || *name == local_name!("th") {
        Role::Cell
    } else if *name == local_name!("tr") {
        Role::Row
    } else if *name == local_name!("p") || *name == local_name!("div") {
        Role::Block(Paragraph)
    } else if *name == local_name!("h1") {
        Role::Block(Heading(1))
    } else if *name == local_name!("h2") {
        Role::Block(Heading(2))
    } else if *name == local_name!("h3") {
        Role::Block(Heading(3))
    } else if *name == local_name!("h4") {
        Role::Block(Heading(4))
    } else if *name == local_name!("a") {
        Role::A
    } else if *name == local_name!("span") {
        Role::Inline(Phrase::Plain)
    } else if *name == local_name!("strong") || *name == local_name!("b") {
        Role::Inline(Phrase::Strong)
    } else if *name == local_name!("em") || *name == local_name!("i") {
        Role::Inline(Phrase::Emphasis)
    } else if *name == local_name!("br") {
        Role::Br
    } else if *name == local_name!("li") {
        Role::Item
    } else {
        role(name)
    }
}

/// The role of the element named `name` (lowercase, as the tokenizer gives).
pub(crate) fn role(name: &str) -> Role {
    use BlockKind::{Heading, Paragraph, Quote, Rule};
    use RawKind::{Rawtext, Rcdata, ScriptData};
    match name {
        "h1" => Role::Block(Heading(1)),
        "h2" => Role::Block(Heading(2)),
        "h3" => Role::Block(Heading(3)),
        "h4" => Role::Block(Heading(4)),
        "h5" => Role::Block(Heading(5)),
        "h6" => Role::Block(Heading(6)),
        "blockquote" => Role::Block(Quote),
        "hr" => Role::Block(Rule),
        "p" | "div" | "dl" | "figure" | "figcaption" | "section" | "article" | "header"
        | "footer" | "aside" | "nav" | "main" | "address" | "details" | "summary" | "fieldset"
        | "legend" | "form" | "hgroup" | "dialog" | "center" | "search" | "html" | "frameset" => {
            Role::Block(Paragraph)
        }
        "b" | "strong" => Role::Inline(Phrase::Strong),
        "i" | "em" | "cite" | "dfn" => Role::Inline(Phrase::Emphasis),
        "s" | "del" | "strike" => Role::Inline(Phrase::Strike),
        "code" | "kbd" | "samp" | "tt" => Role::Inline(Phrase::Code),
        "a" => Role::A,
        "br" => Role::Br,
        "li" => Role::Item,
        "ul" | "menu" | "dir" => Role::List(false),
        "ol" => Role::List(true),
        "dt" | "dd" | "caption" => Role::Line,
        "table" => Role::Table,
        "tr" => Role::Row,
        "td" | "th" => Role::Cell,
        "img" | "image" => Role::Img,
        "pre" | "listing" => Role::Pre,
        "xmp" => Role::RawPre,
        "plaintext" => Role::Plaintext,
        "script" => Role::Skip(Some(ScriptData)),
        "style" | "noscript" | "iframe" | "noembed" | "noframes" => Role::Skip(Some(Rawtext)),
        "title" | "textarea" => Role::Skip(Some(Rcdata)),
        "template" | "svg" | "math" | "select" | "datalist" => Role::Skip(None),
        _ => Role::Inline(Phrase::Plain),
    }
}

/// Whether `name` is a void element (it has no end tag and no content).
pub(crate) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
            | "image"
    )
}

/// Whether an inline `style` attribute hides its element: a `display:
/// none` or `visibility: hidden` (or `collapse`) declaration, with any
/// case, spacing and `!important`. A later declaration of the same
/// property is not looked at.
pub(crate) fn style_hides(style: &str) -> bool {
    if !names_display_or_visibility(style.as_bytes()) {
        return false;
    }
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let property = property.trim_matches(|c: char| c.is_ascii_whitespace());
        let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
        let value = match value.len().checked_sub("!important".len()) {
            Some(cut)
                if value.is_char_boundary(cut)
                    && value[cut..].eq_ignore_ascii_case("!important") =>
            {
                value[..cut].trim_end_matches(|c: char| c.is_ascii_whitespace())
            }
            _ => value,
        };
        (property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (property.eq_ignore_ascii_case("visibility")
                && (value.eq_ignore_ascii_case("hidden") || value.eq_ignore_ascii_case("collapse")))
    })
}

/// Whether `style` has `display` or `visibility`, in any case, where a
/// `y` ends it: a style without one hides nothing. Most styles are
/// `font-size`, `text-align` and `width`, which this one pass over the
/// bytes tells apart before any declaration is split and trimmed.
fn names_display_or_visibility(style: &[u8]) -> bool {
    let ends_with = |head: &[u8], name: &[u8]| {
        head.len() >= name.len() && head[head.len() - name.len()..].eq_ignore_ascii_case(name)
    };
    style.iter().enumerate().any(|(i, &c)| {
        (c | 0x20) == b'y' && {
            let head = &style[..=i];
            ends_with(head, b"display") || ends_with(head, b"visibility")
        }
    })
}

/// Whether the space-separated `class` attribute value has `token`.
pub(crate) fn has_class(class: &str, token: &str) -> bool {
    class.split_ascii_whitespace().any(|c| c == token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_of_common_elements() {
        assert_eq!(role("p"), Role::Block(BlockKind::Paragraph));
        assert_eq!(role("h5"), Role::Block(BlockKind::Heading(5)));
        assert_eq!(role("ol"), Role::List(true));
        assert_eq!(role("span"), Role::Inline(Phrase::Plain));
        assert_eq!(role("tt"), Role::Inline(Phrase::Code));
        for name in [
            "p",
            "div",
            "a",
            "span",
            "strong",
            "em",
            "li",
            "ol",
            "script",
            "x-y",
            "td",
            "th",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "b",
            "i",
            "br",
            "del",
            "cite",
            "code",
            "blockquote",
            "hr",
        ] {
            assert_eq!(role_of(&LocalName::from(name)), role(name), "{name}");
        }
        assert_eq!(role("script"), Role::Skip(Some(RawKind::ScriptData)));
        assert!(is_void("img") && !is_void("p"));
        assert!(has_class("a more-link\tx", "more-link"));
        assert!(!has_class("more-links", "more-link"));
        for hides in [
            "display:none",
            "color: red; DISPLAY : None ;",
            "visibility:hidden !important",
            "visibility: collapse",
        ] {
            assert!(style_hides(hides), "{hides}");
        }
        for shows in [
            "display: block",
            "display:nonex",
            "visibility:visible",
            "",
            "none",
        ] {
            assert!(!style_hides(shows), "{shows}");
        }
    }

    /// [`style_hides`] with its first pass for `display` and `visibility`
    /// gives what reading every declaration gives, over every string of
    /// up to four pieces of styles.
    #[test]
    fn style_hides_reads_every_declaration_it_needs() {
        fn every_declaration(style: &str) -> bool {
            style.split(';').any(|declaration| {
                let Some((property, value)) = declaration.split_once(':') else {
                    return false;
                };
                let property = property.trim_matches(|c: char| c.is_ascii_whitespace());
                let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
                let value = value
                    .strip_suffix("!important")
                    .or_else(|| value.strip_suffix("!IMPORTANT"))
                    .map_or(value, |v| {
                        v.trim_end_matches(|c: char| c.is_ascii_whitespace())
                    });
                (property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
                    || (property.eq_ignore_ascii_case("visibility")
                        && (value.eq_ignore_ascii_case("hidden")
                            || value.eq_ignore_ascii_case("collapse")))
            })
        }
        let pieces = [
            "",
            "display",
            "DISPLAY",
            "Visibility",
            "dis",
            "play",
            "y",
            ":",
            " ",
            "none",
            "hidden",
            "collapse",
            ";",
            "!important",
            "é",
        ];
        let mut hiding = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let style = format!("{a}{b}{c}{d}");
                        let want = every_declaration(&style);
                        assert_eq!(style_hides(&style), want, "{style:?}");
                        hiding += usize::from(want);
                    }
                }
            }
        }
        assert!(hiding > 40, "{hiding}");
    }
}
