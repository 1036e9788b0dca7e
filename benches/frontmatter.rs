//! Front matter, on the same inputs in one run:
//!
//! - `pressmark`: [`pressmark::frontmatter::news_item`], the typed, borrowing
//!   parse with positions;
//! - `gray_matter`: the `gray_matter` crate (YAML engine) deserializing into
//!   the same `NewsItem` (through its serde `Deserialize`, which copies);
//! - `gray_matter_pod`: `gray_matter` into its own `Pod` tree, no typing
//!   (its floor);
//! - `yaml_rust2_nothing`: yaml-rust2's parser over the same front matter
//!   with a receiver that does nothing (the floor of any parser built on it);
//! - `yaml_rust2_next_token`: the same, pulling events with `next_token` as
//!   this crate does.
//!
//! Interleaved ratios over the whole aggregator corpus (when
//! `PRESSMARK_CORPUS` is set; `benches/support/interleaved.rs`: the time
//! reported, in µs, is the subject's time over its baseline's, file by file
//! in the same run): `corpus_interleaved/pressmark_over_yaml_rust2_nothing`
//! (the typed read, `news_item` for news items and `item` for the other
//! collections, against yaml-rust2's parser with a receiver that does
//! nothing, on the same front matter; 0.77 µs is 1.3× its throughput) and
//! `corpus_interleaved/pressmark_over_gray_matter` (against `gray_matter`
//! into the same models).
//!
//! End to end, the converter against python-frontmatter (whose YAML is
//! libyaml, in C) on one core is measured outside Criterion, by
//! `scripts/convert_python_frontmatter.py`: it converts the same files
//! into article lines with python-frontmatter, and its docstring gives the
//! commands for both (`taskset -c 1`, `convert --threads 1`).
//!
//! Inputs: one news item, the seed from `$PRESSMARK_SEEDS` or, when that is
//! not set, our fixture `tests/fixtures/frontmatter/news-item.md` (the
//! group names say which: `frontmatter/seed`, `frontmatter/fixture`); and
//! when `PRESSMARK_CORPUS` is set, a sample of the corpus's current news
//! items (every 10th file of `_news/head`).

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/interleaved.rs"]
mod interleaved;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gray_matter::Matter;
use gray_matter::engine::YAML;
use pressmark::frontmatter::{self, Item, NewsItem};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

struct Nothing;

impl MarkedEventReceiver for Nothing {
    fn on_event(&mut self, ev: Event, _mark: Marker) {
        black_box(ev);
    }
}

fn inputs() -> Vec<(String, Vec<String>)> {
    let (input, item) = common::seed_or_fixture(
        "bench frontmatter",
        "aggregator-item.md",
        "frontmatter/news-item.md",
    );
    let mut sets = vec![(input.to_owned(), vec![item])];
    match std::env::var_os("PRESSMARK_CORPUS") {
        Some(root) => {
            let dir = PathBuf::from(root).join("aggregator/powerapps/_news/head");
            let mut paths: Vec<_> = std::fs::read_dir(&dir)
                .expect("corpus news folder")
                .map(|e| e.expect("entry").path())
                .collect();
            paths.sort();
            let files: Vec<String> = paths
                .iter()
                .step_by(10)
                .map(|p| std::fs::read_to_string(p).expect("corpus file"))
                .collect();
            eprintln!(
                "bench frontmatter: {} corpus news files from {}",
                files.len(),
                dir.display()
            );
            sets.push(("corpus_news".to_owned(), files));
        }
        None => eprintln!("bench frontmatter: PRESSMARK_CORPUS not set, one item only"),
    }
    sets
}

