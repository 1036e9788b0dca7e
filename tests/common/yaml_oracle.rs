//! The YAML oracle: front matter read by this crate (yaml-rust2 underneath)
//! against libyaml, through `serde_yaml_ng` (libyaml translated to Rust as
//! `unsafe-libyaml`; no code shared with yaml-rust2). Every front matter
//! gives the same data from both, or an error from both, but for the
//! documented exceptions in [`Exception`]. Shared by the test
//! `frontmatter_oracle` and the fuzz target of the same name.
#![allow(dead_code)]

use pressmark::ErrorKind;
use pressmark::frontmatter::{self, Format, Value, ValueKind};
use serde_yaml_ng::Value as Libyaml;

/// Where the two may differ by design, each with its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Exception {
    /// Not YAML front matter (none, TOML, JSON): nothing to compare.
    NotYaml,
    /// libyaml reads YAML 1.1, where U+0085, U+2028 and U+2029 break
    /// lines; in YAML 1.2 (yaml-rust2) they are ordinary characters.
    Yaml11LineBreaks,
    /// Empty front matter: an empty mapping here (a document of keys),
    /// null for libyaml.
    EmptyIsMapping,
    /// This crate's [`frontmatter::Limits`] (depth, values, alias
    /// expansion) refuse what libyaml reads, or libyaml's own recursion
    /// limit refuses what this crate reads.
    Limits,
    /// A key that is not a string (`2019: x`, `true: x`): kept as written
    /// here, typed by libyaml; compared by its text where it can be, but
    /// `0x10: x` against `16` cannot.
    TypedKey,
    /// YAML 1.1 scalars libyaml still types: `0b1010` binary, `1_000`
    /// with separators, `012` octal, `-0x2D` signed hexadecimal,
    /// sexagesimal `1:30`, and the
    /// `[-+]?(inf|nan)` spellings Rust's float parser takes. YAML 1.2's
    /// core schema (this crate) reads them as strings or decimal.
    Yaml11Numbers,
    /// A sequence or mapping as a key: this crate refuses it
    /// (`Unsupported`), libyaml reads it.
    ComplexKey,
    /// An integer beyond `i64`: kept here as a string, as written (a float
    /// would round its digits); libyaml reads it into a `u64`, or refuses
    /// it past `u64`.
    BigInteger,
    /// What YAML 1.2 refuses and libyaml reads anyway (this crate, through
    /// yaml-rust2, refuses it): a double-quoted scalar's next line at
    /// column 0 (the YAML test suite's QB6E), `|2#` (a comment needs a
    /// space before it), a leading blank line of a block scalar more
    /// indented than its first line, `!!!!str`.
    LibyamlLenient,
    /// An empty implicit key (`: value`, YAML 1.2's example 8.18), which
    /// libyaml does not read; yaml-rust2 also reads a mapping after it on
    /// the same line (`: a: b`).
    EmptyKey,
    /// `{a:[x]}`: yaml-rust2 reads a value right after a plain key's `:`
    /// in a flow mapping, which YAML 1.2 allows only after a quoted key;
    /// libyaml refuses it.
    FlowAdjacentValue,
    /// A plain scalar starting with `:`, `?` or `-` and a character that
    /// is not a space (`[1, :.5]`): YAML 1.2 reads it (in flow context
    /// too), libyaml refuses it there.
    PlainIndicatorStart,
    /// An anchor or alias name with a character other than a letter, a
    /// digit, `-` or `_` (`&topics:`, `&a.b/c`): YAML 1.2 allows any
    /// character but spaces and flow indicators, libyaml (1.1) only those,
    /// so the two cut the name, and what follows it, differently.
    AnchorNames,
    /// An anchor defined twice: an alias refers to the definition before
    /// it (YAML, this crate); serde_yaml_ng resolves every alias to the
    /// last definition in the document.
    AnchorRedefined,
    /// `!!binary`, `!!timestamp`, `!!set` and other tags with meaning in
    /// YAML 1.1: libyaml's serde layer applies or refuses some; this crate
    /// ignores tags other than the core schema's (`!x 1` is 1 here, `"1"`
    /// for libyaml).
    Yaml11Tags,
}

/// What comparing one front matter found.
#[derive(Debug)]
pub enum Verdict {
    /// The same data from both.
    Same,
    /// An error from both.
    BothRefuse,
    /// A documented difference.
    Excepted(Exception),
    /// Both read it, into different data, and no exception explains it:
    /// a bug on one side.
    Differ(String),
    /// One reads it and the other refuses it, and no exception explains
    /// it: in mangled YAML, most often a leniency of one parser.
    OneRefuses(String),
}

