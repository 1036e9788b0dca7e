//! Writing front matter back: every file (our fixtures; the aggregator
//! corpus when `PRESSMARK_CORPUS` is set) read, written in each format,
//! and read again gives the same values, keys in the same order; read,
//! converted YAML → TOML → JSON → YAML gives the same values for every file
//! whose values each format can hold. Prints the counts.
#![cfg(feature = "frontmatter")]

mod common;

use std::collections::BTreeMap;

use pressmark::ErrorKind;
use pressmark::frontmatter::{self, Format, Value, ValueKind};

const FORMATS: [Format; 3] = [Format::Yaml, Format::Toml, Format::Json];

/// The same data, keys in the same order; positions not compared.
fn same(a: &Value<'_>, b: &Value<'_>) -> bool {
    same_with(a, b, false)
}

/// As [`same`], an integer and a float of the same value equal when
/// `numbers` (a model's `f64` field writes `5` back as `5.0`).
fn same_with(a: &Value<'_>, b: &Value<'_>, numbers: bool) -> bool {
    let same = |a, b| same_with(a, b, numbers);
    match (&a.kind, &b.kind) {
        (ValueKind::Int(x), ValueKind::Float(y)) | (ValueKind::Float(y), ValueKind::Int(x))
            if numbers =>
        {
            *x as f64 == *y
        }
        (ValueKind::Null, ValueKind::Null) => true,
        (ValueKind::Bool(x), ValueKind::Bool(y)) => x == y,
        (ValueKind::Int(x), ValueKind::Int(y)) => x == y,
        (ValueKind::Float(x), ValueKind::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (ValueKind::String(x), ValueKind::String(y)) => x == y,
        (ValueKind::Sequence(x), ValueKind::Sequence(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (ValueKind::Mapping(x), ValueKind::Mapping(y)) => {
            x.len() == y.len()
                && x.entries()
                    .iter()
                    .zip(y.entries())
                    .all(|(x, y)| x.key == y.key && same(&x.value, &y.value))
        }
        _ => false,
    }
}

/// `v` with each mapping's tables after its other keys, as TOML writes
/// them (a table or an array of tables cannot come before a plain key of
/// the same table): the order a TOML file keeps.
fn toml_order(v: &Value<'_>) -> Value<'static> {
    let is_table = |v: &Value<'_>| match &v.kind {
        ValueKind::Mapping(_) => true,
        ValueKind::Sequence(items) => {
            !items.is_empty()
                && items
                    .iter()
                    .all(|i| matches!(i.kind, ValueKind::Mapping(_)))
        }
        _ => false,
    };
    let kind = match &v.kind {
        ValueKind::Mapping(m) => {
            let mut out = frontmatter::Mapping::new();
            for table in [false, true] {
                for e in m.entries().iter().filter(|e| is_table(&e.value) == table) {
                    out.push(frontmatter::Entry::new(
                        e.key.clone().into_owned(),
                        toml_order(&e.value),
                    ));
                }
            }
            ValueKind::Mapping(out)
        }
        ValueKind::Sequence(items) => ValueKind::Sequence(items.iter().map(toml_order).collect()),
        other => other.clone().into_owned_kind(),
    };
    Value::new(kind)
}

trait OwnedKind {
    fn into_owned_kind(self) -> ValueKind<'static>;
}

impl OwnedKind for ValueKind<'_> {
    fn into_owned_kind(self) -> ValueKind<'static> {
        Value::new(self).into_owned().kind
    }
}

/// Read back the same: the same values and key order, but for the tables
/// TOML puts after their table's other keys.
fn same_as_written(back: &Value<'_>, original: &Value<'_>, format: Format) -> bool {
    if format == Format::Toml {
        same(&toml_order(back), &toml_order(original))
    } else {
        same(back, original)
    }
}

#[derive(Default)]
struct Counts {
    files: usize,
    /// Written and read back the same, per format.
    round_trips: BTreeMap<&'static str, usize>,
    /// Refused by a format, with why.
    refused: BTreeMap<String, usize>,
    /// YAML → TOML → JSON → YAML the same.
    chains: usize,
    failures: Vec<String>,
}

impl Counts {
    fn add(&mut self, name: &str, file: &str) {
        self.files += 1;
        let doc = frontmatter::parse(file).unwrap_or_else(|e| panic!("{name}: {e}"));
        for format in FORMATS {
            match doc.to_string_as(format) {
                Ok(written) => match frontmatter::parse(&written) {
                    Ok(back)
                        if same_as_written(back.value(), doc.value(), format)
                            && back.body() == doc.body() =>
                    {
                        *self.round_trips.entry(format.name()).or_default() += 1;
                    }
                    Ok(back) => self.failures.push(format!(
                        "{name} as {}: read back differently: {:?}\n{written}",
                        format.name(),
                        back.value()
                    )),
                    Err(e) => self.failures.push(format!(
                        "{name} as {}: does not read back: {e}\n{written}",
                        format.name()
                    )),
                },
                Err(e) if e.kind() == ErrorKind::Unsupported => {
                    *self
                        .refused
                        .entry(format!("{}: {}", format.name(), e.message()))
                        .or_default() += 1;
                }
                Err(e) => self
                    .failures
                    .push(format!("{name} as {}: {e}", format.name())),
            }
        }
        // YAML → TOML → JSON → YAML, each step read back.
        let mut text = file.to_owned();
        for format in [Format::Yaml, Format::Toml, Format::Json, Format::Yaml] {
            let step = frontmatter::parse(&text).unwrap().to_string_as(format);
            match step {
                Ok(next) => text = next,
                Err(_) => return, // counted above
            }
        }
        let end = frontmatter::parse(&text).unwrap();
        if same_as_written(end.value(), doc.value(), Format::Toml) && end.body() == doc.body() {
            self.chains += 1;
        } else {
            self.failures
                .push(format!("{name}: the chain changed it:\n{text}"));
        }
    }

    fn report(&self, what: &str) {
        common::say(format_args!(
            "write {what}: {} files; read back the same: {:?}; refused: {:?}; YAML → TOML → JSON → YAML the same: {}",
            self.files, self.round_trips, self.refused, self.chains
        ));
        for f in self.failures.iter().take(5) {
            common::say(format_args!("  FAILED {f}"));
        }
        assert!(self.failures.is_empty(), "{} failures", self.failures.len());
    }
}

const FIXTURES: &[&str] = &[
    "frontmatter/news-item.md",
    "frontmatter/hugo-post.md",
    "frontmatter/hugo-post-tagged.md",
    "frontmatter/jekyll-post.md",
    "frontmatter/eleventy-post.md",
    "frontmatter/astro-post.md",
];

#[test]
fn fixtures_round_trip_in_every_format() {
    let mut counts = Counts::default();
    for name in FIXTURES {
        counts.add(name, &common::fixture(name));
    }
    counts.report("fixtures");
    assert_eq!(counts.chains, FIXTURES.len());
}

#[test]
fn corpus_round_trips_in_every_format() {
    let Some(root) = common::corpus("frontmatter_write", "aggregator") else {
        return;
    };
    let mut counts = Counts::default();
    let (mut models, mut numbers, mut model_failures) = (0, 0, Vec::new());
    for path in common::files(&root, &["md", "html"]) {
        let file = std::fs::read_to_string(&path).unwrap();
        counts.add(&path.display().to_string(), &file);
        // The typed model writes back the file's values in its order.
        let original = frontmatter::parse(&file).unwrap();
        let written = match frontmatter::news_item(&file) {
            Ok(doc) => doc.to_string_as(Format::Yaml),
            Err(_) => frontmatter::item(&file).unwrap().to_string_as(Format::Yaml),
        }
        .unwrap();
        let back = frontmatter::parse(&written).unwrap();
        if same(back.value(), original.value()) {
            models += 1;
        } else if same_with(back.value(), original.value(), true) {
            numbers += 1;
        } else {
            model_failures.push(format!("{}:\n{written}", path.display()));
        }
    }
    counts.report("the aggregator corpus");
    common::say(format_args!(
        "write the aggregator corpus through NewsItem / Item: {models} files the same, keys in the file's order; \
         {numbers} the same but for an integer written back as a float (`ratings.average: 5` as `5.0`); {} not",
        model_failures.len()
    ));
    for f in model_failures.iter().take(3) {
        common::say(format_args!("  FAILED {f}"));
    }
    assert!(model_failures.is_empty());
}

/// The values each writer must get right: strings YAML would read as
/// something else, several lines, escapes, numbers, nesting, empties.
#[test]
fn hard_values_round_trip() {
    let file = r#"---
plain: Tides and storms
colon: "a: b"
hash: "a #b"
lead: "- not a list"
yes11: "yes"
off11: "off"
null_text: "null"
number_text: "12"
float_text: "1.5"
octal11: "012"
sexagesimal: "1:30"
underscored: "1_000"
date: 2024-03-01
time: "10:00"
empty: ""
space: " padded "
lines: "one\ntwo\n"
strip: "one\ntwo"
keep: "one\n\n\n"
indented: "one\n  two\n"
crlf: "one\r\ntwo"
tab: "a\tb"
control: "a\u0001b"
nel: "a\u0085b"
bom: "\ufeffa"
nbsp: "\u00a0a\u00a0"
quote: 'it''s "quoted"'
backslash: 'C:\path'
unicode: "€ é 日本"
int: -12
big: 9223372036854775807
float: 0.1
exp: 1.0e+300
whole: 2.0
bool: false
list: [a, 1, true, [x, y], {k: v}]
map: {a: {b: {c: 1}}}
empty_list: []
empty_map: {}
"#
    .to_owned()
        + "---\nBody\n";
    let doc = frontmatter::parse(&file).unwrap();
    for format in FORMATS {
        let written = doc.to_string_as(format).unwrap();
        let back =
            frontmatter::parse(&written).unwrap_or_else(|e| panic!("{format:?}: {e}\n{written}"));
        assert!(
            same_as_written(back.value(), doc.value(), format),
            "{format:?}:\n{written}"
        );
        assert_eq!(back.body(), "Body\n");
    }
    let yaml = doc.to_string_as(Format::Yaml).unwrap();
    for line in [
        "plain: Tides and storms\n",
        "date: 2024-03-01\n",
        "yes11: \"yes\"\n",
        "lines: |\n  one\n  two\n",
        "strip: |-\n",
    ] {
        assert!(yaml.contains(line), "{line:?} not in\n{yaml}");
    }
}

/// TOML has no null: writing one is an error naming the field; JSON has no
/// infinity. Nothing is dropped silently.
#[test]
fn what_a_format_cannot_hold_is_an_error() {
    let doc = frontmatter::parse("---\ntitle: a\nlist: [1, ~]\n---\n").unwrap();
    let err = doc.to_string_as(Format::Toml).unwrap_err();
    assert_eq!(
        (err.kind(), err.path()),
        (ErrorKind::Unsupported, Some("list[1]"))
    );
    assert!(err.message().contains("toml has no null"), "{err}");
    let doc = frontmatter::parse("---\nx: .inf\n---\n").unwrap();
    let err = doc.to_string_as(Format::Json).unwrap_err();
    assert_eq!(
        (err.kind(), err.path()),
        (ErrorKind::Unsupported, Some("x"))
    );
    let err = frontmatter::to_string(&[1, 2], "", Format::Yaml).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidType);
}

