//! WordPress reading from arbitrary bytes, repairing and strict: never a
//! panic; an error's position lies inside the input; what reads writes back
//! and reads again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressmark::wordpress::{self, Options, Post, Response};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        let _ = wordpress::from_slice::<Response>(data);
        return;
    };
    for options in [Options::default(), Options::strict()] {
        match wordpress::from_str_with::<Response>(text, &options) {
            Ok(parsed) => {
                let json = serde_json::to_string(&parsed.value).unwrap();
                let again = wordpress::from_str::<Response>(&json).unwrap();
                assert_eq!(again.value, parsed.value);
            }
            Err(err) => {
                if let Some(pos) = err.position() {
                    assert!(pos.byte() <= text.len());
                }
            }
        }
        let _ = wordpress::from_str_with::<Post>(text, &options);
    }
    if let Ok(items) = wordpress::items::<Post>(text) {
        for item in items {
            let _ = item;
        }
    }
});