/// Compares the front matter of `file` as both read it.
pub fn compare(file: &str) -> Verdict {
    let Ok(Some(split)) = frontmatter::split(file) else {
        return Verdict::Excepted(Exception::NotYaml);
    };
    if split.format() != Format::Yaml {
        return Verdict::Excepted(Exception::NotYaml);
    }
    let fragment = split.front_matter();
    if fragment.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return Verdict::Excepted(Exception::Yaml11LineBreaks);
    }
    let ours = frontmatter::parse(file);
    let theirs = serde_yaml_ng::from_str::<Libyaml>(fragment);
    match verdict(fragment, ours, theirs) {
        Verdict::Differ(_) | Verdict::OneRefuses(_) if has_yaml12_anchor_name(fragment) => {
            Verdict::Excepted(Exception::AnchorNames)
        }
        Verdict::Differ(_) if has_redefined_anchor(fragment) => {
            Verdict::Excepted(Exception::AnchorRedefined)
        }
        // A scalar with a tag this crate does not know is typed by the
        // core schema here (the tag ignored: `!x 1` is 1) and is a string
        // for libyaml, which keeps unknown tags' scalars as text.
        Verdict::Differ(why) if why.contains(", libyaml String(") && has_tag(fragment) => {
            Verdict::Excepted(Exception::Yaml11Tags)
        }
        v => v,
    }
}

fn verdict(
    fragment: &str,
    ours: pressmark::Result<frontmatter::Document<'_, Value<'_>>>,
    theirs: Result<Libyaml, serde_yaml_ng::Error>,
) -> Verdict {
    match (ours, theirs) {
        (Ok(doc), Ok(theirs)) => {
            let ours = doc.value();
            if matches!(&ours.kind, ValueKind::Mapping(m) if m.is_empty()) && theirs.is_null() {
                return Verdict::Excepted(Exception::EmptyIsMapping);
            }
            let mut excepted = None;
            match same(ours, &theirs, "", &mut excepted) {
                Ok(()) => excepted.map_or(Verdict::Same, Verdict::Excepted),
                Err(diff) => Verdict::Differ(diff),
            }
        }
        (Err(_), Err(_)) => Verdict::BothRefuse,
        (Err(e), Ok(theirs)) => match e.kind() {
            ErrorKind::LimitExceeded => Verdict::Excepted(Exception::Limits),
            ErrorKind::Syntax
                if [
                    "invalid indentation in quoted scalar",
                    "comments must be separated from other tokens by whitespace",
                    "wrongly indented line in block scalar",
                    "did not find expected tag URI",
                ]
                .iter()
                .any(|m| e.message().contains(m)) =>
            {
                Verdict::Excepted(Exception::LibyamlLenient)
            }
            ErrorKind::Unsupported if has_complex_key(&theirs) => {
                Verdict::Excepted(Exception::ComplexKey)
            }
            _ => Verdict::OneRefuses(format!(
                "this crate refuses ({e}), libyaml reads {theirs:?}"
            )),
        },
        (Ok(doc), Err(e)) => {
            let message = e.to_string();
            if message.contains("recursion limit") || message.contains("repetition limit") {
                Verdict::Excepted(Exception::Limits)
            } else if message.contains("duplicate entry with") {
                Verdict::Excepted(Exception::TypedKey)
            } else if message.contains("invalid type: integer") && has_big_integer(doc.value()) {
                Verdict::Excepted(Exception::BigInteger)
            } else if message.contains("did not find expected key") && has_empty_key(doc.value()) {
                Verdict::Excepted(Exception::EmptyKey)
            } else if (message.contains("did not find expected node content")
                || message.contains("found unexpected ':'"))
                && has_plain_indicator_start(doc.value())
            {
                Verdict::Excepted(Exception::PlainIndicatorStart)
            } else if message.contains("found unexpected ':'") {
                Verdict::Excepted(Exception::FlowAdjacentValue)
            } else if fragment.contains("!!")
                && !message.contains("while scanning")
                && !message.contains("while parsing")
            {
                Verdict::Excepted(Exception::Yaml11Tags)
            } else {
                Verdict::OneRefuses(format!(
                    "libyaml refuses ({message}), this crate reads {:?}",
                    doc.value()
                ))
            }
        }
    }
}

/// Whether `fragment` has an anchor or alias whose name holds a character
/// libyaml does not take in one.
fn has_yaml12_anchor_name(fragment: &str) -> bool {
    let b = fragment.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        (c == b'&' || c == b'*')
            && (i == 0
                || matches!(
                    b[i - 1],
                    b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b'-' | b':'
                ))
            && b[i + 1..]
                .iter()
                .take_while(|&&n| {
                    !matches!(
                        n,
                        b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}'
                    )
                })
                .any(|&n| !(n.is_ascii_alphanumeric() || n == b'-' || n == b'_'))
    })
}