/// A model writes its keys back in the order the file has them, the keys
/// it knows among the others.
#[test]
fn models_keep_the_file_key_order() {
    let file = common::fixture("frontmatter/jekyll-post.md");
    let page = frontmatter::page(&file).unwrap();
    let written = page.to_string_as(Format::Yaml).unwrap();
    let original = frontmatter::parse(&file).unwrap();
    let back = frontmatter::parse(&written).unwrap();
    assert!(same(back.value(), original.value()), "{written}");
    let keys: Vec<&str> = back.value().as_mapping().unwrap().keys().collect();
    assert_eq!(&keys[..3], ["layout", "title", "date"]);
    // A field set after reading comes after the ones read; `extra` last.
    let mut page = page.into_value();
    page.weight = Some(3);
    let text = frontmatter::to_string(&page, "", Format::Yaml).unwrap();
    assert!(text.contains("comments: true\nweight: 3\n"), "{text}");
}

/// A user's struct, a Page and a NewsItem write and read back.
#[test]
fn models_and_user_structs_write_back() {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Post {
        title: String,
        draft: bool,
        tags: Vec<String>,
        rating: Option<f64>,
    }
    let post = Post {
        title: "Tides".into(),
        draft: true,
        tags: vec!["sea".into()],
        rating: Some(4.5),
    };
    for format in FORMATS {
        let text = frontmatter::to_string(&post, "Body\n", format).unwrap();
        let back = frontmatter::from_str::<Post>(&text).unwrap();
        assert_eq!((back.value(), back.body()), (&post, "Body\n"), "{format:?}");
    }
    for name in ["frontmatter/jekyll-post.md", "frontmatter/hugo-post.md"] {
        let file = common::fixture(name);
        let page = frontmatter::page(&file).unwrap();
        for format in FORMATS {
            let text = page.to_string_as(format).unwrap();
            let back = frontmatter::page(&text).unwrap();
            assert_eq!(
                serde_json::to_value(back.value()).unwrap(),
                serde_json::to_value(page.value()).unwrap(),
                "{name} {format:?}"
            );
        }
    }
    let news = common::fixture("frontmatter/news-item.md");
    let item = frontmatter::news_item(&news).unwrap();
    for format in FORMATS {
        let text = item.to_string_as(format).unwrap();
        let back = frontmatter::news_item(&text).unwrap();
        assert_eq!(
            back.value().clone().into_owned().title,
            item.value().title,
            "{format:?}"
        );
        assert_eq!(
            serde_json::to_value(back.value()).unwrap(),
            serde_json::to_value(item.value()).unwrap(),
            "{format:?}"
        );
    }
}

