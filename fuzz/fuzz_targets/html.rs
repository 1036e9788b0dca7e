//! HTML to text with arbitrary options and input: never a panic, and the
//! module's promises hold: no two blank lines in a row and none at either
//! end, one line in inline mode, no C0 control characters but `\n` and `\t`,
//! a borrowed result is the input slice it claims to be, every entry point
//! writes the same text, link ranges lie on character boundaries inside
//! the text, every letter of the text outside dropped elements is kept, in
//! order, with none added, and each link's range holds its text
//! (`tests/common/html_checks.rs`: html5ever's tree builder decides what is
//! shown). `to_markdown_with` and `push_markdown` give one Markdown, and
//! it is borrowed only when it is the input (or empty).
#![no_main]

#[path = "../../tests/common/html_checks.rs"]
mod html_checks;

use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use pressmark::Text;
use pressmark::html::{self, TextOptions};

#[derive(Debug)]
struct Input<'a> {
    options: TextOptions,
    html: &'a str,
}

/// The first byte holds the options (one bit each), the rest is the HTML
/// (its longest valid UTF-8 prefix). Seeds get a leading options byte.
impl<'a> Arbitrary<'a> for Input<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let rest = u.bytes(u.len())?;
        Self::arbitrary_take_rest(Unstructured::new(rest))
    }

    fn arbitrary_take_rest(mut u: Unstructured<'a>) -> arbitrary::Result<Self> {
        let flags: u8 = u.arbitrary()?;
        let mut options = TextOptions::default();
        options.inline = flags & 1 != 0;
        options.keep_nbsp = flags & 2 != 0;
        options.image_alt = flags & 4 != 0;
        options.wordpress_trimmings = flags & 8 != 0;
        let html = <&str>::arbitrary_take_rest(u)?;
        Ok(Input { options, html })
    }
}

/// `text`, if borrowed, is `html[start..start + len]` for the start its
/// address gives.
fn check_borrowed(html: &str, text: &Text<'_>) {
    if let Some(s) = text.as_borrowed().filter(|s| !s.is_empty()) {
        let start = (s.as_ptr() as usize)
            .checked_sub(html.as_ptr() as usize)
            .expect("borrowed text starts before the input");
        assert_eq!(
            html.get(start..start + s.len()),
            Some(s),
            "borrowed text outside the input"
        );
    }
}

fn check_layout(text: &str, options: &TextOptions) {
    assert!(std::str::from_utf8(text.as_bytes()).is_ok());
    assert!(
        !text.contains("\n\n\n"),
        "two blank lines in a row: {text:?}"
    );
    assert!(!text.starts_with('\n') && !text.ends_with('\n'), "{text:?}");
    if options.inline {
        assert!(
            !text.contains('\n'),
            "inline text on several lines: {text:?}"
        );
    }
    assert!(
        !text.chars().any(|c| c < ' ' && c != '\n' && c != '\t'),
        "control character in {text:?}"
    );
}

fuzz_target!(|input: Input<'_>| {
    let Input { options, html } = input;
    let text = html::to_text_with(html, &options);
    check_layout(&text, &options);
    check_borrowed(html, &text);
    let mut problems = Vec::new();
    html_checks::check_letters("to_text_with", html, &text, &options, &mut problems);

    let mut pushed = String::from("prefix");
    html::push_text(&mut pushed, html, &options);
    assert_eq!(&pushed["prefix".len()..], text.as_str());

    let mut written = String::new();
    html::write_text(&mut written, html, &options).unwrap();
    assert_eq!(written, text.as_str());

    let with_links = html::to_text_and_links(html, &options);
    assert_eq!(with_links.text, text);
    check_borrowed(html, &with_links.text);
    html_checks::check_links("to_text_and_links", html, &with_links, &options, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    for link in &with_links.links {
        let t = with_links.text.as_str();
        assert!(link.range.start < link.range.end && link.range.end <= t.len());
        assert!(t.is_char_boundary(link.range.start) && t.is_char_boundary(link.range.end));
        check_borrowed(html, &link.href);
    }

    if options == TextOptions::default() {
        assert_eq!(html::to_text(html), text);
    }
    if options == TextOptions::inline() {
        assert_eq!(html::inline_text(html), text);
    }

    // Markdown on the same engine: never a panic, one text by every entry
    // point, borrowed only as the input itself (or as nothing at all, when
    // the input shows no text).
    let mut md_options = html::MarkdownOptions::default();
    md_options.keep_nbsp = options.keep_nbsp;
    md_options.wordpress_trimmings = options.wordpress_trimmings;
    md_options.reference_links = options.image_alt;
    let md = html::to_markdown_with(html, &md_options);
    let mut pushed_md = String::from("prefix");
    html::push_markdown(&mut pushed_md, html, &md_options);
    assert_eq!(&pushed_md["prefix".len()..], md.as_str());
    check_borrowed(html, &md);
    if let Some(s) = md.as_borrowed().filter(|s| !s.is_empty()) {
        assert_eq!(s, html);
    }

    let head = html::yoast_head(html);
    if let Some(title) = &head.title {
        check_borrowed(html, title);
        assert!(!title.contains('\n'));
    }
    for (k, v) in head.meta.iter().chain(&head.links) {
        check_borrowed(html, k);
        check_borrowed(html, v);
    }
});
