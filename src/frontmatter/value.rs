//! [`Value`]: a front-matter value with its position in the whole file.

use crate::map_text::MapText;
use crate::{Position, Text};

/// A front-matter value and where it starts in the caller's whole input.
///
/// Built from YAML or JSON front matter, every value has a position;
/// values built by hand have none. Strings borrow from the input where the
/// YAML scalar is the input's bytes (plain scalars, quoted scalars without
/// escapes).
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::{self, ValueKind};
///
/// let input = "---\ntitle: Hello\nheat: -1\n---\n";
/// let doc = frontmatter::parse(input)?;
/// let heat = doc.value().get("heat").expect("heat");
/// assert_eq!(heat.kind, ValueKind::Int(-1));
/// assert_eq!(heat.position().map(|p| (p.line(), p.column())), Some((3, 7)));
/// # Ok::<(), pressmark::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Value<'a> {
    /// What the value is.
    pub kind: ValueKind<'a>,
    pub(crate) pos: Pos,
}

/// A [`Position`] in 12 bytes (front matter is far below 4 GiB), `line` 0
/// standing for "none": it is in every value and key, so its size counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Pos {
    byte: u32,
    line: u32,
    column: u32,
}

impl Pos {
    pub(crate) const NONE: Pos = Pos {
        byte: 0,
        line: 0,
        column: 0,
    };

    /// Saturates at `u32::MAX`; the YAML reader keeps inputs far below.
    pub(crate) fn new(p: Position) -> Pos {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Pos {
            byte: small(p.byte()),
            line: small(p.line()),
            column: small(p.column()),
        }
    }

    pub(crate) fn get(self) -> Option<Position> {
        (self.line != 0)
            .then(|| Position::new(self.byte as usize, self.line as usize, self.column as usize))
    }
}

/// The content of a [`Value`], typed by the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind<'a> {
    /// `null`, `~` or nothing.
    Null,
    /// `true` or `false` (also `True`, `TRUE`...).
    Bool(bool),
    /// An integer: decimal, `0o` octal or `0x` hexadecimal, in the `i64` range
    /// (a larger one is a [`ValueKind::String`], as written, rather than a
    /// float that would round its digits).
    Int(i64),
    /// A floating-point number, `.inf`, `-.inf` or `.nan` (a number past
    /// `f64`'s range, `1e400`, is a [`ValueKind::String`], as written).
    Float(f64),
    /// Any other scalar.
    String(Text<'a>),
    /// A sequence.
    Sequence(Vec<Value<'a>>),
    /// A mapping, in input order.
    Mapping(Mapping<'a>),
}

impl<'a> Value<'a> {
    /// A value without a position.
    #[must_use]
    pub fn new(kind: ValueKind<'a>) -> Value<'a> {
        Value {
            kind,
            pos: Pos::NONE,
        }
    }

    /// A value read at `position`.
    pub(crate) fn at(kind: ValueKind<'a>, position: Position) -> Value<'a> {
        Value {
            kind,
            pos: Pos::new(position),
        }
    }

    /// Where the value starts in the whole input; `None` for values not
    /// read from YAML (JSON front matter, values built by hand).
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        self.pos.get()
    }

    /// The value of `key` if this is a mapping that has it.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match &self.kind {
            ValueKind::Mapping(m) => m.get(key),
            _ => None,
        }
    }

    /// The string, if this is a string.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ValueKind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The integer, if this is an integer.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match self.kind {
            ValueKind::Int(i) => Some(i),
            _ => None,
        }
    }

    /// The number as a float, if this is an integer or a float.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            ValueKind::Int(i) => Some(i as f64),
            ValueKind::Float(f) => Some(f),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            ValueKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The items, if this is a sequence.
    #[must_use]
    pub fn as_sequence(&self) -> Option<&[Value<'a>]> {
        match &self.kind {
            ValueKind::Sequence(s) => Some(s),
            _ => None,
        }
    }

    /// The mapping, if this is a mapping.
    #[must_use]
    pub fn as_mapping(&self) -> Option<&Mapping<'a>> {
        match &self.kind {
            ValueKind::Mapping(m) => Some(m),
            _ => None,
        }
    }

    /// Whether this is null.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self.kind, ValueKind::Null)
    }

    /// Detaches the value from the input, copying every borrowed string.
    #[must_use]
    pub fn into_owned(self) -> Value<'static> {
        self.map_text(&mut Text::into_owned)
    }

    /// What the value is, for messages: `string "high"`, `integer 67`.
    pub(crate) fn describe(&self) -> String {
        match &self.kind {
            ValueKind::Null => "null".to_owned(),
            ValueKind::Bool(b) => format!("boolean `{b}`"),
            ValueKind::Int(i) => format!("integer `{i}`"),
            ValueKind::Float(f) => format!("floating point `{f}`"),
            ValueKind::String(s) => format!("string {:?}", s.as_str()),
            ValueKind::Sequence(_) => "sequence".to_owned(),
            ValueKind::Mapping(_) => "mapping".to_owned(),
        }
    }
}

/// A key of a [`Mapping`], its position, and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    /// The key. Keys are scalars; a key that is not a string (`2019: x`) is
    /// kept as written.
    pub key: Text<'a>,
    pub(crate) key_pos: Pos,
    /// The value.
    pub value: Value<'a>,
}