/// Whether `fragment` defines an anchor name twice.
fn has_redefined_anchor(fragment: &str) -> bool {
    let mut names: Vec<&str> = fragment
        .split(|c: char| c.is_whitespace() || ",[]{}".contains(c))
        .filter_map(|w| w.strip_prefix('&'))
        .collect();
    let all = names.len();
    names.sort_unstable();
    names.dedup();
    names.len() < all
}

/// Whether `fragment` has a tag (`!x`, `!!x`) before some node.
fn has_tag(fragment: &str) -> bool {
    let b = fragment.as_bytes();
    b.windows(2).enumerate().any(|(i, w)| {
        w[0] == b'!'
            && !w[1].is_ascii_whitespace()
            && (i == 0 || b" \t\r\n[{,:-".contains(&b[i - 1]))
    })
}

/// Whether `text` is an integer beyond `i64`.
fn big_integer(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && text.parse::<i64>().is_err()
}

/// Any value anywhere in `v` that passes `f`.
fn any_value(v: &Value<'_>, f: &dyn Fn(&Value<'_>) -> bool) -> bool {
    f(v) || match &v.kind {
        ValueKind::Sequence(items) => items.iter().any(|i| any_value(i, f)),
        ValueKind::Mapping(m) => m.entries().iter().any(|e| any_value(&e.value, f)),
        _ => false,
    }
}

fn has_big_integer(v: &Value<'_>) -> bool {
    any_value(v, &|v| v.as_str().is_some_and(big_integer))
}

fn has_plain_indicator_start(v: &Value<'_>) -> bool {
    any_value(v, &|v| {
        let starts = |s: &str| {
            let mut chars = s.chars();
            matches!(chars.next(), Some(':' | '?' | '-'))
                && chars.next().is_some_and(|c| !c.is_whitespace())
        };
        v.as_str().is_some_and(starts) || v.as_mapping().is_some_and(|m| m.keys().any(starts))
    })
}

fn has_empty_key(v: &Value<'_>) -> bool {
    any_value(v, &|v| {
        v.as_mapping().is_some_and(|m| m.keys().any(str::is_empty))
    })
}

fn has_complex_key(v: &Libyaml) -> bool {
    match v {
        Libyaml::Sequence(items) => items.iter().any(has_complex_key),
        Libyaml::Mapping(m) => m.iter().any(|(k, v)| {
            k.is_sequence() || k.is_mapping() || has_complex_key(k) || has_complex_key(v)
        }),
        Libyaml::Tagged(t) => has_complex_key(&t.value),
        _ => false,
    }
}

/// Whether `text` is a YAML 1.1 number that YAML 1.2's core schema does
/// not read as the same number.
fn yaml11_number(text: &str) -> bool {
    let t = text.trim_start_matches(['-', '+']);
    (text.starts_with(['-', '+']) && (t.starts_with("0x") || t.starts_with("0o")))
        || t.starts_with("0b")
        || t.contains('_')
        || t.contains(':')
        || (t.len() > 1 && t.starts_with('0') && t.bytes().all(|b| b.is_ascii_digit()))
        || matches!(t.to_ascii_lowercase().as_str(), "inf" | "nan" | "infinity")
}

