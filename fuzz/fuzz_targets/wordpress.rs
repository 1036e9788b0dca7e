//! WordPress reading from arbitrary bytes, repairing and strict: never a
//! panic; every error's position lies inside the input, on a character
//! boundary; what reads writes back and reads again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressmark::wordpress::{self, Post, ReadOptions, Response};

fn check_error(input: &[u8], text: Option<&str>, err: &pressmark::Error) {
    let _ = err.to_string();
    if let Some(pos) = err.position() {
        assert!(pos.byte() <= input.len(), "{err:?}");
        if let Some(text) = text {
            assert!(text.is_char_boundary(pos.byte()), "{err:?}");
            assert_eq!(
                pos,
                pressmark::Position::locate(text, pos.byte()),
                "{err:?}"
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        if let Err(err) = wordpress::from_slice::<Response>(data) {
            check_error(data, None, &err);
        }
        return;
    };
    for options in [ReadOptions::default(), ReadOptions::strict()] {
        match wordpress::from_str_with::<Response>(text, &options) {
            Ok(parsed) => {
                let json = serde_json::to_string(parsed.value()).unwrap();
                let again = wordpress::from_str::<Response>(&json).unwrap();
                assert_eq!(again.value(), parsed.value());
            }
            Err(err) => check_error(data, Some(text), &err),
        }
        if let Err(err) = wordpress::from_str_with::<Post>(text, &options) {
            check_error(data, Some(text), &err);
        }
    }
    match wordpress::items::<Post>(text) {
        Ok(items) => {
            for (i, item) in items.enumerate() {
                if let Err(err) = item {
                    check_error(data, Some(text), &err);
                    let path = err.path().unwrap_or_default();
                    assert!(path.starts_with(&format!("[{i}]")), "{err:?}");
                }
            }
        }
        Err(err) => check_error(data, Some(text), &err),
    }
});
