//! Writing front matter and body back: YAML between `---` lines, TOML
//! between `+++` lines, JSON as an object at the top of the file, from any
//! `Serialize` value (a user's struct, a model, a [`Value`]), keys in the
//! order the value gives them, written as a person would write them.

use std::fmt::Write as _;

use super::Format;
use super::schema::{Resolved, resolve_plain};
use super::value::{Mapping, Value, ValueKind};
use crate::{Error, ErrorKind, Result};

/// Writes `front_matter` in `format`, then `body`, as one file: YAML
/// between `---` lines, TOML between `+++` lines (as Hugo writes it), JSON
/// as an object whose braces have lines of their own. Keys come in the
/// order the value gives them (a [`Value`] or model read from a file: the
/// file's order); YAML strings are quoted only where YAML needs it, dates
/// stay dates (bare TOML dates, plain YAML), lists are block lists.
///
/// # Errors
///
/// [`ErrorKind::InvalidType`] when the front matter is not a mapping;
/// [`ErrorKind::Unsupported`] for a value the format cannot hold, with its
/// field path: a null in TOML (TOML has no null), an infinite or NaN float
/// in JSON; the errors of `T`'s `Serialize`.
///
/// # Examples
///
/// ```
/// use pressmark::frontmatter::{self, Format};
///
/// #[derive(serde::Serialize)]
/// struct Post<'a> {
///     title: &'a str,
///     date: &'a str,
///     tags: Vec<&'a str>,
/// }
///
/// let post = Post { title: "Tides: a guide", date: "2024-03-01", tags: vec!["sea", "yes"] };
/// let yaml = frontmatter::to_string(&post, "High water.\n", Format::Yaml)?;
/// assert_eq!(
///     yaml,
///     "---\ntitle: \"Tides: a guide\"\ndate: 2024-03-01\ntags:\n  - sea\n  - \"yes\"\n---\nHigh water.\n"
/// );
/// let toml = frontmatter::to_string(&post, "High water.\n", Format::Toml)?;
/// assert_eq!(
///     toml,
///     "+++\ntitle = \"Tides: a guide\"\ndate = 2024-03-01\ntags = [\"sea\", \"yes\"]\n+++\nHigh water.\n"
/// );
/// // What is written reads back to the same values.
/// let back = frontmatter::parse(&toml)?;
/// assert_eq!(back.value().get("date").and_then(|d| d.as_str()), Some("2024-03-01"));
/// # Ok::<(), pressmark::Error>(())
/// ```
pub fn to_string<T: serde::Serialize + ?Sized>(
    front_matter: &T,
    body: &str,
    format: Format,
) -> Result<String> {
    let value = super::value_ser::to_value(front_matter)?;
    let ValueKind::Mapping(mapping) = &value.kind else {
        return Err(Error::new(
            ErrorKind::InvalidType,
            format!(
                "invalid type: {}, expected a mapping as front matter",
                value.describe()
            ),
        ));
    };
    let mut out = String::with_capacity(body.len() + 256);
    match format {
        Format::Yaml => {
            out.push_str("---\n");
            yaml_mapping(&mut out, mapping, 0, false);
            out.push_str("---\n");
        }
        Format::Toml => {
            out.push_str("+++\n");
            out.push_str(&toml_text(mapping)?);
            out.push_str("+++\n");
        }
        Format::Json => {
            check_json(&value, "")?;
            if mapping.is_empty() {
                out.push_str("{\n}");
            } else {
                out.push_str(&serde_json::to_string_pretty(&value).map_err(|e| {
                    Error::new(ErrorKind::InvalidValue, format!("cannot write json: {e}"))
                })?);
            }
            out.push('\n');
        }
    }
    out.push_str(body);
    Ok(out)
}

impl<T: serde::Serialize> super::Document<'_, T> {
    /// The document written back in `format`: its front matter, then its
    /// body untouched (see [`to_string`](super::to_string())).
    ///
    /// # Errors
    ///
    /// As [`to_string`](super::to_string()).
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::frontmatter::{self, Format};
    ///
    /// let doc = frontmatter::page("+++\ntitle = \"Tides\"\ndraft = true\n+++\nBody\n")?;
    /// assert_eq!(doc.to_string_as(Format::Yaml)?, "---\ntitle: Tides\ndraft: true\n---\nBody\n");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub fn to_string_as(&self, format: Format) -> Result<String> {
        to_string(self.value(), self.body(), format)
    }
}

