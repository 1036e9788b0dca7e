//! The YAML oracle (see `common/yaml_oracle.rs`): this crate against
//! libyaml over the aggregator corpus (when `PRESSMARK_CORPUS` is set),
//! mutants of our fixtures and of a sample of the corpus, and generated
//! documents. Every front matter gives the same data from both, or an
//! error from both, but for the documented exceptions; the counts are
//! printed.
#![cfg(feature = "frontmatter")]

mod common;
#[path = "common/yaml_mutants.rs"]
mod yaml_mutants;
#[path = "common/yaml_oracle.rs"]
mod yaml_oracle;

use std::collections::BTreeMap;

use yaml_mutants::{INSERTS, Rng, mutants};
use yaml_oracle::{Verdict, compare};

#[derive(Default)]
struct Tally {
    documents: usize,
    same: usize,
    both_refuse: usize,
    excepted: BTreeMap<String, usize>,
    differ: Vec<String>,
}

impl Tally {
    fn add(&mut self, file: &str) {
        self.documents += 1;
        match compare(file) {
            Verdict::Same => self.same += 1,
            Verdict::BothRefuse => self.both_refuse += 1,
            Verdict::Excepted(e) => *self.excepted.entry(format!("{e:?}")).or_default() += 1,
            Verdict::Differ(d) | Verdict::OneRefuses(d) => {
                self.differ.push(format!("{d}\n    in {file:?}"));
            }
        }
    }

    fn report(&self, what: &str) {
        common::say(format_args!(
            "yaml oracle, {what}: {} documents, {} the same, {} refused by both, excepted {:?}, {} differ",
            self.documents,
            self.same,
            self.both_refuse,
            self.excepted,
            self.differ.len()
        ));
        for d in self
            .differ
            .iter()
            .take(if std::env::var_os("ORACLE_ALL").is_some() {
                usize::MAX
            } else {
                12
            })
        {
            common::say(format_args!("  DIFFER {d}"));
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
    "012",
    "0x1F",
    "0o17",
    "0b101",
    "1_000",
    "1.5",
    ".5",
    "1.",
    "1e3",
    "1E+3",
    "-.inf",
    ".Inf",
    ".NaN",
    "nan",
    "inf",
    "true",
    "True",
    "TRUE",
    "false",
    "yes",
    "No",
    "on",
    "y",
    "null",
    "Null",
    "~",
    "",
    "2022-10-24T21:10:00Z",
    "2024-05-21",
    "1:30",
    "\"a\\tb\"",
    "\"\\u00e9\\x41\"",
    "'it''s'",
    "\"key: value\"",
    "'# not a comment'",
    "a # comment",
    "!!str 5",
    "!!int \"7\"",
    "!custom x",
    "&anchor v",
    "\"\"",
    "''",
    "https://e.x/a?b=c#d",
    "a: b",
    "-",
    "?",
    "'multi\n  line'",
    "\"esc \\\" quote\"",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999",
    "0.1",
    "1e400",
    "0x",
    "0o8",
    "+.5",
    "-0",
    "+0",
    "1__0",
    "\u{a0}nbsp\u{a0}",
    "é",
    "€ euro",
    "\"\\u2028\"",
];

const KEYS: &[&str] = &[
    "title",
    "a",
    "b",
    "tags",
    "date",
    "draft",
    "\"quoted key\"",
    "'single'",
    "1",
    "2019",
    "true",
    "null",
    "~",
    "0x10",
    "k-v",
    "with space",
    "é",
    "<<",
    "? explicit",
    "\"\"",
];

/// A generated front matter: block and flow mappings and sequences of the
/// scalars above, nested, with anchors and aliases, comments, block
/// scalars and multi-line plain scalars.
fn generate(rng: &mut Rng) -> String {
    let mut out = String::from("---\n");
    let keys = 1 + rng.below(6);
    for k in 0..keys {
        let key = if rng.below(4) == 0 {
            format!("k{k}")
        } else {
            rng.pick(KEYS).to_owned()
        };
        out.push_str(&key);
        out.push(':');
        value(rng, &mut out, 0);
    }
    out.push_str("---\nbody\n");
    out
}

fn value(rng: &mut Rng, out: &mut String, depth: usize) {
    let indent = "  ".repeat(depth + 1);
    match if depth >= 3 { 0 } else { rng.below(9) } {
        0..=3 => {
            out.push(' ');
            out.push_str(rng.pick(SCALARS));
            out.push('\n');
        }
        4 => {
            out.push('\n');
            for _ in 0..1 + rng.below(3) {
                out.push_str(&indent);
                out.push('-');
                value(rng, out, depth + 1);
            }
        }
        5 => {
            out.push('\n');
            for k in 0..1 + rng.below(3) {
                out.push_str(&indent);
                out.push_str(&format!("n{k}:"));
                value(rng, out, depth + 1);
            }
        }
        6 => {
            let items: Vec<&str> = (0..rng.below(4))
                .map(|_| {
                    rng.pick(&[
                        "a", "1", "2.5", "~", "true", "\"q, r\"", "'s'", "x y", "{a: 1}", "[1, 2]",
                        "",
                    ])
                })
                .collect();
            out.push_str(&format!(" [{}]\n", items.join(", ")));
        }
        7 => {
            let items: Vec<String> = (0..rng.below(4))
                .map(|i| {
                    format!(
                        "f{i}: {}",
                        rng.pick(&["a", "1", "~", "\"q\"", "[x]", "yes"])
                    )
                })
                .collect();
            out.push_str(&format!(" {{{}}}\n", items.join(", ")));
        }
        _ => {
            out.push_str(&format!(" {}\n", rng.pick(&["|", "|-", ">", ">+", "|2"])));
            for _ in 0..1 + rng.below(3) {
                out.push_str(&indent);
                out.push_str(rng.pick(&["line", "  more", "", "# text", "a: b"]));
                out.push('\n');
            }
        }
    }
}

const FIXTURE: &str = include_str!("fixtures/frontmatter/news-item.md");

#[test]
fn libyaml_agrees_on_generated_documents_and_mutants() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut tally = Tally::default();
    for _ in 0..4_000 {
        let doc = generate(&mut rng);
        tally.add(&doc);
        if rng.below(4) == 0 {
            for m in mutants(&doc, &mut rng, 2, INSERTS) {
                tally.add(&m);
            }
        }
    }
    for m in mutants(FIXTURE, &mut rng, 1_500, INSERTS) {
        tally.add(&m);
    }
    tally.report("generated documents and mutants of our fixture");
}

#[test]
fn libyaml_agrees_on_the_aggregator_corpus_and_its_mutants() {
    let Some(root) = common::corpus("frontmatter_oracle", "aggregator") else {
        return;
    };
    let paths = common::files(&root, &["md", "html"]);
    let mut tally = Tally::default();
    let mut mutated = Tally::default();
    let mut rng = Rng(0x0dd_ba11_cafe_f00d);
    for (i, path) in paths.iter().enumerate() {
        let file = std::fs::read_to_string(path).expect("corpus file");
        tally.add(&file);
        // Mutants of every 25th file, cut to its front matter.
        if i % 25 == 0 {
            let end = file
                .find("\n---\n")
                .map_or(file.len(), |e| e + 5)
                .min(file.len());
            for m in mutants(&file[..end], &mut rng, 20, INSERTS) {
                mutated.add(&m);
            }
        }
    }
    tally.report("the aggregator corpus");
    mutated.report("mutants of the aggregator corpus");
}