fn same(
    ours: &Value<'_>,
    theirs: &Libyaml,
    path: &str,
    excepted: &mut Option<Exception>,
) -> Result<(), String> {
    let differ = || {
        format!(
            "at `{path}`: this crate {:?}, libyaml {theirs:?}",
            ours.kind
        )
    };
    match (&ours.kind, theirs) {
        (_, Libyaml::Tagged(t)) => same(ours, &t.value, path, excepted),
        (ValueKind::Null, Libyaml::Null) => Ok(()),
        (ValueKind::Bool(a), Libyaml::Bool(b)) if a == b => Ok(()),
        (ValueKind::Int(a), Libyaml::Number(n)) if n.as_i64() == Some(*a) => Ok(()),
        (ValueKind::Float(a), Libyaml::Number(n))
            if n.as_f64()
                .is_some_and(|b| b == *a || (a.is_nan() && b.is_nan())) =>
        {
            Ok(())
        }
        (ValueKind::String(a), Libyaml::String(b)) if a.as_str() == b => Ok(()),
        (ValueKind::String(a), Libyaml::Number(_)) if big_integer(a) => {
            *excepted = Some(Exception::BigInteger);
            Ok(())
        }
        (ValueKind::String(a), Libyaml::Number(_)) if yaml11_number(a) => {
            *excepted = Some(Exception::Yaml11Numbers);
            Ok(())
        }
        (ValueKind::Int(_) | ValueKind::Float(_), Libyaml::String(_))
            if number_text_is_yaml11(theirs) =>
        {
            *excepted = Some(Exception::Yaml11Numbers);
            Ok(())
        }
        (ValueKind::Sequence(a), Libyaml::Sequence(b)) => {
            if a.len() != b.len() {
                return Err(format!(
                    "at `{path}`: {} items here, {} from libyaml",
                    a.len(),
                    b.len()
                ));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same(x, y, &format!("{path}[{i}]"), excepted)?;
            }
            Ok(())
        }
        (ValueKind::Mapping(a), Libyaml::Mapping(b)) => {
            if a.len() != b.len() {
                return Err(format!(
                    "at `{path}`: {} keys here ({:?}), {} from libyaml",
                    a.len(),
                    a.keys().collect::<Vec<_>>(),
                    b.len()
                ));
            }
            for (entry, (key, value)) in a.entries().iter().zip(b) {
                let key_path = format!("{path}.{}", entry.key);
                same_key(&entry.key, key, &key_path, excepted)?;
                same(&entry.value, value, &key_path, excepted)?;
            }
            Ok(())
        }
        _ => Err(differ()),
    }
}

/// A string libyaml kept where this crate read a number: never expected.
fn number_text_is_yaml11(theirs: &Libyaml) -> bool {
    matches!(theirs, Libyaml::String(s) if yaml11_number(s))
}

fn same_key(
    ours: &str,
    theirs: &Libyaml,
    path: &str,
    excepted: &mut Option<Exception>,
) -> Result<(), String> {
    let text = match theirs {
        Libyaml::String(s) => {
            return if s == ours {
                Ok(())
            } else {
                Err(format!(
                    "at `{path}`: key {ours:?} here, {s:?} from libyaml"
                ))
            };
        }
        Libyaml::Tagged(t) => return same_key(ours, &t.value, path, excepted),
        Libyaml::Null => matches!(ours, "" | "~" | "null" | "Null" | "NULL"),
        Libyaml::Bool(b) => ours.eq_ignore_ascii_case(&b.to_string()),
        Libyaml::Number(n) => {
            ours == n.to_string()
                || ours.parse::<f64>().ok() == n.as_f64()
                || yaml11_number(ours)
                || ours.starts_with("0x")
                || ours.starts_with("0o")
                || ours.starts_with('+')
                || ours.starts_with('.')
        }
        _ => false,
    };
    if text {
        *excepted = Some(Exception::TypedKey);
        Ok(())
    } else {
        Err(format!(
            "at `{path}`: key {ours:?} here, {theirs:?} from libyaml"
        ))
    }
}

/// Whether the front matter of `file` is written as generators and people
/// write it, where the fuzz target holds the two parsers to the same data:
/// a mapping at the root, keys that are words, every flow collection
/// closed on the line it
/// opens, no `?` starting a key, no document marker or byte order mark
/// inside. Past that, mangled input meets each
/// parser's own leniency about multi-line flow collections and documents,
/// which the tests' inputs cover instead (`tests/frontmatter_oracle.rs`).
pub fn written_as_usual(file: &str) -> bool {
    let Ok(Some(split)) = frontmatter::split(file) else {
        return false;
    };
    // libyaml skips a byte order mark at the start of any line, between
    // tokens; yaml-rust2 only at the start of the stream.
    let fragment = split.front_matter();
    // A mapping at the root, as front matter is: its first line a key.
    let first = fragment
        .split(['\n', '\r'])
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    first.is_some_and(|l| l.contains(':') && !l.starts_with(['-', '&', '!', '*', '|', '>']))
        && !fragment.contains('\u{feff}')
        && fragment.split(['\n', '\r']).all(|line| {
            let t = line.trim_start();
            let entry = t.strip_prefix("- ").unwrap_or(t).trim_start();
            // Keys are words, as front matter's are: `title`, `last_modified_at`.
            if let Some((key, _)) = entry.split_once(':')
                && !entry.starts_with(['"', '\''])
                && !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || " _-.".contains(c))
            {
                return false;
            }
            if t.starts_with('?') || t.starts_with("---") || t.starts_with("...") {
                return false;
            }
            let (mut depth, mut quote) = (0i32, None);
            for c in line.chars() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, '[' | '{') => depth += 1,
                    (None, ']' | '}') => depth -= 1,
                    (None, '?') if depth > 0 => return false,
                    (None, '#') => break,
                    _ => {}
                }
            }
            depth == 0 && quote.is_none()
        })
}
