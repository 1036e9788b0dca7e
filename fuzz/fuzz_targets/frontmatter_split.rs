//! Front-matter splitting and YAML/JSON reading from arbitrary bytes: never
//! a panic; a split rejoins to the input byte for byte; every error and
//! every value position lies inside the input, on a character boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressmark::frontmatter::{self, Value, ValueKind};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match frontmatter::split(input) {
        Ok(Some(split)) => {
            let fm = split.front_matter();
            let fm_at = split.front_matter_offset();
            let body_at = split.body_offset();
            assert_eq!(input.get(fm_at..fm_at + fm.len()), Some(fm));
            assert_eq!(input.get(body_at..), Some(split.body()));
            assert!(fm_at + fm.len() <= body_at);
            let rejoined = [
                &input[..fm_at],
                fm,
                &input[fm_at + fm.len()..body_at],
                split.body(),
            ]
            .concat();
            assert_eq!(rejoined, input);
        }
        Ok(None) => {}
        Err(err) => check_error(input, &err),
    }
    match frontmatter::parse(input) {
        Ok(doc) => {
            assert_eq!(input.get(doc.body_offset()..), Some(doc.body()));
            check_positions(input, doc.value());
        }
        Err(err) => check_error(input, &err),
    }
});

fn check_error(input: &str, err: &pressmark::Error) {
    let _ = err.to_string();
    if let Some(at) = err.position() {
        assert!(at.byte() <= input.len(), "{err:?}");
        assert!(input.is_char_boundary(at.byte()), "{err:?}");
    }
}

fn check_positions(input: &str, value: &Value<'_>) {
    if let Some(at) = value.position() {
        assert!(at.byte() <= input.len());
        assert!(input.is_char_boundary(at.byte()));
    }
    match &value.kind {
        ValueKind::Sequence(items) => items.iter().for_each(|v| check_positions(input, v)),
        ValueKind::Mapping(map) => {
            for entry in map.entries() {
                if let Some(at) = entry.key_position() {
                    assert!(at.byte() <= input.len());
                    assert!(input.is_char_boundary(at.byte()));
                }
                check_borrowed(input, &entry.key);
                check_positions(input, &entry.value);
            }
        }
        ValueKind::String(text) => check_borrowed(input, text),
        _ => {}
    }
}

/// A borrowed string is a slice of the input (by address) holding the same
/// bytes.
fn check_borrowed(input: &str, text: &pressmark::Text<'_>) {
    if let Some(s) = text.as_borrowed().filter(|s| !s.is_empty()) {
        let start = (s.as_ptr() as usize)
            .checked_sub(input.as_ptr() as usize)
            .expect("borrowed text before the input");
        assert_eq!(input.get(start..start + s.len()), Some(s));
    }
}
