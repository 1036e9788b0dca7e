//! The reader's guesses of each next key, learned per model: a model's key
//! loop hands the reader its key table (`key_table.rs`), and the reader
//! compares the key it guesses with the input's bytes before reading the
//! key as a string. The objects of one collection send their keys in one
//! order, so after the first object nearly every guess is right.

use crate::wordpress::key_table::MAX_KEYS;

/// Where the guess for an object's first key is kept.
pub(super) const BEFORE_FIRST: u8 = MAX_KEYS as u8;
/// Where the guess after a key the model does not know is kept.
pub(super) const AFTER_UNKNOWN: u8 = MAX_KEYS as u8 + 1;

/// Tables followed at once: a model and the models inside it (a post's
/// `title` and `content`).
const WAYS: usize = 4;

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

impl KeyOrders {
    pub(super) fn new() -> KeyOrders {
        KeyOrders {
            tables: [0; WAYS],
            next: [[0; MAX_KEYS + 2]; WAYS],
            oldest: 0,
        }
    }

    /// The guesses for the table whose slots are `slots`, each key's next
    /// by the key's index (or [`BEFORE_FIRST`], [`AFTER_UNKNOWN`]).
    #[inline]
    pub(super) fn of(&mut self, slots: &'static [u8]) -> &mut [u8; MAX_KEYS + 2] {
        let id = slots.as_ptr() as usize;
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
