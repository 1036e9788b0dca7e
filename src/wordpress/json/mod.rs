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

use std::cell::Cell;

#[cfg(test)]
mod against_serde_json;
mod deserializer;
mod lex;
mod reader_error;

pub(crate) use deserializer::{decode_literal, from_str_seed};
pub(crate) use lex::to_special;
pub(crate) use reader_error::{Failure, JsonError};

/// The newtype name with which a raw value asks this reader for its source
/// text (serde_json has its own for `RawValue`).
pub(crate) const RAW_TOKEN: &str = "$pressmark::private::RawJson";

/// Raw control characters inside strings (a literal newline in a dump),
/// read as they are instead of rejected: how many, and the first, each
/// counted once however often its part of a document is read (an object is
/// read again as the model its keys say it is).
#[derive(Debug, Default)]
pub struct Controls {
    count: Cell<usize>,
    first: Cell<Option<usize>>,
    /// Offsets below this were counted by an earlier read.
    counted_to: Cell<usize>,
}

impl Controls {
    /// A control character at offset `at` of the document.
    #[cold]
    fn note(&self, at: usize) {
        if at >= self.counted_to.get() {
            self.count.set(self.count.get() + 1);
            if self.first.get().is_none() {
                self.first.set(Some(at));
            }
            self.counted_to.set(at + 1);
        }
    }

    /// How many there were, and the offset of the first; `None` if none.
    pub(crate) fn found(&self) -> Option<(usize, usize)> {
        Some((self.count.get(), self.first.get()?))
    }
}
