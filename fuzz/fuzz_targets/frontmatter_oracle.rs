//! The YAML oracle (`tests/common/yaml_oracle.rs`) on arbitrary bytes:
//! this crate and libyaml (through `serde_yaml_ng`) give the same data for
//! every front matter, or both an error, but for the documented
//! exceptions. A difference no exception explains is a crash here.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/yaml_oracle.rs"]
mod yaml_oracle;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let yaml_oracle::Verdict::Differ(why) = yaml_oracle::compare(input) {
        panic!("this crate and libyaml differ: {why}\nin {input:?}");
    }
});
