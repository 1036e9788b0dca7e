//! The YAML fast lane against the event path (yaml-rust2): wherever the
//! lane reads a front matter, it gives the same values, kinds, positions
//! and borrowed strings as the events. Over our fixtures, the aggregator
//! corpus (when `PRESSMARK_CORPUS` is set, read at run time), mutants of
//! both, and generated documents of the lane's shapes.

use super::value::{Value, ValueKind};
use super::{Format, Limits, split, yaml, yaml_lane};

#[path = "../../tests/common/yaml_mutants.rs"]
mod yaml_mutants;
use yaml_mutants::{LANE_INSERTS, Rng, mutants};

/// Equal, and each string borrowed in one exactly when in the other.
fn identical(a: &Value<'_>, b: &Value<'_>) -> bool {
    if a.position() != b.position() {
        return false;
    }
    match (&a.kind, &b.kind) {
        (ValueKind::String(x), ValueKind::String(y)) => {
            x == y && x.is_borrowed() == y.is_borrowed()
        }
        (ValueKind::Float(x), ValueKind::Float(y)) => x.to_bits() == y.to_bits(),
        (ValueKind::Sequence(x), ValueKind::Sequence(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| identical(x, y))
        }
        (ValueKind::Mapping(x), ValueKind::Mapping(y)) => {
            x.len() == y.len()
                && x.entries().iter().zip(y.entries()).all(|(x, y)| {
                    x.key == y.key
                        && x.key.is_borrowed() == y.key.is_borrowed()
                        && x.key_position() == y.key_position()
                        && identical(&x.value, &y.value)
                })
        }
        (x, y) => x == y,
    }
}

#[derive(Default)]
struct Tally {
    documents: usize,
    lane: usize,
    /// Bytes of front matter, all of it and what the lane read.
    bytes: usize,
    lane_bytes: usize,
    differ: Vec<String>,
}

impl Tally {
    /// Compares the two on `file`'s YAML front matter, if it has one.
    fn add(&mut self, file: &str) {
        let Ok(Some(split)) = split(file) else {
            return;
        };
        if split.format() != Format::Yaml {
            return;
        }
        let (fragment, base) = match split.front_matter().strip_prefix('\u{feff}') {
            Some(rest) => (rest, split.front_matter_offset() + 3),
            None => (split.front_matter(), split.front_matter_offset()),
        };
        self.documents += 1;
        self.bytes += fragment.len();
        let limits = Limits::default();
        if yaml::parse(
            file,
            split.front_matter(),
            split.front_matter_offset(),
            &limits,
        )
        .is_err()
        {
            // Refused before the lane (a character YAML forbids) or by the
            // events: the lane must not read what the events refuse.
            if let Some(v) = yaml_lane::parse(file, fragment, base, &limits)
                && yaml::parse_events(file, fragment, base, &limits).is_err()
            {
                self.differ.push(format!(
                    "the lane read what the events refuse: {v:?}\n  in {file:?}"
                ));
            }
            return;
        }
        let Some(lane) = yaml_lane::parse(file, fragment, base, &limits) else {
            return;
        };
        self.lane += 1;
        self.lane_bytes += fragment.len();
        match yaml::parse_events(file, fragment, base, &limits) {
            Ok(events) if identical(&lane, &events) => {}
            Ok(events) => self
                .differ
                .push(format!("lane {lane:?}\n  events {events:?}\n  in {file:?}")),
            Err(e) => self.differ.push(format!(
                "the lane read what the events refuse ({e}): {lane:?}\n  in {file:?}"
            )),
        }
    }

    fn check(&self, what: &str) {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!(
                "yaml lane, {what}: {} documents, {} read by the lane ({} of {} bytes of \
                 front matter), {} differ\n",
                self.documents,
                self.lane,
                self.lane_bytes,
                self.bytes,
                self.differ.len()
            )
            .as_bytes(),
        );
        for d in self.differ.iter().take(5) {
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                format!("  DIFFER {d}\n").as_bytes(),
            );
        }
        assert!(
            self.differ.is_empty(),
            "{what}: {} differ",
            self.differ.len()
        );
    }
}

const SCALARS: &[&str] = &[
    "plain words",
    "x",
    "12",
    "-1",
    "+3",
    "-0.5",
    ".5",
    "1e3",
    "0x1F",
    "0o17",
    "true",
    "False",
    "null",
    "~",
    "yes",
    "2022-10-24T21:10:00Z",
    "https://e.x/a?b=c",
    "C#",
    "a:b",
    "é€ 日本",
    "\u{a0}nbsp\u{a0}",
    "\"quoted\"",
    "\"with \\\"escape\\\" \\r\\n\"",
    "\"\\u00e9\\t\\x41\"",
    "'single'",
    "'it''s'",
    "\"\"",
    "''",
    "a, b",
    "[x]",
    "x ]",
    "-",
    "- x",
    "-x",
    "a: b",
    "a #b",
    "99999999999999999999",
    "\"unclosed",
    "'unclosed",
    "\"bad \\q escape\"",
    "|",
    "&a x",
    "*a",
    "!t x",
    "{a: 1}",
    "trailing   ",
    "1:30",
    "\"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\\N\\_\\L\\P\\x41\\u00e9\\U0001F600\"",
    "\"\\ud800\"",
    "\"Top #1\"",
    "a #1",
    "'x' # c",
];

