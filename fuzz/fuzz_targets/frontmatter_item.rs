//! The aggregator's typed items (`news_item`, `item`) from arbitrary bytes:
//! never a panic; every error's position lies inside the input, on a
//! character boundary; what reads also serializes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressmark::frontmatter;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match frontmatter::news_item(input) {
        Ok(doc) => {
            assert_eq!(input.get(doc.body_offset()..), Some(doc.body()));
            let _ = serde_json::to_string(doc.value());
        }
        Err(err) => check_error(input, &err),
    }
    match frontmatter::item(input) {
        Ok(doc) => {
            assert_eq!(input.get(doc.body_offset()..), Some(doc.body()));
            let item = doc.into_value();
            let _ = item.display_title();
            if let Some(length) = &item.length {
                let _ = length.duration();
            }
            let _ = serde_json::to_string(&item);
            let _ = item.into_owned();
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
