//! Deterministic YAML mutants for the differential tests (the libyaml
//! oracle in `tests/frontmatter_oracle.rs`, the fast lane against
//! yaml-rust2 in `src/frontmatter/yaml_lane_tests.rs`): a small generator
//! whose failures repeat, and single edits spread over a file.
#![allow(dead_code)]

/// A small deterministic generator (xorshift), so a failure is repeatable.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'t>(&mut self, items: &[&'t str]) -> &'t str {
        items[self.below(items.len())]
    }
}

/// What a mutant puts in: YAML's indicators, quotes, blanks, line breaks,
/// document markers, non-ASCII.
pub const INSERTS: &[&str] = &[
    ":", ": ", "-", "- ", "#", " #", "'", "\"", "{", "}", "[", "]", ",", "&a ", "*a", "!",
    "!!str ", "|", ">", "\t", "\n", "\r\n", " ", "  ", "\\", "%", "@", "`", "?", "...", "---", "~",
    "é", "\u{a0}",
];

/// [`INSERTS`] and what tests the fast lane's scalars: a lone `\r`, a
/// digit, an escaped quote, escapes.
pub const LANE_INSERTS: &[&str] = &[
    ":", ": ", "-", "- ", "#", " #", "'", "\"", "{", "}", "[", "]", ",", "&a ", "*a", "!",
    "!!str ", "|", ">", "\t", "\n", "\r\n", " ", "  ", "\\", "%", "@", "`", "?", "...", "---", "~",
    "é", "\u{a0}", "\r", "0", "''", "\\u00e9", "\\x",
];

/// `count` mutants of `file`: a character deleted, or one of `inserts`
/// put in, at positions spread over it.
pub fn mutants(file: &str, rng: &mut Rng, count: usize, inserts: &[&str]) -> Vec<String> {
    let boundaries: Vec<usize> = file.char_indices().map(|(i, _)| i).collect();
    if boundaries.is_empty() {
        return Vec::new();
    }
    (0..count)
        .map(|_| {
            let at = boundaries[rng.below(boundaries.len())];
            if rng.below(3) == 0 {
                let len = file[at..].chars().next().map_or(0, char::len_utf8);
                format!("{}{}", &file[..at], &file[at + len..])
            } else {
                format!("{}{}{}", &file[..at], rng.pick(inserts), &file[at..])
            }
        })
        .collect()
}