const FLOWS: &[&str] = &[
    "[]",
    "[a]",
    "[a, b]",
    "[ a , 'b' , \"c\" ]",
    "[1, 2.5, true, ~]",
    "[a,b]",
    "[a, ]",
    "[, a]",
    "[a, [b]]",
    "[a: b]",
    "[\"x, y\", 'z']",
    "[a b, c d]",
];

/// A generated front matter of the lane's shapes, with some that are not.
fn generate(rng: &mut Rng) -> String {
    let mut out = String::from("---\n");
    let eol = if rng.below(5) == 0 { "\r\n" } else { "\n" };
    for k in 0..1 + rng.below(6) {
        if rng.below(8) == 0 {
            out.push_str(eol);
        }
        let key = if rng.below(10) == 0 {
            rng.pick(&["a b", "\"q\"", "k.v", "1", "_x", "-k", "é"])
                .to_owned()
        } else {
            format!("key{k}")
        };
        out.push_str(&key);
        out.push(':');
        value(rng, &mut out, 0, eol);
    }
    out.push_str("---\nbody\n");
    out
}

fn value(rng: &mut Rng, out: &mut String, depth: usize, eol: &str) {
    let indent = "  ".repeat(depth + 1);
    match if depth >= 2 {
        rng.below(2)
    } else {
        rng.below(6)
    } {
        0 => {
            out.push(' ');
            out.push_str(rng.pick(SCALARS));
            out.push_str(eol);
        }
        1 => {
            out.push(' ');
            out.push_str(rng.pick(FLOWS));
            out.push_str(eol);
        }
        2 | 3 => {
            out.push_str(eol);
            for _ in 0..1 + rng.below(3) {
                out.push_str(&indent);
                out.push_str("- ");
                if rng.below(3) == 0 {
                    out.push_str(&format!("k{}:", rng.below(3)));
                    out.push(' ');
                    out.push_str(rng.pick(SCALARS));
                    out.push_str(eol);
                    for j in 0..rng.below(3) {
                        out.push_str(&indent);
                        out.push_str(&format!("  m{j}: {}", rng.pick(SCALARS)));
                        out.push_str(eol);
                    }
                } else {
                    out.push_str(rng.pick(SCALARS));
                    out.push_str(eol);
                }
            }
        }
        _ => {
            out.push_str(eol);
            for k in 0..1 + rng.below(3) {
                out.push_str(&indent);
                out.push_str(&format!("n{k}:"));
                value(rng, out, depth + 1, eol);
            }
        }
    }
}

const FIXTURES: &[&str] = &[
    include_str!("../../tests/fixtures/frontmatter/news-item.md"),
    include_str!("../../tests/fixtures/frontmatter/jekyll-post.md"),
    include_str!("../../tests/fixtures/frontmatter/astro-post.md"),
];

#[test]
fn lane_agrees_with_events_on_fixtures_and_generated_documents() {
    let mut tally = Tally::default();
    let mut rng = Rng(0x1a2b_3c4d_5e6f_7081);
    for fixture in FIXTURES {
        tally.add(fixture);
        for m in mutants(fixture, &mut rng, 800, LANE_INSERTS) {
            tally.add(&m);
        }
    }
    for _ in 0..6_000 {
        let doc = generate(&mut rng);
        tally.add(&doc);
        if rng.below(3) == 0 {
            for m in mutants(&doc, &mut rng, 2, LANE_INSERTS) {
                tally.add(&m);
            }
        }
    }
    tally.check("fixtures, their mutants and generated documents");
    assert!(tally.lane * 5 > tally.documents, "the lane reads too few");
}

#[test]
fn lane_agrees_with_events_on_the_corpus() {
    let Some(root) = std::env::var_os("PRESSMARK_CORPUS") else {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"\n*** SKIPPED: yaml lane over the corpus: PRESSMARK_CORPUS is not set ***\n",
        );
        return;
    };
    let mut files = Vec::new();
    let mut dirs = vec![std::path::Path::new(&root).join("aggregator")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "html") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut tally = Tally::default();
    let mut mutated = Tally::default();
    let mut rng = Rng(0x0bad_cafe_f00d_1234);
    for (i, path) in files.iter().enumerate() {
        let file = std::fs::read_to_string(path).expect("corpus file");
        tally.add(&file);
        if i % 20 == 0 {
            let end = file.find("\n---\n").map_or(file.len(), |e| e + 5);
            for m in mutants(&file[..end], &mut rng, 25, LANE_INSERTS) {
                mutated.add(&m);
            }
        }
    }
    tally.check("the aggregator corpus");
    mutated.check("mutants of the aggregator corpus");
    assert_eq!(
        tally.lane, tally.documents,
        "the lane reads every corpus file"
    );
}
