//! Any front matter into the caller's serde types (`frontmatter::from_str`)
//! from arbitrary bytes: never a panic, and every error's position lies
//! inside the input, on a character boundary. The types cover what serde
//! asks of a deserializer: borrowed and owned strings, every number width,
//! options, sequences, maps, tuples, enums (external, internal, untagged),
//! flatten, recursion, `deserialize_any` (serde_json::Value) and
//! `IgnoredAny`.
#![no_main]

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use libfuzzer_sys::fuzz_target;
use pressmark::frontmatter;
use serde::Deserialize;

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
struct Page<'a> {
    title: &'a str,
    #[serde(borrow)]
    excerpt: Option<Cow<'a, str>>,
    heat: Option<i8>,
    quality: Option<u8>,
    score: Option<f32>,
    big: Option<u128>,
    small: Option<i128>,
    count: Option<u64>,
    letter: Option<char>,
    published: Option<bool>,
    tags: Option<Vec<String>>,
    pair: Option<(u16, String)>,
    kind: Option<Kind>,
    shape: Option<Shape>,
    either: Option<Either>,
    nested: Option<Box<Page<'a>>>,
    extra_map: Option<BTreeMap<String, serde_json::Value>>,
    unit: Option<()>,
    #[serde(default)]
    nothing: Marker,
    #[serde(flatten)]
    rest: HashMap<String, serde::de::IgnoredAny>,
}

#[allow(dead_code)]
#[derive(Debug, Default, Deserialize)]
struct Marker;

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Article,
    Video(String),
    Course { hours: u32 },
    Pair(i32, i32),
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(tag = "type")]
enum Shape {
    Circle { r: f64 },
    Square { side: u32 },
}

#[allow(dead_code)]
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Either {
    Number(i64),
    Text(String),
    List(Vec<Either>),
}

fn check<T>(input: &str, result: Result<T, pressmark::Error>) {
    if let Err(err) = result {
        let _ = err.to_string();
        if let Some(at) = err.position() {
            assert!(at.byte() <= input.len(), "{err:?}");
            assert!(input.is_char_boundary(at.byte()), "{err:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    check(input, frontmatter::from_str::<Page<'_>>(input));
    check(input, frontmatter::from_str::<serde_json::Value>(input));
    check(input, frontmatter::from_str::<serde::de::IgnoredAny>(input));
    check(input, frontmatter::from_str::<HashMap<&str, Either>>(input));
    check(
        input,
        frontmatter::from_str::<frontmatter::Value<'_>>(input),
    );
});
