//! HTML to text throughput, all on the same inputs in one run:
//!
//! - `pressmark`: `html::to_text` (the default block mode);
//! - `pressmark_push_text`: `html::push_text` into a reused `String`;
//! - `html2text`: the `html2text` crate, plain mode without link footnotes,
//!   80 columns (it always wraps);
//! - `tokenizer_only`: html5ever's tokenizer over the whole input with a
//!   sink that does nothing, the floor for anything that hands all of it to
//!   the tokenizer (`pressmark` reads text and tags without attributes
//!   itself, so it can take less);
//! - `tokenizer_copy_text`: the tokenizer with a sink that only appends each
//!   text token to a `String` (no whitespace, blocks, entities' context or
//!   skipping): the least any text extraction on the tokenizer alone does.
//!
//! Inputs: one post's `content.rendered`, the seed's from
//! `$PRESSMARK_SEEDS` or, when that is not set, our fixture's
//! (`tests/fixtures/wordpress/post.json`), the group names saying which
//! (`content_seed`, `content_fixture`); and, when `PRESSMARK_CORPUS` is
//! set, every `content.rendered` of the WordPress corpus joined into one
//! string (`content_corpus`) and the same contents
//! one post at a time (`content_corpus_posts`). Plus `title_plain`: a title
//! without markup, which takes the fast path. (A ratio of it to a UTF-8
//! validation of the same bytes, meant to factor out the machine's speed,
//! was dropped: it moved from 0.55 to 0.92 when unrelated code in this file
//! changed, with the library and the title's own time the same.)
//!
//! `content_corpus_posts_interleaved` gives the ratio to `tokenizer_only`
//! with both timed back to back on each post, every post in each
//! iteration: the ratio of total times over the corpus, that is of
//! throughputs, robust to the machine changing speed between Criterion's
//! windows (see
//! `benches/support/interleaved.rs`: the reported time in µs is
//! `pressmark`'s time over the tokenizer's; 1.11 µs is 90% of its
//! throughput), for `html::to_text` and for `html::push_text` into one
//! `String` reused for every post. `tokenizer_twin_over_tokenizer_only`
//! times the do-nothing tokenizer against itself compiled a second time
//! (a second sink type): identical work whose code sits elsewhere, so its
//! distance from 1.00 is how finely these ratios can be read (0.99 to 1.00
//! on the machine this was written on). The same group splits the first ratio
//! in two:
//! `tokenizer_copy_text` over `tokenizer_only` (what copying the text out
//! costs at least) and `pressmark` over `tokenizer_copy_text` (what the
//! conversion costs beyond that copy).
//!
//! `content_seed_interleaved` (or `content_fixture_interleaved`) gives the
//! same ratio for that post alone, a hundred conversions per timing, with
//! `html::to_text` and with `html::push_text` into a reused `String`.
//!
//! `content_corpus_posts_interleaved/pressmark_over_nanohtml2text` gives
//! `html::to_text` over the `nanohtml2text` crate, the same way (goal: at
//! most 0.67, that is 1.5 times its throughput).
//!
//! `markdown_corpus_posts_interleaved` gives `html::to_markdown` over
//! `html::to_text` (goal: at most 1.25, 80% of its throughput) and over
//! the Markdown converters `htmd`, `fast_html2md` (its lol_html rewriter,
//! `rewrite_html`) and `mdka` (goal: at most 0.33, three times the
//! fastest of them), every corpus post in each iteration.
//!
//! Run: `cargo bench --bench html -- --warm-up-time 1 --measurement-time 3`.

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "support/interleaved.rs"]
mod interleaved;

use std::cell::RefCell;
use std::fs;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pressmark::html;

/// The do-nothing sink.
struct NullSink;

impl TokenSink for NullSink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        black_box(&token);
        TokenSinkResult::Continue
    }
}

fn tokenize_only(input: &str) {
    tokenize_with(NullSink, input);
}

/// [`NullSink`] again, as its own type: the tokenizer is compiled a second
/// time for it, with the same work and its code in another place.
struct TwinNullSink;

impl TokenSink for TwinNullSink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        black_box(&token);
        TokenSinkResult::Continue
    }
}

/// Runs the tokenizer over `input` with `sink`, and gives the sink back.
fn tokenize_with<S: TokenSink>(sink: S, input: &str) -> S {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(input));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink
}

/// The sink that copies text tokens out and does nothing else.
struct CopyTextSink(RefCell<String>);

