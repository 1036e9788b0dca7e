//! The YAML oracle (`tests/common/yaml_oracle.rs`) on arbitrary bytes,
//! against libyaml (through `serde_yaml_ng`). A crash here is:
//! - front matter both read, written as generators and people write it
//!   (`yaml_oracle::written_as_usual`: flow collections closed on their
//!   line, no `?` key, no document marker inside), whose data differ, but
//!   for the documented exceptions;
//! - front matter this crate reads and libyaml refuses for a character
//!   YAML forbids (the class of the raw NUL that yaml-rust2 took for the
//!   end of input).
//!
//! The tests (`tests/frontmatter_oracle.rs`) hold every input of theirs
//! (corpus, mutants, generated documents) to the full check, where one
//! parser reading what the other refuses is a failure too; on bytes
//! mangled at random, the two parsers' leniencies about invalid YAML
//! (multi-line flow collections, explicit keys, stray document markers)
//! differ in ways no short list of exceptions covers.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/yaml_oracle.rs"]
mod yaml_oracle;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match yaml_oracle::compare(input) {
        yaml_oracle::Verdict::Differ(why) if yaml_oracle::written_as_usual(input) => {
            panic!("this crate and libyaml differ: {why}\nin {input:?}");
        }
        yaml_oracle::Verdict::OneRefuses(why)
            if why.starts_with("libyaml refuses (")
                && (why.contains("control characters are not allowed")
                    || why.contains("UTF-8 octet")) =>
        {
            panic!("this crate reads what libyaml refuses: {why}\nin {input:?}");
        }
        _ => {}
    }
});
