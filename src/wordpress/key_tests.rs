//! The models' key loops read through the crate's reader (keys guessed
//! from the order learned, matched in place) against the same models read
//! through serde_json (every key read as a string and matched by name).

// The probe model's generated helpers that these tests do not call.
#![allow(dead_code)]

use proptest::prelude::*;

use super::json::from_str_seed;
use super::object::wp_object;
use crate::Text;

wp_object! {
    "probe"
    /// A model whose keys are near one another: prefixes, a key that fills
    /// most of its slot, one past 16 bytes, one with a colon.
    pub struct Probe<'a> {
        /// A field.
        a: Text<'a> = "id",
        /// A field.
        b: Text<'a> = "date",
        /// A field.
        c: Text<'a> = "date_gmt",
        /// A field.
        d: Text<'a> = "wp:featuredmedia",
        /// A field.
        e: Text<'a> = "a_key_of_thirty_bytes_at_most",
        /// A field.
        f: Text<'a> = "dat",
        /// A field (objects reading inside the loop).
        g: super::post::Rendered<'a> = "title" [object],
    }
}

/// Keys as sent: the model's, escaped forms of them, near misses, others.
const KEYS: &[&str] = &[
    "\"id\"",
    "\"date\"",
    "\"date_gmt\"",
    "\"wp:featuredmedia\"",
    "\"a_key_of_thirty_bytes_at_most\"",
    "\"dat\"",
    "\"d\\u0061te\"",
    "\"date_gm\"",
    "\"date_gmtx\"",
    "\"a_key_of_thirty_bytes_at_mosT\"",
    "\"wp:featuredmedia\\\"\"",
    "\"i\"",
    "\"\"",
    "\"other\"",
    "\"title\"",
    "\"rendered\"",
];

fn entry() -> impl Strategy<Value = String> {
    (
        prop::sample::select(KEYS),
        prop::sample::select(&[":", " : ", ":\n"][..]),
        0..4usize,
    )
        .prop_map(|(key, colon, value)| {
            let value = match (key, value) {
                ("\"title\"", 0) => "{\"rendered\":\"t\"}".to_owned(),
                ("\"title\"", 1) => "{\"raw\":\"r\",\"rendered\":\"t\",\"x\":1}".to_owned(),
                ("\"title\"", 2) => "null".to_owned(),
                (_, 3) => "null".to_owned(),
                (_, n) => format!("\"v{n}\""),
            };
            format!("{key}{colon}{value}")
        })
}

fn object() -> impl Strategy<Value = String> {
    prop::collection::vec(entry(), 0..7).prop_map(|entries| format!("{{{}}}", entries.join(",")))
}

/// Collections, so that orders are learned from one object and tried on
/// the next; objects often repeat one another's order.
fn collection() -> impl Strategy<Value = String> {
    (
        object(),
        prop::collection::vec((object(), any::<bool>()), 0..6),
    )
        .prop_map(|(first, rest)| {
            let mut objects = vec![first];
            for (object, repeat) in rest {
                let next = match repeat {
                    true => objects[objects.len() - 1].clone(),
                    false => object,
                };
                objects.push(next);
            }
            format!("[{}]", objects.join(" ,"))
        })
}

fn ours(json: &str) -> Option<Vec<Probe<'_>>> {
    from_str_seed(json, 0, None, std::marker::PhantomData).ok()
}

proptest! {
    // `PROPTEST_CASES` runs more.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(3000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn keys_read_as_serde_json_reads_them(json in collection()) {
        let theirs: Option<Vec<Probe<'_>>> = serde_json::from_str(&json).ok();
        prop_assert_eq!(ours(&json), theirs, "{}", json);
    }
}

#[test]
fn a_key_at_the_end_of_the_input_is_matched_in_what_is_left() {
    // Under 32 bytes after each key's quote: the short compare.
    let json = r#"[{"date":"1"},{"date":"2"},{"dat":"3"},{"date_gmt":null}]"#;
    let read = ours(json).unwrap();
    assert_eq!(read[1].b.as_deref(), Some("2"));
    assert_eq!(read[2].f.as_deref(), Some("3"));
    assert_eq!(read[2].b, None);
    assert_eq!(read.len(), 4);
}

#[test]
fn a_guessed_key_sent_twice_is_a_duplicate() {
    let json = r#"[{"id":"1","date":"2"},{"id":"1","date":"2","date":"3"}]"#;
    assert!(ours(json).is_none());
    assert!(serde_json::from_str::<Vec<Probe<'_>>>(json).is_err());
}