impl TokenSink for CopyTextSink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::CharacterTokens(text) = token {
            self.0.borrow_mut().push_str(&text);
        }
        TokenSinkResult::Continue
    }
}

fn tokenize_copy_text(input: &str) -> String {
    let sink = CopyTextSink(RefCell::new(String::with_capacity(input.len())));
    tokenize_with(sink, input).0.into_inner()
}

/// `html::push_text` of `input` into `out`, emptied first: a `String`
/// reused from one conversion to the next.
fn push_text_reused(out: &mut String, input: &str) {
    out.clear();
    html::push_text(out, black_box(input), &html::TextOptions::default());
    black_box(&*out);
}

fn html2text_plain(input: &str) -> String {
    html2text::config::plain()
        .link_footnotes(false)
        .string_from_read(input.as_bytes(), 80)
        .unwrap_or_default()
}

/// The post's `content.rendered`, with `"seed"` or `"fixture"` for which
/// post (see [`common::seed_or_fixture`]); the file has raw line feeds
/// inside strings, escaped here before parsing.
fn post_content() -> (&'static str, String) {
    let (input, raw) =
        common::seed_or_fixture("html bench", "wordpress-post.json", "wordpress/post.json");
    let value: serde_json::Value =
        serde_json::from_str(&common::strict_json(&raw)).expect("the post parses");
    let content = value["content"]["rendered"]
        .as_str()
        .expect("content.rendered")
        .to_owned();
    (input, content)
}

/// Every `content.rendered` under `$PRESSMARK_CORPUS/wordpress`.
fn corpus_contents() -> Option<Vec<String>> {
    let root = std::env::var_os("PRESSMARK_CORPUS")?;
    let mut files = Vec::new();
    let mut dirs = vec![Path::new(&root).join("wordpress")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).ok()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Ok(raw) = fs::read_to_string(&file) else {
            continue;
        };
        let raw = raw.trim_start_matches('\u{feff}');
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&common::strict_json(raw)) else {
            continue;
        };
        let items = match &value {
            serde_json::Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        for item in items {
            if let Some(content) = item["content"]["rendered"].as_str() {
                out.push(content.to_owned());
            }
        }
    }
    Some(out)
}

