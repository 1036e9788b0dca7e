//! HTML that breaks the rules, as real posts do: each test is named after
//! what broke (issue 23). The `svg`/`math`, `object`/`button`, `select`
//! and `head` tests failed before their fix; the `template` and misnested
//! formatting tests pin what already held, against the new rules.
//!
//! What the text should be is what a browser shows: the element a tag
//! leaves open ends where the HTML standard's tree builder ends it, not at
//! the end of the input. `tests/properties.rs` checks the same over
//! generated input against html5ever's tree builder; these rows pin the
//! cases users met.
#![cfg(feature = "html")]

use pressmark::html;

/// `(input, text)` rows: each input converts to exactly that text.
fn assert_rows(rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (input, want) in rows {
        let got = html::to_text(input);
        if got != *want {
            failures.push(format!(
                "{input:?}\n  want {want:?}\n   got {:?}",
                got.as_str()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An `<svg>` or `<math>` left open took the rest of the post with it: the
/// crate dropped everything to the missing `</svg>`. A browser ends foreign
/// content at `<p>`, `<div>`, `<b>`, `<br>`, `</p>` and the other HTML tags
/// that break out of it.
#[test]
fn foreign_content_left_open_ends_where_html_starts_again() {
    assert_rows(&[
        (
            "<p>Intro</p><svg><path d=\"M0\"/><p>The rest of the post.</p>",
            "Intro\n\nThe rest of the post.",
        ),
        (
            "<p>Intro</p><math><mi>x</mi><p>The rest of the post.</p>",
            "Intro\n\nThe rest of the post.",
        ),
        (
            "<p>Intro <svg><g><text>icon</text></g> and <b>bold</b> after</p>",
            "Intro bold after",
        ),
        ("<svg><circle/>hidden<br>shown", "shown"),
        ("<p>a<svg><path></p>b", "a\n\nb"),
        // Inside `foreignObject` HTML is read as HTML, so `<p>` stays in
        // the SVG; the SVG's own end tag still ends it.
        (
            "<svg><foreignObject><p>in</p></foreignObject></svg>after",
            "after",
        ),
        // A `font` with `color`, `face` or `size` breaks out; a bare one
        // does not.
        ("<svg><font>no</font><font color=red>yes", "yes"),
        // The end tag of an element open around the SVG closes it.
        ("<div><svg><path>icon</div>after", "after"),
    ]);
}

/// `<object>` and `<button>` left open took the rest of the post: their
/// content was dropped to their end tag. A browser shows an object's
/// fallback content (no plugin renders the Flash of old posts) and a
/// button's label, so their text is kept, as it is shown.
#[test]
fn object_and_button_left_open_keep_the_text_after_them() {
    assert_rows(&[
        (
            "<p>Intro</p><object data=\"x.swf\"><param name=\"movie\" value=\"x.swf\"><p>The rest of the post.</p>",
            "Intro\n\nThe rest of the post.",
        ),
        (
            "<p>Intro</p><button>Menu<p>The rest of the post.</p>",
            "Intro\n\nMenu\n\nThe rest of the post.",
        ),
        ("<p><button>Copy</button> the code</p>", "Copy the code"),
    ]);
}

/// A `<select>` ends at `</select>`, at another `<select>` or `<input>`,
/// or with the element it is in; its options are not text.
#[test]
fn select_left_open_ends_where_a_browser_ends_it() {
    assert_rows(&[
        ("<select><option>a</option></select>after", "after"),
        ("<select><option>a<select>after", "after"),
        ("<select><option>a<input>after", "after"),
        // The cell's end closes it (the empty first cell keeps its tab).
        (
            "<table><tr><td><select><option>a</td><td>b</td></tr></table>",
            "\tb",
        ),
        // A select bounds the scope an end tag looks in, so `</div>` does
        // not close it: the text after it is still an option's.
        ("<div><select><option>a</div>hidden</select>after", "after"),
        // In a table a hidden input is put where it stands and ends
        // nothing, so the text after it is still the select's; any other
        // input ends the select, as in the body (found by fuzzing).
        (
            "<table><select><option>a<input type=HIDDEN>hidden</select></table>after",
            "after",
        ),
        ("<table><select><option>a<input>shown</table>", "shown"),
    ]);
}

/// An `<a>` inside a `<select>` cannot end a link opened outside it (the
/// select bounds its scope), so the tree builder only takes that link off
/// its stack: what follows the select inside an element the link holds is
/// still in the link (found by fuzzing).
#[test]
fn link_taken_off_the_stack_by_a_nested_a_keeps_what_it_holds() {
    let html = "<a href=\"/x\"><span><select><a>o</a></select>in link</span>";
    let with_links = html::to_text_and_links(html, &html::TextOptions::default());
    assert_eq!(with_links.text, "in link");
    let links: Vec<_> = with_links
        .links
        .iter()
        .map(|l| (&with_links.text[l.range.clone()], l.href.as_str()))
        .collect();
    assert_eq!(links, [("in link", "/x")]);
}

/// A second `<form>` is ignored until a `</form>` ends the first, even
/// when the first was closed by the end of the element around it; a
/// `<form>` in a table is closed at once. So a `hidden` on either hides
/// nothing, and nothing after it is inside it (found by fuzzing).
#[test]
fn form_inside_a_form_or_a_table_holds_nothing() {
    assert_rows(&[
        ("<div><form></div><form hidden>x</form>y", "x\n\ny"),
        ("<form><form hidden>x</form>y", "x\n\ny"),
        ("<table><form hidden><tr><td>x</table>", "x"),
        // After `</form>` a form opens again.
        ("<form></form><form hidden>x</form>y", "y"),
    ]);
    // The ignored form is not left open around the text after a select,
    // so that text is in no link.
    let html = "<form><a href=/x><form><select><a><input>after";
    let with_links = html::to_text_and_links(html, &html::TextOptions::default());
    assert_eq!(with_links.text, "after");
    assert!(with_links.links.is_empty(), "{:?}", with_links.links);
}

/// Text and elements out of place in a hidden table are moved before it
/// by the tree builder (foster parenting), so the table's `hidden` or
/// `display: none` does not hide them; what is in its cells stays hidden
/// (found by fuzzing).
#[test]
fn text_out_of_place_in_a_hidden_table_is_shown() {
    assert_rows(&[
        ("<table style=\"display:none\">stray</table>", "stray"),
        (
            "<table hidden><tr><td>cell</td></tr>stray <b>bold</b></table>after",
            "stray bold\n\nafter",
        ),
        ("<table hidden><span>a<b>b</span>c</table>", "abc"),
        // Around the table, hiding still hides, even when a misnested tag
        // took the hidden element off the stack: the table is still in it.
        ("<div hidden><table>stray</table></div>after", "after"),
        (
            "<a href=/a hidden><table><a href=/b>inside</table>after",
            "after",
        ),
        // What the adoption agency moves out of a table, or out of a hidden
        // form that was closed, is out of what hid it.
        ("<table hidden><a href=/x><div><a href=/y>word", "word"),
        (
            "<a href=/x><form hidden><h2></form><a href=/y>shown",
            "shown",
        ),
    ]);
    // A void element is moved out too: an image's alt is shown.
    let mut options = html::TextOptions::default();
    options.image_alt = true;
    let text = html::to_text_with("<table hidden><img alt=map></table>", &options);
    assert_eq!(text, "[map]");
}

/// `<head>` in a post (a pasted page) dropped everything to `</head>` or
/// `<body>`; a browser ignores the tag, and its title, styles and scripts
/// are dropped one by one.
#[test]
fn head_tag_in_a_fragment_drops_only_what_is_never_shown() {
    assert_rows(&[
        (
            "<head><title>T</title><style>p{}</style>Shown<p>Body",
            "Shown\n\nBody",
        ),
        (
            "<html><head><meta charset=utf-8></head><body><p>Body</p></body></html>",
            "Body",
        ),
    ]);
}

/// A `<template>`'s content is never shown, even left open, but it ends at
/// its own end tag whatever is open inside it (held before; pinned here).
#[test]
fn template_ends_at_its_end_tag_whatever_is_open_inside() {
    assert_rows(&[
        ("<template><div><p>no</template>after", "after"),
        ("<template>no", ""),
    ]);
}

/// Misnested formatting elements lose no text: the tree builder's adoption
/// agency moves elements, never text (held before; pinned here).
#[test]
fn misnested_formatting_elements_keep_every_word_in_order() {
    assert_rows(&[
        ("<b>1<p>2</b>3</p>", "1\n\n23"),
        ("<a href=x>1<p>2</a>3</p>", "1\n\n23"),
        ("<p><b><i>a</b>b</i>c</p>", "abc"),
    ]);
}
