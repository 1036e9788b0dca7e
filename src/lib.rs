//! Typed, borrowing models for WordPress REST API posts and news-aggregator
//! front matter, and fast HTML to plain text.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(all(feature = "html", any(feature = "wordpress", feature = "frontmatter")))]
#[cfg_attr(
    docsrs,
    doc(cfg(all(feature = "html", any(feature = "wordpress", feature = "frontmatter"))))
)]
pub mod article;
#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
mod detect;
mod error;
#[cfg(feature = "frontmatter")]
#[cfg_attr(docsrs, doc(cfg(feature = "frontmatter")))]
pub mod frontmatter;
#[cfg(feature = "html")]
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub mod html;
mod map_text;
mod text;
#[cfg(feature = "wordpress")]
#[cfg_attr(docsrs, doc(cfg(feature = "wordpress")))]
pub mod wordpress;

#[cfg(any(feature = "wordpress", feature = "frontmatter"))]
pub use detect::{Content, ContentKind, from_path, from_slice};
pub use error::{Error, ErrorKind, Position, Result};
pub use map_text::MapText;
pub use text::Text;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