fn bench(c: &mut Criterion) {
    let gray = Matter::<YAML>::new();
    for (name, files) in inputs() {
        let bytes: usize = files.iter().map(String::len).sum();
        // Every engine must accept every input, or the comparison is void.
        for f in &files {
            frontmatter::news_item(f).expect("pressmark parses");
            let parsed = gray
                .parse::<NewsItem<'static>>(f)
                .expect("gray_matter parses");
            assert!(parsed.data.is_some());
        }
        let mut group = c.benchmark_group(format!("frontmatter/{name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("pressmark", |b| {
            b.iter(|| {
                for f in &files {
                    black_box(frontmatter::news_item(black_box(f)).expect("parses"));
                }
            });
        });
        group.bench_function("gray_matter", |b| {
            b.iter(|| {
                for f in &files {
                    black_box(
                        gray.parse::<NewsItem<'static>>(black_box(f))
                            .expect("parses"),
                    );
                }
            });
        });
        group.bench_function("gray_matter_pod", |b| {
            b.iter(|| {
                for f in &files {
                    black_box(
                        gray.parse::<gray_matter::Pod>(black_box(f))
                            .expect("parses"),
                    );
                }
            });
        });
        group.bench_function("yaml_rust2_nothing", |b| {
            b.iter(|| {
                for f in &files {
                    let split = frontmatter::split(black_box(f))
                        .expect("splits")
                        .expect("front matter");
                    Parser::new_from_str(split.front_matter())
                        .load(&mut Nothing, false)
                        .expect("parses");
                }
            });
        });
        group.bench_function("yaml_rust2_next_token", |b| {
            b.iter(|| {
                for f in &files {
                    let split = frontmatter::split(black_box(f))
                        .expect("splits")
                        .expect("front matter");
                    let mut parser = Parser::new_from_str(split.front_matter());
                    loop {
                        let (ev, _) = parser.next_token().expect("parses");
                        if ev == Event::StreamEnd {
                            break;
                        }
                        black_box(ev);
                    }
                }
            });
        });
        group.finish();
    }
}

/// Every file of the aggregator corpus, with whether it is a news item.
fn corpus_files() -> Option<Vec<(String, bool)>> {
    let root = PathBuf::from(std::env::var_os("PRESSMARK_CORPUS")?).join("aggregator");
    let files: Vec<(String, bool)> = common::files(&root, &["md", "html"])
        .iter()
        .map(|p| {
            let news = p.components().any(|c| c.as_os_str() == "_news");
            (std::fs::read_to_string(p).expect("corpus file"), news)
        })
        .collect();
    eprintln!(
        "bench frontmatter: {} corpus files, interleaved",
        files.len()
    );
    Some(files)
}

fn read_typed(file: &str, news: bool) {
    if news {
        black_box(frontmatter::news_item(black_box(file)).expect("parses"));
    } else {
        black_box(frontmatter::item(black_box(file)).expect("parses"));
    }
}

fn bench_interleaved(c: &mut Criterion) {
    let Some(files) = corpus_files() else {
        eprintln!("bench frontmatter: PRESSMARK_CORPUS not set, no interleaved ratios");
        return;
    };
    let gray = Matter::<YAML>::new();
    let mut group = c.benchmark_group("corpus_interleaved");
    group.sample_size(20);
    // The baselines take a file by its index, as the subject does.
    let nothing = |k: usize| {
        let split = frontmatter::split(black_box(&files[k].0))
            .expect("splits")
            .expect("front matter");
        Parser::new_from_str(split.front_matter())
            .load(&mut Nothing, false)
            .expect("parses");
    };
    interleaved::ratio(
        &mut group,
        "pressmark_over_yaml_rust2_nothing",
        files.len(),
        |k| read_typed(&files[k].0, files[k].1),
        nothing,
    );
    interleaved::ratio(
        &mut group,
        "pressmark_over_gray_matter",
        files.len(),
        |k| read_typed(&files[k].0, files[k].1),
        |k| {
            let (file, news) = (&files[k].0, files[k].1);
            if news {
                black_box(
                    gray.parse::<NewsItem<'static>>(black_box(file))
                        .expect("parses"),
                );
            } else {
                black_box(
                    gray.parse::<Item<'static>>(black_box(file))
                        .expect("parses"),
                );
            }
        },
    );
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2))
        .sample_size(30);
    targets = bench, bench_interleaved
}
criterion_main!(benches);
