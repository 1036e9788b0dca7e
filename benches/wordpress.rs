//! Reading WordPress JSON: the typed model against `serde_json::Value` and
//! against `IgnoredAny` (validation only, the floor for any serde_json
//! parse), on the same bytes in one run.
//!
//! Inputs: one post, the seed from `$PRESSMARK_SEEDS` or, when that is not
//! set, our fixture `tests/fixtures/wordpress/post.json` (the group names
//! say which: `seed-post`, `fixture-post`), as strict JSON since `Value`
//! cannot read its raw newlines, with the repairing read of the original
//! measured beside it; and when `PRESSMARK_CORPUS` is set, the raw-bytes
//! collection `bios-downloads/wp-json__wp__v2__posts.json` and that
//! collection cut down to what `?_fields=id,title,link` returns.
//!
//! `wordpress/interleaved` gives the post's ratio to `IgnoredAny` with both
//! timed back to back, robust to the machine changing speed between
//! Criterion's windows (see `benches/support/interleaved.rs`: the reported
//! time in µs is the typed read's time over `IgnoredAny`'s).
//!
//! The post and the whole collection are also read with
//! `serde_derive_model`, a plain derived model
//! (`benches/support/derive_model.rs`): what a typed serde_json read of
//! this input costs without this crate, for scale against `IgnoredAny`.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/derive_model.rs"]
mod derive_model;
#[path = "support/interleaved.rs"]
mod interleaved;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pressmark::wordpress::{self, Post, Response};

fn compare(
    c: &mut Criterion,
    name: &str,
    json: &str,
    typed: impl Fn(&str) -> usize,
    derived: Option<fn(&str) -> usize>,
) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("pressmark", |b| b.iter(|| typed(black_box(json))));
    if let Some(derived) = derived {
        group.bench_function("serde_derive_model", |b| {
            b.iter(|| derived(black_box(json)))
        });
    }
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(json)).unwrap())
    });
    group.bench_function("IgnoredAny", |b| {
        b.iter(|| serde_json::from_str::<serde::de::IgnoredAny>(black_box(json)).unwrap())
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let (input, post) = common::seed_or_fixture(
        "bench wordpress",
        "wordpress-post.json",
        "wordpress/post.json",
    );
    let strict_post = common::strict_json(&post);
    compare(
        c,
        &format!("wordpress/{input}-post"),
        &strict_post,
        |json| {
            wordpress::from_str::<Post>(json)
                .unwrap()
                .id
                .map_or(0, |id| id as usize)
        },
        Some(|json| {
            serde_json::from_str::<derive_model::Post>(json)
                .unwrap()
                .id()
                .map_or(0, |id| id as usize)
        }),
    );
    let mut group = c.benchmark_group("wordpress/interleaved");
    interleaved::ratio(
        &mut group,
        &format!("{input}-post_pressmark_over_IgnoredAny"),
        1,
        |_| {
            black_box(wordpress::from_str::<Post>(black_box(&strict_post)).unwrap());
        },
        |_| {
            black_box(
                serde_json::from_str::<serde::de::IgnoredAny>(black_box(&strict_post)).unwrap(),
            );
        },
    );
    group.finish();
    c.bench_function(&format!("wordpress/{input}-post-as-sent-repaired"), |b| {
        b.iter(|| {
            wordpress::from_str::<Post>(black_box(&post))
                .unwrap()
                .repairs()
                .is_some()
        })
    });

    match std::env::var_os("PRESSMARK_CORPUS") {
        Some(root) => {
            let path = std::path::Path::new(&root)
                .join("wordpress/bios-downloads/wp-json__wp__v2__posts.json");
            let json = std::fs::read_to_string(&path).unwrap();
            compare(
                c,
                "wordpress/bios-collection",
                &json,
                |json| wordpress::from_str::<Vec<Post>>(json).unwrap().len(),
                Some(|json| {
                    serde_json::from_str::<Vec<derive_model::Post>>(json)
                        .unwrap()
                        .len()
                }),
            );
            compare(
                c,
                "wordpress/bios-collection-fields-id-title-link",
                &fields_only(&json, &["id", "title", "link"]),
                |json| wordpress::from_str::<Vec<Post>>(json).unwrap().len(),
                None,
            );
            folders(c, &std::path::Path::new(&root).join("wordpress"));
        }
        None => eprintln!("*** SKIPPED: corpus benchmark: PRESSMARK_CORPUS is not set ***"),
    }
}

/// Each corpus folder's files read as a [`Response`] (what detection and
/// `convert` do), against `IgnoredAny` on the same bytes, interleaved:
/// `wordpress/folders/<folder>` is the time over `IgnoredAny`'s (1.00 µs
/// is as fast; below 1.18 is at least 85% of its throughput). Files that
/// are not WordPress (Frontity's settings) are left out.
fn folders(c: &mut Criterion, root: &std::path::Path) {
    let mut group = c.benchmark_group("wordpress/folders");
    let mut names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    for dir in names {
        let files: Vec<String> = common::files(&dir, &["json"])
            .iter()
            .map(|path| common::strict_json(&std::fs::read_to_string(path).unwrap()))
            .filter(|json| wordpress::from_str::<Response>(json).is_ok())
            .collect();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let bytes: usize = files.iter().map(String::len).sum();
        common::say(format_args!(
            "bench wordpress/folders/{name}: {} files, {bytes} bytes",
            files.len()
        ));
        interleaved::ratio(
            &mut group,
            &name,
            files.len(),
            |k| {
                black_box(wordpress::from_str::<Response>(black_box(&files[k])).unwrap());
            },
            |k| {
                black_box(
                    serde_json::from_str::<serde::de::IgnoredAny>(black_box(&files[k])).unwrap(),
                );
            },
        );
    }
    group.finish();
}

/// The collection as a `?_fields=` request would have returned it: each
/// post with only `keys`, where a post's fixed costs show most.
fn fields_only(collection: &str, keys: &[&str]) -> String {
    let posts: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_str(collection).unwrap();
    let posts: Vec<serde_json::Map<String, serde_json::Value>> = posts
        .into_iter()
        .map(|post| {
            post.into_iter()
                .filter(|(key, _)| keys.contains(&key.as_str()))
                .collect()
        })
        .collect();
    serde_json::to_string(&posts).unwrap()
}

criterion_group!(group, benches);
criterion_main!(group);
