//! A model's keys as one `&'static str`, which the models' key loops hand
//! the crate's JSON reader, so that a key can be matched where it stands in
//! the input, without being read into a string first.
//!
//! serde has no way to give a deserializer the names a map's keys may
//! take, so the table travels as the name of a newtype struct: a key is
//! read with `deserialize_newtype_struct(table, KeyVisitor)`. Other
//! deserializers (serde_json, `serde_json::Value`) see a newtype struct and
//! hand their own key to the visitor, as a string, which the model matches
//! by name. The crate's reader recognises the table by its prefix, guesses
//! the key from the one before (objects of one collection send their keys
//! in one order), compares the guess with the input's bytes, and gives the
//! visitor the key's index in the table.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use crate::Text;

/// What starts every key table: no struct's name starts with a NUL.
pub(crate) const KEY_TABLE_PREFIX: &str = "\0pressmark::keys\0";

/// Bytes a key takes in a table: the key, its closing quote, padding (NUL),
/// and in the last byte the key's length.
pub(crate) const KEY_SLOT: usize = 32;

/// A table is the prefix, an index of its keys by length (this many
/// bytes), then the keys' slots in the model's order.
///
/// The index holds, for each length, where that length's keys start in a
/// list of the keys' indexes sorted by length (`KEY_SLOT + 1` bytes), then
/// that list ([`MAX_KEYS`] bytes): a key the guess missed is looked up
/// among the keys of its length, not through every slot (a post has 43
/// keys, and plugins send keys no model knows with most posts). Every byte
/// is below 128, so the table stays ASCII.
const LENGTH_INDEX: usize = KEY_SLOT + 1 + MAX_KEYS;

/// What [`marked_index`] adds to a key's index: no other deserializer gives
/// a key past 2^127.
const KEY_INDEX_MARK: u128 = 1 << 127;

/// The key at `index` of a table, as the crate's reader hands it to a
/// [`KeySeed`]'s visitor (`visit_u128`).
#[inline]
pub(crate) fn marked_index(index: u8) -> u128 {
    KEY_INDEX_MARK | u128::from(index)
}

/// Most keys a table holds: the reader's guesses are kept in a `u8` each,
/// with two more places (before the first key; after an unknown key).
pub(crate) const MAX_KEYS: usize = 62;

/// The table's bytes for `keys`; `LEN` must be [`table_len`] of them.
/// Evaluated at compile time: a key that does not fit its slot, or a model
/// with too many keys, fails the build.
pub(crate) const fn key_table_bytes<const LEN: usize>(keys: &[&str]) -> [u8; LEN] {
    assert!(
        LEN == table_len(keys.len()),
        "key table of the wrong length"
    );
    assert!(keys.len() <= MAX_KEYS, "too many keys for a key table");
    let mut out = [0u8; LEN];
    let prefix = KEY_TABLE_PREFIX.as_bytes();
    let mut i = 0;
    while i < prefix.len() {
        out[i] = prefix[i];
        i += 1;
    }
    // The index by length: where each length's keys start in the sorted
    // list, then the list.
    let index = prefix.len();
    let mut len = 0;
    let mut sorted = 0;
    while len <= KEY_SLOT {
        out[index + len] = sorted as u8;
        if len < KEY_SLOT {
            let mut k = 0;
            while k < keys.len() {
                if keys[k].len() == len {
                    out[index + KEY_SLOT + 1 + sorted] = k as u8;
                    sorted += 1;
                }
                k += 1;
            }
        }
        len += 1;
    }
    let mut k = 0;
    while k < keys.len() {
        let key = keys[k].as_bytes();
        assert!(key.len() + 2 <= KEY_SLOT, "key too long for a key table");
        let slot = index + LENGTH_INDEX + k * KEY_SLOT;
        let mut j = 0;
        while j < key.len() {
            out[slot + j] = key[j];
            j += 1;
        }
        out[slot + key.len()] = b'"';
        out[slot + KEY_SLOT - 1] = key.len() as u8;
        k += 1;
    }
    out
}

/// The length of the table of `keys` keys.
pub(crate) const fn table_len(keys: usize) -> usize {
    KEY_TABLE_PREFIX.len() + LENGTH_INDEX + keys * KEY_SLOT
}