// ---- YAML ----

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// The entries of `m`, one per line at `at` spaces (the first line's
/// indentation already written when `inline_first`).
fn yaml_mapping(out: &mut String, m: &Mapping<'_>, at: usize, inline_first: bool) {
    for (i, e) in m.entries().iter().enumerate() {
        if i > 0 || !inline_first {
            indent(out, at);
        }
        yaml_string(out, &e.key, at);
        out.push(':');
        yaml_after(out, &e.value, at);
    }
}

/// The items of `items`, one `- ` per item at `at` spaces.
fn yaml_sequence(out: &mut String, items: &[Value<'_>], at: usize, inline_first: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !inline_first {
            indent(out, at);
        }
        out.push_str("- ");
        match &item.kind {
            ValueKind::Mapping(m) if !m.is_empty() => yaml_mapping(out, m, at + 2, true),
            ValueKind::Sequence(s) if !s.is_empty() => yaml_sequence(out, s, at + 2, true),
            _ => {
                yaml_scalar(out, item, at);
                out.push('\n');
            }
        }
    }
}

/// A mapping's value after its key and `:`.
fn yaml_after(out: &mut String, v: &Value<'_>, at: usize) {
    match &v.kind {
        ValueKind::Mapping(m) if !m.is_empty() => {
            out.push('\n');
            yaml_mapping(out, m, at + 2, false);
        }
        ValueKind::Sequence(s) if !s.is_empty() => {
            out.push('\n');
            yaml_sequence(out, s, at + 2, false);
        }
        _ => {
            out.push(' ');
            yaml_scalar(out, v, at);
            out.push('\n');
        }
    }
}

fn yaml_scalar(out: &mut String, v: &Value<'_>, at: usize) {
    match &v.kind {
        ValueKind::Null => out.push_str("null"),
        ValueKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        ValueKind::Int(i) => {
            let _ = write!(out, "{i}");
        }
        ValueKind::Float(f) => out.push_str(&yaml_float(*f)),
        ValueKind::String(s) => yaml_string(out, s, at),
        ValueKind::Sequence(_) => out.push_str("[]"),
        ValueKind::Mapping(_) => out.push_str("{}"),
    }
}

/// A float that reads back as this float: `.inf`, `.nan`, and a `.` or an
/// exponent always.
fn yaml_float(f: f64) -> String {
    if f.is_nan() {
        ".nan".to_owned()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.to_owned()
    } else {
        format!("{f:?}")
    }
}

/// A string plain where YAML reads it back as the same string (in YAML 1.2
/// and in the YAML 1.1 readers some generators use), as a literal block
/// when it has several lines, double-quoted otherwise.
fn yaml_string(out: &mut String, s: &str, at: usize) {
    if plain_ok(s) {
        out.push_str(s);
    } else if literal_ok(s) {
        let body = s.trim_end_matches('\n');
        let trailing = s.len() - body.len();
        out.push_str(match trailing {
            0 => "|-",
            1 => "|",
            _ => "|+",
        });
        for line in body.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                indent(out, at + 2);
                out.push_str(line);
            }
        }
        // Kept line breaks past the last line's own, each an empty line
        // (the caller ends the last line).
        for _ in 1..trailing {
            out.push('\n');
        }
    } else {
        double_quoted(out, s);
    }
}

