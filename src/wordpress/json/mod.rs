//! The crate's own JSON reader for WordPress responses: a serde
//! `Deserializer` over a `&str` that borrows strings without escapes, hands
//! raw values ([`RawJson`](super::RawJson), [`JsonStr`](super::JsonStr)) over
//! as checked but undecoded slices, and places every error at a byte offset.
//!
//! Why not serde_json's reader: WordPress posts are mostly long strings
//! dense with escapes (`<\/p>`, `\"`, `\n`), where its string scan spends
//! most of a read setting up for runs that end a few bytes later. This one
//! scans a word at a time with no set-up. serde_json still writes values
//! back, parses [`RawJson`](super::RawJson) on request and reads front
//! matter; the models' `Deserialize` impls work with either reader.

mod de;
mod error;
mod scan;

pub(crate) use de::from_str;
pub(crate) use error::{Failure, JsonError};
pub(crate) use scan::to_special;

/// The newtype name with which a raw value asks this reader for its source
/// text (serde_json has its own for `RawValue`).
pub(crate) const RAW_TOKEN: &str = "$pressmark::private::RawJson";
