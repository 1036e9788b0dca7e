//! The YAML 1.2 core schema: what a plain scalar means.

use super::value::ValueKind;

/// A plain scalar's type under the core schema.
#[derive(Debug, PartialEq)]
pub(crate) enum Resolved {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String,
}

impl Resolved {
    /// The value kind; `String` resolves to an empty string (callers build
    /// the text themselves, borrowing where they can).
    pub(crate) fn into_kind<'a>(self) -> ValueKind<'a> {
        match self {
            Resolved::Null => ValueKind::Null,
            Resolved::Bool(b) => ValueKind::Bool(b),
            Resolved::Int(i) => ValueKind::Int(i),
            Resolved::Float(f) => ValueKind::Float(f),
            Resolved::String => ValueKind::String(crate::Text::default()),
        }
    }
}

/// Resolves a plain scalar: `null`, `~` and the empty scalar are null;
/// `true`/`false` (and their capitalised forms) booleans; decimal, `0o` and
/// `0x` integers in the `i64` range; finite decimal floats, `.inf` and `.nan`; anything else a string.
pub(crate) fn resolve_plain(s: &str) -> Resolved {
    let Some(&first) = s.as_bytes().first() else {
        return Resolved::Null;
    };
    match first {
        b'0'..=b'9' | b'-' | b'+' | b'.' => number(s),
        b'~' if s.len() == 1 => Resolved::Null,
        b'n' | b'N' if matches!(s, "null" | "Null" | "NULL") => Resolved::Null,
        b't' | b'T' if matches!(s, "true" | "True" | "TRUE") => Resolved::Bool(true),
        b'f' | b'F' if matches!(s, "false" | "False" | "FALSE") => Resolved::Bool(false),
        _ => Resolved::String,
    }
}

fn all(s: &str, f: impl Fn(u8) -> bool) -> bool {
    !s.is_empty() && s.bytes().all(f)
}

fn number(s: &str) -> Resolved {
    if let Some(oct) = s.strip_prefix("0o") {
        if all(oct, |b| (b'0'..=b'7').contains(&b)) {
            return i64::from_str_radix(oct, 8).map_or(Resolved::String, Resolved::Int);
        }
        return Resolved::String;
    }
    if let Some(hex) = s.strip_prefix("0x") {
        if all(hex, |b| b.is_ascii_hexdigit()) {
            return i64::from_str_radix(hex, 16).map_or(Resolved::String, Resolved::Int);
        }
        return Resolved::String;
    }
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if all(unsigned, |b| b.is_ascii_digit()) {
        // Beyond i64: kept as written (a float would round the digits).
        return s.parse::<i64>().map_or(Resolved::String, Resolved::Int);
    }
    match unsigned {
        ".inf" | ".Inf" | ".INF" => {
            let inf = if s.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            return Resolved::Float(inf);
        }
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == s.len() => return Resolved::Float(f64::NAN),
        _ => {}
    }
    if is_float(unsigned) {
        // Past f64's range (`1e400`): kept as written, not as infinity.
        return s
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map_or(Resolved::String, Resolved::Float);
    }
    Resolved::String
}

/// `( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => all(frac, |b| b.is_ascii_digit()),
        Some((int, frac)) => {
            all(int, |b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => all(mantissa, |b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        all(digits, |b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::{Resolved::*, resolve_plain};

    #[test]
    fn core_schema_rows() {
        let rows: &[(&str, super::Resolved)] = &[
            ("", Null),
            ("~", Null),
            ("null", Null),
            ("NULL", Null),
            ("nULL", String),
            ("true", Bool(true)),
            ("False", Bool(false)),
            ("yes", String),
            ("on", String),
            ("67", Int(67)),
            ("-1", Int(-1)),
            ("+12", Int(12)),
            ("0o17", Int(15)),
            ("0x1F", Int(31)),
            ("0o+7", String),
            ("1.5", Float(1.5)),
            (".5", Float(0.5)),
            ("1.", Float(1.0)),
            ("1e3", Float(1000.0)),
            ("-.inf", Float(f64::NEG_INFINITY)),
            ("4.4255724", Float(4.4255724)),
            ("2022-10-24T21:10:00Z", String),
            ("1.2.3", String),
            ("PT13M57S", String),
            ("-", String),
            (".", String),
            ("1_000", String),
            ("99999999999999999999", String),
            ("9223372036854775807", Int(i64::MAX)),
            ("1e400", String),
        ];
        for (input, expected) in rows {
            assert_eq!(&resolve_plain(input), expected, "{input:?}");
        }
        assert!(matches!(resolve_plain(".nan"), Float(f) if f.is_nan()));
    }
}
