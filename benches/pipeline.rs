//! File bytes to `Article`s with body text, per corpus, one core: what the
//! `convert` example does per file, without the file system.
//!
//! Reports bytes per second (criterion's throughput) and, in the group name,
//! the number of items, so items per second = items / time.
//!
//! Inputs: the two seeds from `$PRESSMARK_SEEDS` or, when that is not set,
//! our fixtures `tests/fixtures/wordpress/post.json` and
//! `tests/fixtures/frontmatter/news-item.md` (the group names say which:
//! `pipeline/seeds`, `pipeline/fixtures`); and when `PRESSMARK_CORPUS` is
//! set, every file of each corpus.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn articles(inputs: &[Vec<u8>]) -> usize {
    inputs
        .iter()
        .map(|bytes| {
            let content = pressmark::from_slice(black_box(bytes)).unwrap();
            content
                .articles()
                .iter()
                .map(|a| a.body.as_ref().map_or(0, |b| b.len()))
                .sum::<usize>()
        })
        .sum()
}

fn bench_corpus(c: &mut Criterion, name: &str, dir: &Path) {
    let paths = common::files(dir, &["json", "md", "html"]);
    let inputs: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let items: usize = inputs
        .iter()
        .map(|b| pressmark::from_slice(b).unwrap().articles().len())
        .sum();
    let mut group = c.benchmark_group(format!("pipeline/{name}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(
        format!("{items}-articles-from-{}-files", inputs.len()),
        |b| b.iter(|| articles(&inputs)),
    );
    group.finish();
}

fn benches(c: &mut Criterion) {
    // Both seeds, or both fixtures: the variable decides for both.
    let (input, post) = common::seed_or_fixture(
        "bench pipeline",
        "wordpress-post.json",
        "wordpress/post.json",
    );
    let (_, item) = common::seed_or_fixture(
        "bench pipeline",
        "aggregator-item.md",
        "frontmatter/news-item.md",
    );
    let small = [post.into_bytes(), item.into_bytes()];
    let items: usize = small
        .iter()
        .map(|b| pressmark::from_slice(b).unwrap().articles().len())
        .sum();
    let mut group = c.benchmark_group(format!("pipeline/{input}s"));
    group.throughput(Throughput::Bytes(
        small.iter().map(Vec::len).sum::<usize>() as u64
    ));
    group.bench_function(format!("{items}-articles"), |b| b.iter(|| articles(&small)));
    group.finish();

    match std::env::var_os("PRESSMARK_CORPUS") {
        Some(root) => {
            let root = PathBuf::from(root);
            bench_corpus(c, "wordpress", &root.join("wordpress"));
            bench_corpus(c, "aggregator", &root.join("aggregator"));
        }
        None => eprintln!("*** SKIPPED: corpus benchmarks: PRESSMARK_CORPUS is not set ***"),
    }
}

criterion_group!(group, benches);
criterion_main!(group);
