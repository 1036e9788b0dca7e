//! The reader's guesses of each next key, learned per model: a model's key
//! loop hands the reader its key table (`key_table.rs`), and the reader
//! compares the key it guesses with the input's bytes before reading the
//! key as a string. The objects of one collection send their keys in one
//! order, so after the first object nearly every guess is right; and
//! responses of one site send them in one order, so what one read learned
//! is where the next read on the thread starts (a folder of small files
//! otherwise paid a wrong guess for most keys of each).
//!
//! Guesses never change what is read: a wrong one costs the key's read as
//! a string, as without guesses.

use std::cell::RefCell;

use crate::wordpress::key_table::MAX_KEYS;

/// Where the guess for an object's first key is kept.
pub(super) const BEFORE_FIRST: u8 = MAX_KEYS as u8;
/// Where the guess after a key the model does not know is kept.
pub(super) const AFTER_UNKNOWN: u8 = MAX_KEYS as u8 + 1;

/// Tables followed at once: a model, the models inside it (a post's
/// `title` and `content`), and the kinds a folder of responses holds.
const WAYS: usize = 8;

/// Before anything is learned, the key after each is the next in the
/// table: models list their keys in the order WordPress sends them.
const IN_TABLE_ORDER: [u8; MAX_KEYS + 2] = {
    let mut next = [0u8; MAX_KEYS + 2];
    let mut i = 0;
    while i < MAX_KEYS {
        next[i] = i as u8 + 1;
        i += 1;
    }
    next[BEFORE_FIRST as usize] = 0;
    // No guess: an index past every table.
    next[AFTER_UNKNOWN as usize] = u8::MAX;
    next
};

/// The key guessed after each key, for the last few key tables met.
pub(super) struct KeyOrders {
    /// Each way's table, by address (`0` for none).
    tables: [usize; WAYS],
    next: [[u8; MAX_KEYS + 2]; WAYS],
    /// The way to reuse next.
    oldest: usize,
}

thread_local! {
    /// What the reads on this thread learned.
    static LEARNED: RefCell<KeyOrders> = const { RefCell::new(KeyOrders::none()) };
}

impl KeyOrders {
    /// Nothing learned.
    pub(super) const fn none() -> KeyOrders {
        KeyOrders {
            tables: [0; WAYS],
            next: [[0; MAX_KEYS + 2]; WAYS],
            oldest: 0,
        }
    }

    /// Runs `read` with what the reads before it on this thread learned,
    /// which it goes on learning in place (not copied in and out: 584
    /// bytes each way were a tenth of a small term's read). A read inside
    /// another (a lenient field read again) starts from nothing.
    pub(super) fn with_learned<R>(read: impl FnOnce(&mut KeyOrders) -> R) -> R {
        LEARNED.with(|learned| match learned.try_borrow_mut() {
            Ok(mut orders) => read(&mut orders),
            Err(_) => read(&mut KeyOrders::none()),
        })
    }

    /// The guesses for the table `id` (its address), each key's next by
    /// the key's index (or [`BEFORE_FIRST`], [`AFTER_UNKNOWN`]).
    #[inline]
    pub(super) fn of(&mut self, id: usize) -> &mut [u8; MAX_KEYS + 2] {
        match self.tables.iter().position(|&t| t == id) {
            Some(way) => &mut self.next[way],
            None => self.learn(id),
        }
    }

    #[cold]
    fn learn(&mut self, id: usize) -> &mut [u8; MAX_KEYS + 2] {
        let way = self.oldest;
        self.oldest = (way + 1) % WAYS;
        self.tables[way] = id;
        self.next[way] = IN_TABLE_ORDER;
        &mut self.next[way]
    }
}
