//! TOML front matter (`+++`) to [`Value`]s with positions in the whole
//! file, from the `toml` crate's spanned tables (byte ranges of every key
//! and value, in the file's order).

use ::toml::Spanned;
use ::toml::de::{DeTable, DeValue};

use super::Limits;
use super::value::{Entry, Mapping, Value, ValueKind};
use crate::error::LineCounter;
use crate::{Error, ErrorKind, Position, Result, Text};

/// Parses `fragment` (at byte `base` of `input`) into a mapping.
pub(crate) fn parse<'a>(
    input: &'a str,
    fragment: &'a str,
    base: usize,
    limits: &Limits,
) -> Result<Value<'a>> {
    super::check_size(input, fragment, base, limits.max_bytes)?;
    let table = DeTable::parse(fragment).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start).min(fragment.len());
        let message = e.message().trim_end_matches('\n');
        let (kind, message) = if message.contains("duplicate key") {
            let key = e.span().and_then(|s| fragment.get(s)).unwrap_or("");
            (
                ErrorKind::DuplicateKey,
                format!("duplicate key `{key}`: expected each key once in a table"),
            )
        } else {
            (ErrorKind::Syntax, format!("invalid toml: {message}"))
        };
        Error::new(kind, message)
            .with_position(Position::locate(input, base + at))
            .with_source(e)
    })?;
    let mut reader = Reader {
        input,
        fragment,
        base,
        lines: LineCounter::default(),
        nodes: 0,
        limits,
    };
    let start = reader.here(0);
    let mapping = reader.table(table.into_inner(), 0)?;
    Ok(Value::at(ValueKind::Mapping(mapping), start))
}

struct Reader<'r, 'a> {
    input: &'a str,
    fragment: &'a str,
    base: usize,
    lines: LineCounter,
    nodes: usize,
    limits: &'r Limits,
}

impl<'a> Reader<'_, 'a> {
    /// The position of byte `at` of the fragment.
    fn here(&mut self, at: usize) -> Position {
        self.lines.locate(
            self.input.as_bytes(),
            self.base + at.min(self.fragment.len()),
        )
    }

    fn count(&mut self, position: Position, depth: usize) -> Result<()> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(Error::new(
                ErrorKind::LimitExceeded,
                format!(
                    "front matter has too many values: expected at most {}",
                    self.limits.max_nodes
                ),
            )
            .with_position(position));
        }
        if depth > self.limits.max_depth {
            return Err(Error::new(
                ErrorKind::LimitExceeded,
                format!(
                    "front matter nested too deeply: expected at most {} levels",
                    self.limits.max_depth
                ),
            )
            .with_position(position));
        }
        Ok(())
    }

    /// A string of the fragment, borrowed when the TOML held it byte for byte.
    fn text(&self, s: std::borrow::Cow<'a, str>) -> Text<'a> {
        match s {
            std::borrow::Cow::Borrowed(b) => Text::borrowed(b),
            std::borrow::Cow::Owned(o) => Text::from(o),
        }
    }

    fn table(&mut self, table: DeTable<'a>, depth: usize) -> Result<Mapping<'a>> {
        let mut entries = Vec::with_capacity(table.len());
        for (key, value) in table {
            let key_position = self.here(key.span().start);
            let key = self.text(key.into_inner());
            let value = self.value(value, depth + 1)?;
            entries.push(Entry::at(key, key_position, value));
        }
        Ok(Mapping::from_entries(entries))
    }

    fn value(&mut self, value: Spanned<DeValue<'a>>, depth: usize) -> Result<Value<'a>> {
        let span = value.span();
        let position = self.here(span.start);
        self.count(position, depth)?;
        let kind = match value.into_inner() {
            DeValue::String(s) => ValueKind::String(self.text(s)),
            DeValue::Boolean(b) => ValueKind::Bool(b),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => ValueKind::Int(n),
                // Past i64 (TOML allows only i64): kept as written.
                Err(_) => ValueKind::String(self.raw(span)),
            },
            DeValue::Float(f) => match f.as_str().parse::<f64>() {
                Ok(x)
                    if x.is_finite()
                        || f.as_str().contains("inf")
                        || f.as_str().contains("nan") =>
                {
                    ValueKind::Float(x)
                }
                _ => ValueKind::String(self.raw(span)),
            },
            // Dates and times are strings, as written; the models read them.
            DeValue::Datetime(_) => ValueKind::String(self.raw(span)),
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.value(item, depth + 1)?);
                }
                ValueKind::Sequence(out)
            }
            DeValue::Table(t) => ValueKind::Mapping(self.table(t, depth)?),
        };
        Ok(Value::at(kind, position))
    }

    /// The fragment's text at `span`, as written.
    fn raw(&self, span: std::ops::Range<usize>) -> Text<'a> {
        let fragment: &'a str = self.fragment;
        Text::borrowed(fragment.get(span).unwrap_or(""))
    }
}
