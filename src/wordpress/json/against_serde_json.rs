//! The reader against serde_json's: on every input, both accept or both
//! reject, and what both accept reads to the same `serde_json::Value`.

use proptest::prelude::*;
use serde::de::IgnoredAny;
use serde_json::Value;

use super::{Controls, JsonError, from_str_seed};

fn from_str<'de, T: serde::Deserialize<'de>>(
    input: &'de str,
    base: usize,
    controls: Option<&Controls>,
) -> Result<T, JsonError> {
    from_str_seed(input, base, controls, std::marker::PhantomData)
}

/// Pieces of JSON and of near-JSON, so that random sequences hit every
/// rule: escapes good and bad, surrogates, numbers at their edges, literals
/// cut short, raw control characters, trailing commas.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\n",
    "\"a\"",
    "\"\"",
    "\"k\":",
    "\"\\u00e9\\/\"",
    "\"\\ud83d\\ude00\"",
    "\"\\ud800\"",
    "\"\\udc00x\"",
    "\"\\ud800\\u0041\"",
    "\"\\x\"",
    "\"\\u12\"",
    "\"a\tb\"",
    "\"\\\"\\\\\"",
    "\"é€\"",
    "0",
    "-0",
    "1",
    "-1",
    "01",
    "1.",
    "1.5e3",
    "1e400",
    "-",
    "18446744073709551616",
    "-9223372036854775809",
    "2E-2",
    "true",
    "tru",
    "false",
    "null",
    "nul",
    "\"",
];

fn near_json() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|p| p.concat())
}

/// Valid JSON, as serde_json writes it, with one byte sometimes changed.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".*".prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(".*", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    (value, any::<Option<(prop::sample::Index, u8)>>()).prop_map(|(v, change)| {
        let mut text = serde_json::to_string(&v).unwrap().into_bytes();
        if let Some((at, byte)) = change
            && !text.is_empty()
        {
            let at = at.index(text.len());
            text[at] = byte;
        }
        String::from_utf8_lossy(&text).into_owned()
    })
}

/// Equal, but for the last bits of floats: serde_json's float parsing (without
/// its `float_roundtrip` feature) is not always correctly rounded; this
/// reader's is (`str::parse`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            // Relative for normal numbers, absolute for subnormal ones.
            x == y || ((x - y) / x).abs() < 1e-15 || (x - y).abs() < 1e-300
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, x), (ky, y))| kx == ky && same(x, y))
        }
        _ => a == b,
    }
}