/// `examples/frontmatter.rs --to FORMAT`: each file written in that
/// format, to stdout or to `--out DIR`, reads back the same.
#[test]
fn example_converts_files() {
    let binary = common::example_binary("frontmatter");
    let fixtures: Vec<std::path::PathBuf> = FIXTURES
        .iter()
        .map(|f| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(f)
        })
        .collect();
    for (format, name) in [
        (Format::Yaml, "yaml"),
        (Format::Toml, "toml"),
        (Format::Json, "json"),
    ] {
        let out = std::env::temp_dir().join(format!(
            "pressmark-frontmatter-{name}-{}",
            std::process::id()
        ));
        let status = std::process::Command::new(&binary)
            .args(["--to", name, "--out"])
            .arg(&out)
            .args(&fixtures)
            .status()
            .unwrap();
        assert!(status.success(), "{name}");
        for path in &fixtures {
            let original = std::fs::read_to_string(path).unwrap();
            let written = std::fs::read_to_string(out.join(path.file_name().unwrap())).unwrap();
            let (a, b) = (
                frontmatter::parse(&original).unwrap(),
                frontmatter::parse(&written).unwrap(),
            );
            assert_eq!(b.format(), format, "{}", path.display());
            assert!(
                same_as_written(b.value(), a.value(), format),
                "{}",
                path.display()
            );
            assert_eq!(a.body(), b.body());
        }
        std::fs::remove_dir_all(&out).unwrap();
    }
    // To stdout, and a value the format cannot hold fails that file.
    let output = std::process::Command::new(&binary)
        .args(["--to", "toml"])
        .arg(&fixtures[3])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("+++\nlayout = \"post\"\n")
    );
    let bad = std::env::temp_dir().join(format!("pressmark-null-{}.md", std::process::id()));
    std::fs::write(&bad, "---\ntitle: a\nsubtitle:\n---\n").unwrap();
    let output = std::process::Command::new(&binary)
        .args(["--to", "toml"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("toml has no null") && stderr.contains("`subtitle`"),
        "{stderr}"
    );
    std::fs::remove_file(&bad).unwrap();
}
