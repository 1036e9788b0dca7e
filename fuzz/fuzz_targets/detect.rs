//! Format detection and the article view from arbitrary bytes: never a
//! panic; an error's position lies inside the input; every article
//! serializes to JSON and detaches from the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match pressmark::from_slice(data) {
        Ok(content) => {
            let _ = content.kind();
            for article in content.articles() {
                let json = serde_json::to_string(&article).unwrap();
                assert!(json.starts_with('{'));
                let owned = article.clone().into_owned();
                assert_eq!(owned, article);
            }
            let _ = content.into_owned();
        }
        Err(err) => {
            let _ = err.to_string();
            if let Some(pos) = err.position() {
                assert!(pos.byte() <= data.len(), "{err:?}");
                if let Ok(text) = std::str::from_utf8(data) {
                    assert!(text.is_char_boundary(pos.byte()), "{err:?}");
                }
            }
        }
    }
});