fn same_result(a: &Option<Value>, b: &Option<Value>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = from_str::<IgnoredAny>(text, 0, None).is_ok();
    let theirs = serde_json::from_str::<IgnoredAny>(text).is_ok();
    if ours != theirs {
        // The one difference we chose: a lone surrogate escape, which
        // serde_json lets through where it does not decode, is an error
        // when reading strictly; repairing reads it, and counts it.
        let controls = Controls::default();
        let repaired = from_str::<IgnoredAny>(text, 0, Some(&controls)).is_ok();
        prop_assert!(
            !ours && theirs && repaired && controls.surrogates_found().is_some(),
            "accepted by one reader only: {:?}",
            text
        );
    }
    let ours = from_str::<Value>(text, 0, None).ok();
    let theirs = serde_json::from_str::<Value>(text).ok();
    prop_assert!(
        same_result(&ours, &theirs),
        "read differently: {:?}: {:?} {:?}",
        text,
        ours,
        theirs
    );
    // Repairing accepts at least as much, and the same where there is
    // nothing to repair.
    let controls = Controls::default();
    let repaired = from_str::<Value>(text, 0, Some(&controls)).ok();
    if controls.found().is_none() && controls.surrogates_found().is_none() {
        prop_assert!(
            same_result(&repaired, &theirs),
            "repairing read differently: {:?}",
            text
        );
    } else {
        prop_assert!(theirs.is_none());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn agrees_with_serde_json_on_near_json(text in near_json()) {
        agree(&text)?;
    }

    #[test]
    fn agrees_with_serde_json_on_json_and_its_mutants(text in json_text()) {
        agree(&text)?;
    }

    /// Long strings as dense with escapes as WordPress's, where skipping
    /// goes a window at a time and falls back to one special at a time.
    #[test]
    fn agrees_with_serde_json_on_escape_dense_strings(
        pieces in prop::collection::vec(prop::sample::select(STRING_PIECES), 0..60)
    ) {
        agree(&format!("[\"{}\",{{\"k\":\"{}\"}}]", pieces.concat(), pieces.concat()))?;
    }
}

/// Pieces of string bodies: plain runs, the escapes WordPress sends most,
/// the rarer ones, bad ones, raw control characters and a closing quote.
const STRING_PIECES: &[&str] = &[
    "a",
    "<p>",
    "https:",
    "0123456789abcdef",
    "\\/",
    "\\\"",
    "\\n",
    "\\\\",
    "\\t",
    "\\u00e9",
    "\\ud83d\\ude00",
    "\\u12",
    "\\x",
    "\n",
    "\t",
    "é",
    "€",
    "\"",
];

/// Strings of every sequence of three pieces, after leads of every length
/// up to two 16-byte windows, so that each escape and each stop falls at
/// every place of a word and of a window and across them: skipping a
/// string (as `IgnoredAny` does) accepts and rejects as serde_json does,
/// ends where it does (what comes after it must still read), and when
/// repairing notes each raw control character once, at its offset.
#[test]
fn skipping_strings_agrees_with_serde_json_at_every_place_in_a_window() {
    // The last piece ends a string and goes on plain for a whole window,
    // so that a window wrongly taken as escaped at its start reads on.
    const BODY: &[&str] = &[
        "a",
        "\\\\",
        "\\\"",
        "\\/",
        "\\n",
        "\\t",
        "\\u0041",
        "\\u12",
        "\\x",
        "\n",
        "é",
        "\"0123456789abcdef",
    ];
    const PAD: &str = "0123456789abcdef0123456789abcdef";
    for lead in 0..33 {
        for a in BODY {
            for b in BODY {
                for c in BODY {
                    // An escape first, so that the skip's words and windows
                    // start there and the lead moves the pieces across
                    // them; text after the string, so that windows reach
                    // past it.
                    let text = format!("[\"\\/{}{a}{b}{c}\",1,\"{PAD}\"]", "a".repeat(lead));
                    let theirs = serde_json::from_str::<IgnoredAny>(&text).is_ok();
                    let ours = from_str::<IgnoredAny>(&text, 0, None).is_ok();
                    assert_eq!(ours, theirs, "{text:?}");

                    let controls = Controls::default();
                    let repaired = from_str::<IgnoredAny>(&text, 0, Some(&controls)).is_ok();
                    let escaped = text.replace('\n', "\\n");
                    let want = serde_json::from_str::<IgnoredAny>(&escaped).is_ok();
                    assert_eq!(repaired, want, "repairing {text:?}");
                    if repaired {
                        let newlines = text.matches('\n').count();
                        let found = controls.found().map(|(n, _)| n).unwrap_or(0);
                        assert_eq!(found, newlines, "controls noted in {text:?}");
                        assert_eq!(
                            controls.found().map(|(_, at)| at),
                            text.find('\n'),
                            "first control in {text:?}"
                        );
                    }
                }
            }
        }
    }
}

/// Every ASCII letter after a backslash, in a string read into a value
/// (decoded) and skipped: as serde_json reads it.
#[test]
fn every_one_letter_escape_reads_as_serde_json_reads_it() {
    for b in 0..0x80u8 {
        let text = format!("[\"a\\{}b\",\"\\{}\"]", char::from(b), char::from(b));
        let theirs = serde_json::from_str::<Value>(&text).ok();
        let ours = from_str::<Value>(&text, 0, None).ok();
        assert_eq!(ours, theirs, "{text:?}");
        let skipped = from_str::<IgnoredAny>(&text, 0, None).is_ok();
        assert_eq!(skipped, theirs.is_some(), "skipping {text:?}");
    }
}
