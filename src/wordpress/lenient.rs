//! Lenient reading: a field whose value cannot be typed (a word where a
//! number goes, a date that is no date) is kept as sent in the object's
//! `extra`, and a warning with its place is recorded, instead of failing
//! the whole object.
//!
//! Reading is strict first, at full speed; only an object whose strict
//! read failed is read again in a lenient *scope*, where every known field
//! is taken as its source text and typed from it on its own, so that a
//! failure stays inside the field. The scope is a thread-local flag, read
//! once per object: the models' `Deserialize` impls are generic over
//! serde's traits, which have no room for a mode, and a strict read pays
//! one thread-local load per object for it.

use std::cell::{Cell, RefCell};

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::json::{Controls, JsonError, SOURCE_TOKEN, from_str_seed};

/// How many fields read again may nest inside one another: a bound on the
/// stack, as the reader's own depth limit is (each read again starts a
/// reader of its own).
const NESTING: usize = 64;

thread_local! {
    /// Whether a lenient scope is open on this thread.
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    /// Whether a lenient read is going on (its strict first pass, or its
    /// scope).
    static READING: Cell<bool> = const { Cell::new(false) };
    /// The open scope: the document's place in memory, how deep the reads
    /// again are, and the warnings so far.
    static SCOPE: RefCell<Scope> = const { RefCell::new(Scope::new()) };
}

/// What a lenient scope knows.
struct Scope {
    /// The address and length of the document read.
    doc: (usize, usize),
    depth: usize,
    /// Each warning with its byte offset in the document.
    warnings: Vec<(usize, JsonError)>,
}

impl Scope {
    const fn new() -> Scope {
        Scope {
            doc: (0, 0),
            depth: 0,
            warnings: Vec::new(),
        }
    }
}

/// Whether the fields of the object being read are read leniently.
#[inline]
pub(crate) fn active() -> bool {
    ACTIVE.with(Cell::get)
}

/// Whether a lenient read is going on: a number field sent a word, which a
/// plain read keeps in `extra` without a word, is then an error, read
/// again in the scope and kept with a warning.
#[cold]
pub(crate) fn reading() -> bool {
    READING.with(Cell::get)
}

/// Runs `read`, the strict first pass of a lenient read (see [`reading`]).
pub(crate) fn first_pass<R>(read: impl FnOnce() -> R) -> R {
    /// Puts the flag back, also when `read` panics.
    struct Restore(bool);

    impl Drop for Restore {
        fn drop(&mut self) {
            READING.set(self.0);
        }
    }

    let _restore = Restore(READING.replace(true));
    read()
}

/// Runs `read` over `doc` (the text every value read borrows from) with
/// lenient fields; gives its result and the warnings, each with its byte
/// offset in `doc`.
pub(crate) fn scope<R>(doc: &str, read: impl FnOnce() -> R) -> (R, Vec<(usize, JsonError)>) {
    /// Puts back the scope that was open before, also when `read` panics.
    struct Restore(Option<Scope>, bool, bool);

    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(scope) = self.0.take() {
                SCOPE.replace(scope);
            }
            ACTIVE.set(self.1);
            READING.set(self.2);
        }
    }

    let outer = SCOPE.replace(Scope {
        doc: (doc.as_ptr() as usize, doc.len()),
        depth: 0,
        warnings: Vec::new(),
    });
    let restore = Restore(Some(outer), ACTIVE.replace(true), READING.replace(true));
    let result = read();
    let warnings = SCOPE.with_borrow_mut(|scope| std::mem::take(&mut scope.warnings));
    drop(restore);
    (result, warnings)
}

/// A value's source text, exactly as in the document (raw control
/// characters left in), borrowed from it.
pub(crate) struct Source<'de>(pub(crate) &'de str);

impl<'de> Deserialize<'de> for Source<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SourceVisitor;

        impl<'de> Visitor<'de> for SourceVisitor {
            type Value = Source<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Source<'de>, E> {
                Ok(Source(v))
            }
        }

        deserializer.deserialize_newtype_struct(SOURCE_TOKEN, SourceVisitor)
    }
}

/// Types a field again from its `source`: `read` reads it from the map of
/// one value it is given. `true` when it typed; otherwise the warning is
/// recorded at its place, and the caller keeps the source as sent.
pub(crate) fn retype<'de>(
    source: &'de str,
    read: impl FnOnce(&mut OneValue<'de>) -> Result<(), JsonError>,
) -> bool {
    let (offset, depth) = SCOPE.with_borrow_mut(|scope| {
        scope.depth += 1;
        let offset = (source.as_ptr() as usize)
            .checked_sub(scope.doc.0)
            .filter(|&at| at <= scope.doc.1)
            .unwrap_or(0);
        (offset, scope.depth)
    });
    let result = if depth > NESTING {
        Err(JsonError::new(
            super::json::Code::TooDeep(NESTING, "typed objects"),
            0,
        ))
    } else {
        read(&mut OneValue { text: source })
    };
    SCOPE.with_borrow_mut(|scope| {
        scope.depth -= 1;
        if let Err(err) = result {
            let at = offset + err.at().unwrap_or(0);
            scope.warnings.push((at, err));
            false
        } else {
            true
        }
    })
}

/// A map that gives one value, read from its source text by a reader of
/// its own: the macro's field reading runs on it unchanged.
pub(crate) struct OneValue<'de> {
    text: &'de str,
}

impl<'de> MapAccess<'de> for OneValue<'de> {
    type Error = JsonError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _: K,
    ) -> Result<Option<K::Value>, JsonError> {
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, JsonError> {
        // The reader that found the source counted its repairs, or rejected
        // them: these are allowed here, and not counted again.
        let controls = Controls::default();
        from_str_seed(self.text, 0, Some(&controls), seed)
    }
}
