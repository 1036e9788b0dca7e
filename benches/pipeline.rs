//! File bytes to `Article`s with body text, per corpus, one core: what the
//! `convert` example does per file, without the file system.
//!
//! Reports bytes per second (criterion's throughput) and, in the group name,
//! the number of items, so items per second = items / time.

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
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let seed_inputs: Vec<Vec<u8>> = ["wordpress-post.json", "aggregator-item.md"]
        .iter()
        .map(|f| std::fs::read(seeds.join(f)).unwrap())
        .collect();
    let mut group = c.benchmark_group("pipeline/seeds");
    group.throughput(Throughput::Bytes(
        seed_inputs.iter().map(Vec::len).sum::<usize>() as u64,
    ));
    group.bench_function("2-articles", |b| b.iter(|| articles(&seed_inputs)));
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
