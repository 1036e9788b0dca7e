//! [`ReadOptions`]: how strictly WordPress JSON is read.

/// How to read WordPress JSON.
///
/// The default reads what real responses hold and reports what it did: raw
/// control characters and lone surrogate escapes are repaired (see
/// [`Parsed::repairs`](super::Parsed::repairs)), and a collection's item
/// that cannot be read is set aside (see
/// [`Parsed::failures`](super::Parsed::failures)) while the others are
/// read. Fields must type: a word where a number goes fails its item,
/// unless [`ReadOptions::lenient`] keeps it.
///
/// | | [`strict`](ReadOptions::strict) | default | [`lenient`](ReadOptions::lenient) |
/// | --- | --- | --- | --- |
/// | raw control characters, lone surrogates | error | repaired | repaired |
/// | a collection's bad item | fails the read | set aside | set aside |
/// | a field that does not type | fails its item | fails its item | kept as sent, with a warning |
///
/// # Examples
///
/// ```
/// use pressmark::wordpress::{self, Post, ReadOptions};
///
/// let dump = "{\"id\":1,\"content\":{\"rendered\":\"<p>a\n</p>\"}}"; // a raw newline
/// assert!(wordpress::from_str::<Post>(dump).is_ok());
/// let err = wordpress::from_str_with::<Post>(dump, &ReadOptions::strict()).unwrap_err();
/// assert_eq!(err.position().map(|p| (p.line(), p.column())), Some((1, 36))); // the newline
///
/// let json = r#"{"id":2,"date":"soon"}"#;
/// assert!(wordpress::from_str::<Post>(json).is_err());
/// let post = wordpress::from_str_with::<Post>(json, &ReadOptions::lenient())?;
/// assert_eq!(post.date, None);
/// assert_eq!(post.extra.get("date").unwrap().get(), r#""soon""#);
/// assert_eq!(post.warnings()[0].path(), Some("date"));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Read raw control characters (a literal newline) inside strings,
    /// which strict JSON forbids but dumps and scrapes contain, and report
    /// them in [`Parsed::repairs`](super::Parsed::repairs): a string's
    /// value holds them as they are, and a value kept as
    /// [`RawJson`](super::RawJson) or [`JsonStr`](super::JsonStr) gets
    /// them escaped, so that it stays JSON. When `false`, they are an error
    /// at the first one. Default: `true`.
    pub repair_control_characters: bool,
    /// Read a lone surrogate escape (`"caf\ud800e"`, half of a UTF-16 pair,
    /// which no character is) as U+FFFD and report it in
    /// [`Parsed::repairs`](super::Parsed::repairs). When `false`, it is an
    /// error. Default: `true`.
    pub repair_lone_surrogates: bool,
    /// Fail the whole read at a collection's first item that cannot be
    /// read. When `false`, such an item is set aside, as sent, in
    /// [`Parsed::failures`](super::Parsed::failures), and the others are
    /// read. Default: `false`.
    pub all_or_nothing: bool,
    /// Keep an object whose field cannot be typed (a word where a number
    /// goes, `"date":"soon"`, a number beyond 64 bits, an object where a
    /// string goes): the field's value is kept as sent in the object's
    /// `extra` (so that it is written back), and a warning with its path
    /// and position is recorded in
    /// [`Parsed::warnings`](super::Parsed::warnings). When `false`, such a
    /// field fails its object. Default: `false` here;
    /// [`pressmark::from_slice`](crate::from_slice) reads leniently.
    ///
    /// No field of a WordPress object is required: a response fetched with
    /// `?_fields=` may leave out any. What still fails an object: not being
    /// a JSON object, the same key twice, being another kind of object
    /// than asked for, and broken JSON (which fails the whole read).
    pub lenient: bool,
    /// The encoding the bytes are in, by its WHATWG label
    /// (`"windows-1252"`, `"latin1"`, `"shift_jis"`, ...): [`from_slice`](super::from_slice)
    /// transcodes them to UTF-8 before reading, and
    /// [`Parsed::transcoded_from`](super::Parsed::transcoded_from) says
    /// so. `None`: UTF-8, or UTF-16 when the bytes start with its byte
    /// order mark (decoded, and said likewise). Default: `None`.
    pub encoding: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            repair_control_characters: true,
            repair_lone_surrogates: true,
            all_or_nothing: false,
            lenient: false,
            encoding: None,
        }
    }
}

impl ReadOptions {
    /// Strict JSON, all or nothing: no repairs, and a collection fails at
    /// its first bad item.
    #[must_use]
    pub fn strict() -> ReadOptions {
        ReadOptions {
            repair_control_characters: false,
            repair_lone_surrogates: false,
            all_or_nothing: true,
            ..ReadOptions::default()
        }
    }

    /// The default, with fields that do not type kept as sent (see
    /// [`ReadOptions::lenient`](ReadOptions#structfield.lenient)).
    #[must_use]
    pub fn lenient() -> ReadOptions {
        ReadOptions {
            lenient: true,
            ..ReadOptions::default()
        }
    }
}