/// The table as text, for a newtype struct's name.
pub(crate) const fn key_table_str(bytes: &'static [u8]) -> &'static str {
    match std::str::from_utf8(bytes) {
        Ok(table) => table,
        Err(_) => panic!("a key table is ASCII"),
    }
}

/// A model's key table: `wp_object!` defines one per model.
macro_rules! key_table {
    ($($key:literal),* $(,)?) => {{
        const KEYS: &[&str] = &[$($key),*];
        const LEN: usize = $crate::wordpress::key_table::table_len(KEYS.len());
        const BYTES: [u8; LEN] = $crate::wordpress::key_table::key_table_bytes::<LEN>(KEYS);
        const TABLE: &str = $crate::wordpress::key_table::key_table_str(&BYTES);
        TABLE
    }};
}
pub(crate) use key_table;

/// A key table, as the reader finds it in a newtype struct's name.
#[derive(Clone, Copy)]
pub(crate) struct KeyTable {
    /// The whole name, prefix and index included: one slice is what the
    /// key loop passes around (two cost it more registers than the
    /// offsets cost).
    bytes: &'static [u8],
}

/// Where a table's index by length starts.
const INDEX_AT: usize = KEY_TABLE_PREFIX.len();

/// Where a table's slots start.
const SLOTS_AT: usize = INDEX_AT + LENGTH_INDEX;

impl KeyTable {
    /// The table `name` is, when it is one. The reader reads only the
    /// crate's own types, whose other newtype names are Rust paths: only
    /// tables start with a NUL, so the first byte says.
    #[inline]
    pub(crate) fn in_name(name: &'static str) -> Option<KeyTable> {
        match name.as_bytes().first() {
            Some(0) => Some(KeyTable {
                bytes: name.as_bytes(),
            }),
            _ => None,
        }
    }

    /// The table's address: which table it is.
    pub(crate) fn id(self) -> usize {
        self.bytes.as_ptr() as usize
    }

    /// The slot at `index`.
    #[inline]
    pub(crate) fn slot(self, index: usize) -> Option<&'static [u8; KEY_SLOT]> {
        self.bytes
            .get(SLOTS_AT + index * KEY_SLOT..SLOTS_AT + (index + 1) * KEY_SLOT)?
            .try_into()
            .ok()
    }

    /// The index of `key`, looked up among the keys of its length.
    pub(crate) fn find(self, key: &str) -> Option<usize> {
        let len = key.len();
        let by_length = self.bytes.get(INDEX_AT..SLOTS_AT)?;
        let start = usize::from(*by_length.get(len)?);
        let end = usize::from(*by_length.get(len + 1)?);
        let sorted = by_length.get(KEY_SLOT + 1 + start..KEY_SLOT + 1 + end)?;
        sorted.iter().map(|&k| usize::from(k)).find(|&k| {
            self.slot(k)
                .is_some_and(|slot| slot.get(..len) == Some(key.as_bytes()))
        })
    }
}

/// For each length up to [`KEY_SLOT`], the masks of that many low bytes of
/// two 16-byte words: computed by shifts, they cost more than the compare.
const MASKS: [[u128; 2]; KEY_SLOT + 1] = {
    let mut masks = [[0; 2]; KEY_SLOT + 1];
    let mut len = 0;
    while len <= KEY_SLOT {
        let mut byte = 0;
        while byte < len {
            masks[len][byte / 16] |= 0xff << (8 * (byte % 16));
            byte += 1;
        }
        len += 1;
    }
    masks
};

/// How many bytes of `input` the key in `slot` and its closing quote take
/// when `input` starts with them.
///
/// Two 16-byte compares, masked to the key's length, where the input has
/// 32 bytes left: a call to `memcmp` cost more than the rest of a guessed
/// key's read.
#[inline]
pub(crate) fn slot_matches(slot: &[u8; KEY_SLOT], input: &[u8]) -> Option<usize> {
    let len = usize::from(slot[KEY_SLOT - 1]) + 1;
    match input.get(..KEY_SLOT) {
        Some(ahead) => {
            let word = |bytes: &[u8], at: usize| {
                let mut word = [0; 16];
                word.copy_from_slice(&bytes[at..at + 16]);
                u128::from_le_bytes(word)
            };
            let [low_mask, high_mask] = *MASKS.get(len)?;
            let low = (word(ahead, 0) ^ word(slot, 0)) & low_mask;
            let high = (word(ahead, 16) ^ word(slot, 16)) & high_mask;
            (low | high == 0).then_some(len)
        }
        None => (input.get(..len) == slot.get(..len)).then_some(len),
    }
}