fn bench(c: &mut Criterion) {
    let mut inputs = vec![post_content()];
    let posts = corpus_contents();
    match &posts {
        Some(posts) => inputs.push(("corpus", posts.join("\n"))),
        None => eprintln!("html bench: PRESSMARK_CORPUS is not set; the corpus input is skipped"),
    }
    for (name, input) in &inputs {
        let mut group = c.benchmark_group(format!("content_{name}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        if input.len() > 100_000 {
            group.sample_size(10);
        }
        group.bench_function("pressmark", |b| b.iter(|| html::to_text(black_box(input))));
        let mut out = String::new();
        group.bench_function("pressmark_push_text", |b| {
            b.iter(|| push_text_reused(&mut out, input))
        });
        group.bench_function("tokenizer_only", |b| {
            b.iter(|| tokenize_only(black_box(input)))
        });
        group.bench_function("tokenizer_copy_text", |b| {
            b.iter(|| tokenize_copy_text(black_box(input)))
        });
        group.bench_function("html2text", |b| {
            b.iter(|| html2text_plain(black_box(input)))
        });
        group.finish();
    }

    // The post, a short one (the seed's content is 798 bytes, mostly
    // text; the fixture's 500, with more tags), back to back with the
    // tokenizer: where a conversion's fixed costs weigh most. The
    // `push_text` ratio leaves out the output's allocation.
    let (name, post) = (inputs[0].0, inputs[0].1.as_str());
    let mut group = c.benchmark_group(format!("content_{name}_interleaved"));
    let mut out = String::new();
    // Captures only `post`: a `Copy` closure, the baseline of both ratios.
    let tokenize = |_: usize| {
        for _ in 0..100 {
            tokenize_only(black_box(post));
        }
    };
    interleaved::ratio(
        &mut group,
        "pressmark_over_tokenizer_only",
        1,
        |_| {
            for _ in 0..100 {
                black_box(html::to_text(black_box(post)));
            }
        },
        tokenize,
    );
    interleaved::ratio(
        &mut group,
        "pressmark_push_text_over_tokenizer_only",
        1,
        |_| {
            for _ in 0..100 {
                push_text_reused(&mut out, post);
            }
        },
        tokenize,
    );
    group.finish();

    // The same corpus contents one post at a time, as an application
    // converts them (the joined 5 MB string above mostly measures how the
    // allocator hands out and takes back megabytes of fresh pages).
    if let Some(posts) = &posts {
        let mut group = c.benchmark_group("content_corpus_posts");
        group.throughput(Throughput::Bytes(
            posts.iter().map(|p| p.len() as u64).sum(),
        ));
        group.sample_size(10);
        group.bench_function("pressmark", |b| {
            b.iter(|| {
                for post in posts {
                    black_box(html::to_text(black_box(post)));
                }
            })
        });
        group.bench_function("tokenizer_only", |b| {
            b.iter(|| {
                for post in posts {
                    tokenize_only(black_box(post));
                }
            })
        });
        group.bench_function("tokenizer_copy_text", |b| {
            b.iter(|| {
                for post in posts {
                    black_box(tokenize_copy_text(black_box(post)));
                }
            })
        });
        group.bench_function("html2text", |b| {
            b.iter(|| {
                for post in posts {
                    black_box(html2text_plain(black_box(post)));
                }
            })
        });
        group.finish();

        // Every post in each iteration, its conversion and its baseline
        // timed back to back: ratios of total times over the corpus.
        let mut group = c.benchmark_group("content_corpus_posts_interleaved");
        group.sample_size(10);
        group.measurement_time(std::time::Duration::from_secs(10));
        let n = posts.len();
        let to_text = |k: usize| {
            black_box(html::to_text(black_box(&posts[k])));
        };
        let tokenize = |k: usize| tokenize_only(black_box(&posts[k]));
        let copy_text = |k: usize| {
            black_box(tokenize_copy_text(black_box(&posts[k])));
        };
        interleaved::ratio(
            &mut group,
            "pressmark_over_tokenizer_only",
            n,
            to_text,
            tokenize,
        );
        // The same with `html::push_text` into one `String` reused for
        // every post, as a bulk ingester writes: no allocation per output.
        let mut out = String::new();
        interleaved::ratio(
            &mut group,
            "pressmark_push_text_over_tokenizer_only",
            n,
            |k| push_text_reused(&mut out, &posts[k]),
            tokenize,
        );
        // Identical work compiled twice: how far apart this method reads
        // two copies of the same code, the resolution of the ratios above.
        interleaved::ratio(
            &mut group,
            "tokenizer_twin_over_tokenizer_only",
            n,
            |k| {
                tokenize_with(TwinNullSink, black_box(&posts[k]));
            },
            tokenize,
        );
        // The two steps of the first ratio: copying the text tokens out at all,
        // and everything the conversion does beyond that copy.
        interleaved::ratio(
            &mut group,
            "tokenizer_copy_text_over_tokenizer_only",
            n,
            copy_text,
            tokenize,
        );
        interleaved::ratio(
            &mut group,
            "pressmark_over_tokenizer_copy_text",
            n,
            to_text,
            copy_text,
        );
        interleaved::ratio(
            &mut group,
            "pressmark_over_nanohtml2text",
            n,
            to_text,
            |k| {
                black_box(nanohtml2text::html2text(black_box(&posts[k])));
            },
        );
        group.finish();

        // HTML to Markdown: this crate against its own text conversion and
        // against the Markdown converters, every post in each iteration.
        let mut group = c.benchmark_group("markdown_corpus_posts_interleaved");
        group.sample_size(10);
        group.measurement_time(std::time::Duration::from_secs(10));
        let markdown = |k: usize| {
            black_box(html::to_markdown(black_box(&posts[k])));
        };
        interleaved::ratio(&mut group, "markdown_over_to_text", n, markdown, to_text);
        interleaved::ratio(&mut group, "markdown_over_htmd", n, markdown, |k| {
            black_box(htmd::convert(black_box(&posts[k])).ok());
        });
        interleaved::ratio(&mut group, "markdown_over_fast_html2md", n, markdown, |k| {
            black_box(html2md::rewrite_html(black_box(&posts[k]), false));
        });
        interleaved::ratio(&mut group, "markdown_over_mdka", n, markdown, |k| {
            black_box(mdka::html_to_markdown(black_box(&posts[k])));
        });
        group.finish();
    }

    let title = "Clearview AI fined €5.2m by CNIL for non-compliance with regulations";
    let mut group = c.benchmark_group("title_plain");
    group.throughput(Throughput::Bytes(title.len() as u64));
    group.bench_function("pressmark_inline_text", |b| {
        b.iter(|| html::inline_text(black_box(title)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
