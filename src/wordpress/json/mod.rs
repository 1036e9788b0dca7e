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
mod key_order;
mod lex;
mod reader_error;

pub(crate) use deserializer::{decode_literal, from_str_seed, prefix_from_str_seed};
pub(crate) use lex::to_special;
pub(crate) use reader_error::{Code, JsonError};

/// The newtype name with which a raw value asks this reader for its source
/// text (serde_json has its own for `RawValue`).
pub(crate) const RAW_TOKEN: &str = "$pressmark::private::RawJson";

/// The newtype name with which a value asks for its source text exactly as
/// it is in the document (raw control characters left in), borrowed: for
/// reading it again on its own (see `lenient.rs`).
pub(crate) const SOURCE_TOKEN: &str = "$pressmark::private::Source";

/// What the reader repairs instead of rejecting, and what it repaired: raw
/// control characters inside strings (a literal newline in a dump), read
/// as they are, and lone surrogate escapes (`\ud800` without its pair),
/// read as U+FFFD. How many of each, and the first, each counted once
/// however often its part of a document is read (an object is read again
/// as the model its keys say it is).
#[derive(Debug)]
pub struct Controls {
    controls: Tally,
    surrogates: Tally,
    /// Offsets below this were counted by an earlier read.
    counted_to: Cell<usize>,
    allow_controls: bool,
    allow_surrogates: bool,
}

#[derive(Debug, Default)]
struct Tally {
    count: Cell<usize>,
    first: Cell<Option<usize>>,
}

impl Tally {
    fn found(&self) -> Option<(usize, usize)> {
        Some((self.count.get(), self.first.get()?))
    }
}

impl Default for Controls {
    /// Both repaired.
    fn default() -> Self {
        Controls::new(true, true)
    }
}

impl Controls {
    /// Repairing raw control characters when `controls`, lone surrogate
    /// escapes when `surrogates` (the other is an error).
    pub(crate) fn new(controls: bool, surrogates: bool) -> Self {
        Controls {
            controls: Tally::default(),
            surrogates: Tally::default(),
            counted_to: Cell::new(0),
            allow_controls: controls,
            allow_surrogates: surrogates,
        }
    }

    /// A repair at offset `at` of the document.
    #[cold]
    fn note(&self, tally: &Tally, at: usize) {
        if at >= self.counted_to.get() {
            tally.count.set(tally.count.get() + 1);
            if tally.first.get().is_none() {
                tally.first.set(Some(at));
            }
            self.counted_to.set(at + 1);
        }
    }

    /// How many raw control characters there were, and the offset of the
    /// first; `None` if none.
    pub(crate) fn found(&self) -> Option<(usize, usize)> {
        self.controls.found()
    }

    /// How many lone surrogate escapes there were, and the offset of the
    /// first; `None` if none.
    pub(crate) fn surrogates_found(&self) -> Option<(usize, usize)> {
        self.surrogates.found()
    }
}
