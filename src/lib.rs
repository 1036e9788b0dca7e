//! Typed, borrowing Rust values for the content news and blog pipelines
//! ingest: WordPress REST API JSON, front matter (the news aggregator's items
//! and any other), and HTML turned into plain text — plus one normalized
//! [`Article`](article::Article) over all of them.
//!
//! # The three inputs
//!
//! **WordPress REST API JSON** ([`wordpress`]): posts, pages, custom post
//! types, media, terms, users, comments, single objects and collections,
//! with `_links`, `_embedded` and Yoast SEO, into typed models that keep
//! every key they do not know.
//!
//! ```
//! # #[cfg(feature = "wordpress")] {
//! use pressmark::wordpress::{self, Post};
//!
//! let json = r#"{"id":7,"date":"2024-03-01T10:00:00","date_gmt":"2024-03-01T09:00:00",
//!     "title":{"rendered":"Tides"},"class_list":{"0":"post-7","2":"post"},"acf":false}"#;
//! let post = wordpress::from_str::<Post>(json)?.into_value();
//! assert_eq!(post.published().unwrap().offset(), time::macros::offset!(+1));
//! assert_eq!(post.class_list.unwrap().as_slice(), ["post-7", "post"]);
//! assert_eq!(post.extra.get("acf").unwrap().get(), "false");
//! # }
//! # Ok::<(), pressmark::Error>(())
//! ```
//!
//! **Front matter** ([`frontmatter`]): split a file without allocating, read
//! YAML, TOML or JSON with the position of every value in the whole file,
//! into your own `serde::Deserialize` type, a static site's typed
//! [`Page`](frontmatter::Page) (Hugo, Jekyll, Eleventy, Astro) or the
//! aggregator's [`NewsItem`](frontmatter::NewsItem); write it back in any
//! of the three ([`frontmatter::to_string`]).
//!
//! ```
//! # #[cfg(feature = "frontmatter")] {
//! use pressmark::frontmatter;
//!
//! #[derive(serde::Deserialize)]
//! struct Head<'a> {
//!     title: &'a str,
//!     tags: Vec<&'a str>,
//! }
//!
//! let doc = frontmatter::from_str::<Head>("---\ntitle: Tides\ntags: [sea, data]\n---\nBody\n")?;
//! assert_eq!(doc.value().title, "Tides");
//! assert_eq!(doc.value().tags, ["sea", "data"]);
//! assert_eq!(doc.body(), "Body\n");
//! # }
//! # Ok::<(), pressmark::Error>(())
//! ```
//!
//! **HTML to plain text** ([`html`]): on html5ever's tokenizer, without a
//! DOM; paragraphs, lists and tables laid out as text, entities decoded,
//! scripts and styles skipped.
//!
//! ```
//! # #[cfg(feature = "html")] {
//! use pressmark::html;
//!
//! let text = html::to_text("<p>High water &amp; storms:</p><ul><li>north pier</li><li>south pier</li></ul>");
//! assert_eq!(text, "High water & storms:\n\n- north pier\n- south pier");
//! # }
//! ```
//!
//! # Borrowing and `into_owned`
//!
//! Every string is a [`Text`]: a slice of your input wherever the input
//! holds it byte for byte (a JSON string without escapes, a plain YAML
//! scalar, HTML text without entities), an owned string otherwise. Values
//! therefore borrow from the input; `into_owned()` on any of them (or
//! [`MapText`] on your own containers of them) detaches it.
//!
//! ```
//! # #[cfg(feature = "wordpress")] {
//! use pressmark::wordpress::{self, Post};
//!
//! let post: Post<'static> = {
//!     let input = String::from(r#"{"slug":"tides","link":"https:\/\/e.x\/tides\/"}"#);
//!     let post = wordpress::from_str::<Post>(&input)?;
//!     assert!(post.slug.as_ref().unwrap().is_borrowed()); // no escapes: a slice of `input`
//!     assert!(!post.link.as_ref().unwrap().is_borrowed()); // `\/` decoded: a copy
//!     post.into_value().into_owned()
//! };
//! assert_eq!(post.slug.as_deref(), Some("tides"));
//! # }
//! # Ok::<(), pressmark::Error>(())
//! ```
//!
//! # Errors and positions
//!
//! Bad input gives an [`Error`] that says what was expected and what was
//! found ([`Error::kind`] to match on), the [`Position`] in your whole input
//! (byte offset, 1-based line and column in characters — for front matter,
//! in the whole file, not the YAML fragment), and the path of the field.
//! [`std::error::Error::source`] gives the underlying parser's error.
//!
//! ```
//! # #[cfg(feature = "frontmatter")] {
//! use pressmark::{ErrorKind, frontmatter};
//!
//! #[derive(Debug, serde::Deserialize)]
//! struct Head {
//!     heat: i64,
//! }
//! let err = frontmatter::from_str::<Head>("---\nheat: hot\n---\n").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::InvalidType);
//! assert_eq!(err.path(), Some("heat"));
//!
//! let file = "---\ntitle: Tides\nimages:\n  - url: a.png\n    width: wide\n---\n";
//! // The models read leniently: the item comes through, the value is kept
//! // as written, and the problem is a warning with its path and position.
//! let doc = frontmatter::item(file)?;
//! assert_eq!(doc.images[0].extra.get("width").and_then(|v| v.as_str()), Some("wide"));
//! let err = &doc.warnings()[0];
//! assert_eq!(err.kind(), ErrorKind::InvalidType);
//! assert_eq!(err.path(), Some("images[0].width"));
//! let at = err.position().unwrap();
//! assert_eq!((at.line(), at.column()), (5, 12));
//! # }
//! # Ok::<(), pressmark::Error>(())
//! ```
//!
//! Nothing is dropped silently: a key a model does not know is kept in its
//! `extra`; a value a front-matter model cannot type is kept there too, as
//! written, with a warning ([`frontmatter::Document::warnings`]) unless the
//! field is required; your own types read strictly, a value they cannot
//! type being an error (WordPress's numbers sent as strings that hold no
//! number are kept in `extra`).
//!
//! # One article view
//!
//! [`from_slice`] (and [`from_path`]) recognise the input — a WordPress
//! object, collection or error response, or a front-matter file — and
//! [`Content::articles`] gives an [`Article`](article::Article) for each
//! post or item: canonical URL, plain-text title, excerpt and body, dates
//! with their offsets, author, site, categories, tags, topics, images,
//! related links; it serializes to JSON under stable field names.
//!
//! ```
//! # #[cfg(all(feature = "wordpress", feature = "frontmatter", feature = "html"))] {
//! let file = b"---\ntitle: Tides\npublishedDateTime: 2024-03-01T09:00:00Z\nwebUrl: https://e.x/tides\n---\nHigh water.\n";
//! let content = pressmark::from_slice(file)?;
//! let article = &content.articles()[0];
//! assert_eq!(article.url.as_deref(), Some("https://e.x/tides"));
//! assert_eq!(article.body.as_deref(), Some("High water."));
//! let json = serde_json::to_string(article).unwrap();
//! assert!(json.contains(r#""published":"2024-03-01T09:00:00Z""#));
//! # }
//! # Ok::<(), pressmark::Error>(())
//! ```
//!
//! The `convert` example turns whole directories into JSON lines on every
//! core: `cargo run --release --example convert -- DIR --out articles.jsonl`.
//!
//! # Crate features
//!
//! | feature | default | what | dependencies |
//! | --- | --- | --- | --- |
//! | `wordpress` | yes | [`wordpress`] | `serde_json` |
//! | `frontmatter` | yes | [`frontmatter`] | `yaml-rust2`, `serde_json` |
//! | `html` | yes | [`html`]; plain-text accessors on the models | `html5ever` |
//!
//! [`article`], [`from_slice`] and [`from_path`] need `html` and at least
//! one of the formats. `serde` and `time` are always used.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(all(feature = "html", any(feature = "wordpress", feature = "frontmatter")))]
#[cfg_attr(
    docsrs,
    doc(cfg(all(feature = "html", any(feature = "wordpress", feature = "frontmatter"))))
)]
pub mod article;
#[cfg(feature = "wordpress")]
mod content_stream;
#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
mod detect;
#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
mod encoding;
mod error;
#[cfg(feature = "frontmatter")]
#[cfg_attr(docsrs, doc(cfg(feature = "frontmatter")))]
pub mod frontmatter;
#[cfg(feature = "html")]
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub mod html;
mod map_text;
#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
mod open_enum;
mod text;
#[cfg(feature = "wordpress")]
#[cfg_attr(docsrs, doc(cfg(feature = "wordpress")))]
pub mod wordpress;

#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
#[cfg(all(feature = "wordpress", feature = "html"))]
#[cfg_attr(docsrs, doc(cfg(all(feature = "wordpress", feature = "html"))))]
pub use content_stream::Articles;
#[cfg(feature = "wordpress")]
#[cfg_attr(docsrs, doc(cfg(feature = "wordpress")))]
pub use content_stream::{ContentStream, stream_from_path, stream_from_reader};
#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
pub use detect::{Content, ContentKind, from_path, from_reader, from_slice};
pub use error::{Error, ErrorKind, Position, Result};
pub use map_text::MapText;
pub use text::Text;
/// The `time` crate, whose types the models' dates are (with its
/// `formatting` and `parsing` features on): format a date without adding
/// the dependency yourself.
pub use time;

#[cfg(all(
    doctest,
    feature = "wordpress",
    feature = "frontmatter",
    feature = "html"
))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