/// Whether YAML (1.2, and 1.1 as Jekyll's Ruby reads it) reads `s` plain
/// as this string.
fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@` \t".contains(first)
        || s.ends_with([' ', '\t', ':'])
        || s.contains(": ")
        || s.contains(" #")
        || s.chars().any(needs_escape)
        || resolve_plain(s) != Resolved::String
    {
        return false;
    }
    // YAML 1.1 booleans, and numbers in its forms.
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "y" | "n" | "yes" | "no" | "on" | "off" | ".inf" | ".nan"
    ) {
        return false;
    }
    // YAML 1.1's numbers: `0b101`, `1_000`, sexagesimal `1:30`.
    let t = s.trim_start_matches(['+', '-']);
    let only = |allowed: &str| t.chars().all(|c| c.is_ascii_digit() || allowed.contains(c));
    !((t.starts_with("0b") && t.len() > 2 && t[2..].chars().all(|c| "01_".contains(c)))
        || (t.starts_with(|c: char| c.is_ascii_digit()) && t.contains('_') && only("_."))
        || (t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(':') && only(":.")))
}

/// What a double-quoted scalar must escape: line breaks, controls, and
/// what YAML does not allow raw or 1.1 readers take as a line break.
fn needs_escape(c: char) -> bool {
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether `s` reads back the same as a literal block: several lines, no
/// character that needs escaping but `\n`, no line that starts with a
/// space or is only blanks (their indentation would be misread).
fn literal_ok(s: &str) -> bool {
    let body = s.trim_end_matches('\n');
    body.contains('\n')
        && !body.is_empty()
        && !s.chars().any(|c| c != '\n' && needs_escape(c))
        && body.split('\n').all(|line| {
            !line.starts_with([' ', '\t']) && (line.is_empty() || !line.trim().is_empty())
        })
}

fn double_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if needs_escape(c) => {
                let _ = if u32::from(c) <= 0xff {
                    write!(out, "\\x{:02X}", u32::from(c))
                } else {
                    write!(out, "\\u{:04X}", u32::from(c))
                };
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// ---- TOML ----

fn toml_text(mapping: &Mapping<'_>) -> Result<String> {
    let table = toml_table(mapping, "")?;
    ::toml::to_string(&table).map_err(|e| {
        Error::new(ErrorKind::InvalidValue, format!("cannot write toml: {e}")).with_source(e)
    })
}

fn toml_table(mapping: &Mapping<'_>, path: &str) -> Result<::toml::Table> {
    let mut table = ::toml::Table::new();
    for e in mapping.entries() {
        let path = if path.is_empty() {
            e.key.to_string()
        } else {
            format!("{path}.{}", e.key)
        };
        table.insert(e.key.to_string(), toml_value(&e.value, &path)?);
    }
    Ok(table)
}

fn toml_value(v: &Value<'_>, path: &str) -> Result<::toml::Value> {
    use ::toml::Value as T;
    Ok(match &v.kind {
        ValueKind::Null => {
            return Err(Error::new(
                ErrorKind::Unsupported,
                "unsupported in toml: expected a value, found null (toml has no null; leave the key out or give it a value)",
            )
            .with_path(path));
        }
        ValueKind::Bool(b) => T::Boolean(*b),
        ValueKind::Int(i) => T::Integer(*i),
        ValueKind::Float(f) => T::Float(*f),
        // A date or time written as TOML writes one stays a date: it reads
        // back as the same text.
        ValueKind::String(s) => match s.parse::<::toml::value::Datetime>() {
            Ok(d) if d.to_string() == s.as_str() => T::Datetime(d),
            _ => T::String(s.to_string()),
        },
        ValueKind::Sequence(items) => T::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| toml_value(item, &format!("{path}[{i}]")))
                .collect::<Result<_>>()?,
        ),
        ValueKind::Mapping(m) => T::Table(toml_table(m, path)?),
    })
}

// ---- JSON ----

/// JSON has no infinity or NaN (serde_json would write them as null).
fn check_json(v: &Value<'_>, path: &str) -> Result<()> {
    match &v.kind {
        ValueKind::Float(f) if !f.is_finite() => Err(Error::new(
            ErrorKind::Unsupported,
            format!("unsupported in json: expected a finite number, found {f}"),
        )
        .with_path(path)),
        ValueKind::Sequence(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| check_json(item, &format!("{path}[{i}]"))),
        ValueKind::Mapping(m) => m.entries().iter().try_for_each(|e| {
            let path = if path.is_empty() {
                e.key.to_string()
            } else {
                format!("{path}.{}", e.key)
            };
            check_json(&e.value, &path)
        }),
        _ => Ok(()),
    }
}