impl<'a> Entry<'a> {
    /// An entry without a key position.
    #[must_use]
    pub fn new(key: impl Into<Text<'a>>, value: Value<'a>) -> Entry<'a> {
        Entry {
            key: key.into(),
            key_pos: Pos::NONE,
            value,
        }
    }

    /// An entry whose key was read at `position`.
    pub(crate) fn at(key: Text<'a>, position: Position, value: Value<'a>) -> Entry<'a> {
        Entry {
            key,
            key_pos: Pos::new(position),
            value,
        }
    }

    /// Where the key starts in the whole input, when known.
    #[must_use]
    pub fn key_position(&self) -> Option<Position> {
        self.key_pos.get()
    }
}

/// The entries of a mapping, in input order; keys are unique.
///
/// Also holds the keys a typed model does not know (its `extra` field), so
/// that nothing in the input is lost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping<'a> {
    entries: Vec<Entry<'a>>,
}

impl<'a> Mapping<'a> {
    /// An empty mapping.
    #[must_use]
    pub fn new() -> Mapping<'a> {
        Mapping::default()
    }

    pub(crate) fn from_entries(entries: Vec<Entry<'a>>) -> Mapping<'a> {
        Mapping { entries }
    }

    /// The value of `key`, if present.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entry of `key`, if present.
    #[must_use]
    pub fn entry(&self, key: &str) -> Option<&Entry<'a>> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The entries in input order.
    #[must_use]
    pub fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    /// The keys in input order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|e| e.key.as_str())
    }

    /// How many entries there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, to set their positions.
    pub(crate) fn entries_mut(&mut self) -> &mut [Entry<'a>] {
        &mut self.entries
    }

    /// Appends an entry (the caller keeps keys unique).
    pub fn push(&mut self, entry: Entry<'a>) {
        self.entries.push(entry);
    }

    /// The entries, consuming the mapping.
    #[must_use]
    pub fn into_entries(self) -> Vec<Entry<'a>> {
        self.entries
    }

    /// Detaches the mapping from the input, copying every borrowed string.
    #[must_use]
    pub fn into_owned(self) -> Mapping<'static> {
        self.map_text(&mut Text::into_owned)
    }
}

impl<'a> MapText<'a> for Value<'a> {
    type Out<'b> = Value<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Value<'b> {
        let kind = match self.kind {
            ValueKind::Null => ValueKind::Null,
            ValueKind::Bool(b) => ValueKind::Bool(b),
            ValueKind::Int(i) => ValueKind::Int(i),
            ValueKind::Float(x) => ValueKind::Float(x),
            ValueKind::String(s) => ValueKind::String(f(s)),
            ValueKind::Sequence(items) => ValueKind::Sequence(items.map_text(f)),
            ValueKind::Mapping(m) => ValueKind::Mapping(m.map_text(f)),
        };
        Value {
            kind,
            pos: self.pos,
        }
    }
}

impl<'a> MapText<'a> for Mapping<'a> {
    type Out<'b> = Mapping<'b>;
    fn map_text<'b, F: FnMut(Text<'a>) -> Text<'b>>(self, f: &mut F) -> Mapping<'b> {
        Mapping {
            entries: self
                .entries
                .into_iter()
                .map(|e| Entry {
                    key: f(e.key),
                    key_pos: e.key_pos,
                    value: e.value.map_text(f),
                })
                .collect(),
        }
    }
}

impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.kind {
            ValueKind::Null => s.serialize_unit(),
            ValueKind::Bool(b) => s.serialize_bool(*b),
            ValueKind::Int(i) => s.serialize_i64(*i),
            ValueKind::Float(f) => s.serialize_f64(*f),
            ValueKind::String(t) => s.serialize_str(t),
            ValueKind::Sequence(items) => s.collect_seq(items),
            ValueKind::Mapping(m) => m.serialize(s),
        }
    }
}

impl serde::Serialize for Mapping<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.entries.iter().map(|e| (e.key.as_str(), &e.value)))
    }
}

/// Reads any self-describing serde format (a JSON object, say) into a
/// [`Value`] without positions (JSON front matter gets them afterwards),
/// copying strings the format cannot lend.
impl<'de: 'a, 'a> serde::Deserialize<'de> for Value<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> serde::de::Visitor<'de> for ValueVisitor {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value")
    }
    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::Null))
    }
    fn visit_none<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::Null))
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value<'de>, D::Error> {
        serde::Deserialize::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::Int(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value<'de>, E> {
        Ok(Value::new(match i64::try_from(v) {
            Ok(i) => ValueKind::Int(i),
            Err(_) => ValueKind::Float(v as f64),
        }))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::Float(v)))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::String(Text::borrowed(v))))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::String(Text::from(v.to_owned()))))
    }
    fn visit_string<E>(self, v: String) -> Result<Value<'de>, E> {
        Ok(Value::new(ValueKind::String(Text::from(v))))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::new(ValueKind::Sequence(items)))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Text<'de>>()? {
            let value = map.next_value()?;
            entries.push(Entry::new(key, value));
        }
        if let Some(i) = find_duplicate(&entries) {
            return Err(serde::de::Error::custom(format_args!(
                "duplicate key `{}` in a mapping",
                entries[i].key
            )));
        }
        Ok(Value::new(ValueKind::Mapping(Mapping::from_entries(
            entries,
        ))))
    }
}

/// The index of the first entry (in input order) whose key an earlier entry
/// already has; `O(n log n)`, so that a hostile mapping with many keys stays
/// cheap.
pub(crate) fn find_duplicate(entries: &[Entry<'_>]) -> Option<usize> {
    if entries.len() <= 32 {
        return (1..entries.len()).find(|&i| entries[..i].iter().any(|e| e.key == entries[i].key));
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].key.cmp(&entries[b].key).then(a.cmp(&b)));
    order
        .windows(2)
        .filter(|w| entries[w[0]].key == entries[w[1]].key)
        .map(|w| w[1])
        .min()
}