/// A key read by a model's key loop.
pub(crate) enum KeyRead<'de> {
    /// The index of a known key in the model's table (the crate's reader).
    Index(usize),
    /// The key as sent (another deserializer, or a key the model does not
    /// know).
    Name(Text<'de>),
}

/// Reads a key through the model's table.
pub(crate) struct KeySeed(pub(crate) &'static str);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = KeyRead<'de>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<KeyRead<'de>, D::Error> {
        deserializer.deserialize_newtype_struct(self.0, KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = KeyRead<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    /// The crate's reader: an index in the table, as [`marked_index`]
    /// marks it.
    #[inline]
    fn visit_u128<E: de::Error>(self, marked: u128) -> Result<KeyRead<'de>, E> {
        match marked.checked_sub(KEY_INDEX_MARK) {
            Some(index) if index < MAX_KEYS as u128 => Ok(KeyRead::Index(index as usize)),
            _ => Err(E::invalid_type(de::Unexpected::Other("an integer"), &self)),
        }
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<KeyRead<'de>, E> {
        Ok(KeyRead::Name(Text::borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyRead<'de>, E> {
        Ok(KeyRead::Name(Text::from(String::from(key))))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<KeyRead<'de>, E> {
        Ok(KeyRead::Name(Text::from(key)))
    }

    /// Any other deserializer: its key, as a string.
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<KeyRead<'de>, D::Error> {
        <Text<'de> as de::Deserialize>::deserialize(deserializer).map(KeyRead::Name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_finds_each_key_and_no_other() {
        const TABLE: &str = key_table!("id", "date_gmt", "wp:featuredmedia");
        let table = KeyTable::in_name(TABLE).unwrap();
        let date_gmt = table.slot(1).unwrap();
        assert_eq!(slot_matches(date_gmt, b"date_gmt\":1"), Some(9));
        assert_eq!(
            slot_matches(date_gmt, b"date_gmt\" : \"2024-01-01T00:00:00\""),
            Some(9)
        );
        assert_eq!(
            slot_matches(date_gmt, b"date_gmtx\" : \"2024-01-01T00:00:00\""),
            None
        );
        assert_eq!(
            slot_matches(date_gmt, b"date\" : \"2024-01-01T00:00:00\", \"x\""),
            None
        );
        assert_eq!(slot_matches(date_gmt, b"date_gm"), None);
        let long = table.slot(2).unwrap();
        assert_eq!(
            slot_matches(
                long,
                b"wp:featuredmedia\":[{\"href\":\"https://example.com\"}]"
            ),
            Some(17)
        );
        assert_eq!(
            slot_matches(
                long,
                b"wp:featuredmediA\":[{\"href\":\"https://example.com\"}]"
            ),
            None
        );
        assert_eq!(slot_matches(long, b"wp:featuredmedia\""), Some(17));
        assert_eq!(table.slot(3), None);
        assert_eq!(table.find("wp:featuredmedia"), Some(2));
        assert_eq!(table.find("date_gmt"), Some(1));
        assert_eq!(table.find("id"), Some(0));
        assert_eq!(table.find("date"), None);
        assert_eq!(table.find("id\""), None);
        assert_eq!(table.find(""), None);
        assert!(KeyTable::in_name("RawJson").is_none());
    }

    #[test]
    fn keys_of_one_length_are_each_found_at_their_index() {
        // The keys, and the table of them, from one list.
        macro_rules! keys_and_table {
            ($($key:literal),*) => {
                ([$($key),*], key_table!($($key),*))
            };
        }
        const KEYS_AND_TABLE: ([&str; 9], &str) = keys_and_table!(
            "date",
            "id",
            "slug",
            "date_gmt",
            "link",
            "modified",
            "type",
            "",
            "a_key_of_thirty_bytes_exactly!"
        );
        let (keys, name) = KEYS_AND_TABLE;
        let table = KeyTable::in_name(name).unwrap();
        for (index, key) in keys.iter().enumerate() {
            assert_eq!(table.find(key), Some(index), "{key:?}");
        }
        for unknown in [
            "tags",
            "name",
            "i",
            "modified_",
            "a_key_of_thirty_bytes_exactly?",
        ] {
            assert_eq!(table.find(unknown), None, "{unknown:?}");
        }
        assert_eq!(table.find(&"x".repeat(31)), None);
        assert_eq!(table.find(&"x".repeat(100)), None);
    }
}
