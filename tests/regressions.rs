//! One test per bug found (by fuzzing or otherwise), named after what broke.
#![cfg(feature = "wordpress")]

use pressmark::wordpress::{self, Response};

/// Found by `cargo fuzz run wordpress`: a control character right after a
/// multi-byte character made the error locator slice a `str` inside that
/// character and panic.
#[test]
fn control_character_after_multibyte_character_does_not_panic() {
    for input in [
        "[\n \"Whttps:/ron.o\u{6d8}\u{0}/\u{3}\u{0}p\u{0}\u{0}\u{0}\u{0}(",
        "[\n\"\\n<p><span stBiacom&nbsp\u{356}\u{0}\u{0}\u{0}\u{0}\u{3}-14\"\n  }\n]\n",
    ] {
        let err =
            wordpress::from_str_with::<Response>(input, &wordpress::Options::strict()).unwrap_err();
        let at = err.position().unwrap();
        assert!(at.byte() <= input.len());
        assert!(input.is_char_boundary(at.byte()), "{err}");
        let _ = wordpress::from_str::<Response>(input);
    }
}

/// Found by `cargo fuzz run wordpress`: a number field sent twice, first as
/// a non-numeric string (kept in `extra`) then as a number, was not caught as
/// a duplicate, so the value written back could not be read again.
#[test]
fn known_key_sent_twice_after_a_text_fallback_is_a_duplicate() {
    let err = wordpress::post_from_str("{\n  \"id\": \"one\",\"id\": 1}").unwrap_err();
    assert_eq!(err.kind(), pressmark::ErrorKind::DuplicateKey);
    assert_eq!(err.to_string(), "duplicate field `id` at line 2 column 15");
}
