//! The converter at scale: builds WordPress collections of 10 MB, 100 MB
//! and 1 GB by repeating real posts, and trees of 1×, 10× and 100× the
//! aggregator corpus, in a temporary directory; runs the `convert` example
//! on each with 1 thread and with every core; prints the time, articles
//! per second, input megabytes per second and peak memory (the resident
//! set's high-water mark, as `convert` reads it from `/proc/self/status`)
//! as a Markdown table; deletes the inputs.
//!
//! ```text
//! cargo build --release --example convert
//! PRESSMARK_CORPUS=../shared/corpus cargo run --release --example scale
//! cargo run --release --example scale -- --collections 10,100 --trees 1   # fewer
//! ```
//!
//! The posts come from `$PRESSMARK_CORPUS/wordpress` (every post object
//! of every file, as sent), or from our fixtures when it is not set; the
//! trees need `$PRESSMARK_CORPUS/aggregator` and are left out without it.
//! The inputs take about 2.2 GB of disk at their largest; `--keep` leaves
//! them in place.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use pressmark::wordpress;

/// One measured run of `convert`.
struct Run {
    seconds: f64,
    articles: u64,
    peak_bytes: Option<u64>,
}

fn main() {
    let mut collections = vec![10, 100, 1000];
    let mut trees = vec![1, 10, 100];
    let mut keep = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let list = |value: Option<String>| -> Vec<u64> {
            value
                .unwrap_or_default()
                .split(',')
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().expect("a list of numbers, such as 10,100"))
                .collect()
        };
        match arg.as_str() {
            "--collections" => collections = list(args.next()),
            "--trees" => trees = list(args.next()),
            "--keep" => keep = true,
            other => panic!("unknown argument `{other}`: --collections MB,MB --trees N,N --keep"),
        }
    }
    let convert = convert_binary();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let work = std::env::temp_dir().join(format!("pressmark-scale-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("a temporary directory");
    let corpus = std::env::var_os("PRESSMARK_CORPUS").map(PathBuf::from);

    println!(
        "Up to {threads} threads. Free cores: how much more work a CPU-bound loop does on \
         {threads} threads than on 1, measured just before each input's runs ({threads} \
         when the cores are free; less when other processes share them).\n"
    );
    println!(
        "| input | size | threads | free cores | time | articles | articles/s | MB/s | peak memory |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let posts = posts(corpus.as_deref());
    for mb in collections {
        let path = work.join(format!("collection-{mb}mb.json"));
        let size = write_collection(&path, &posts, mb * 1_000_000);
        measure(
            &convert,
            &path,
            &format!("collection {mb} MB"),
            size,
            threads,
            &work,
        );
        if !keep {
            std::fs::remove_file(&path).expect("remove the collection");
        }
    }
    match corpus.as_deref().map(|c| c.join("aggregator")) {
        Some(aggregator) if aggregator.is_dir() => {
            for copies in trees {
                let dir = work.join(format!("aggregator-{copies}x"));
                let size = copy_tree(&aggregator, &dir, copies);
                measure(
                    &convert,
                    &dir,
                    &format!("aggregator {copies}×"),
                    size,
                    threads,
                    &work,
                );
                if !keep {
                    std::fs::remove_dir_all(&dir).expect("remove the tree");
                }
            }
        }
        _ => eprintln!("\n*** SKIPPED: the aggregator trees: PRESSMARK_CORPUS is not set ***\n"),
    }
    if keep {
        eprintln!("inputs kept in {}", work.display());
    } else {
        std::fs::remove_dir_all(&work).expect("remove the temporary directory");
    }
}

/// How much of `threads` cores the machine gives now: the same CPU-bound
/// loop on 1 thread, then on `threads` at once, as a ratio of the work
/// done per second. Other processes on a shared machine take their part.
fn free_cores(threads: usize) -> f64 {
    fn spin() {
        let mut x = 1u64;
        for i in 0..300_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i));
        }
    }
    let started = Instant::now();
    spin();
    let one = started.elapsed().as_secs_f64();
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(spin);
        }
    });
    threads as f64 * one / started.elapsed().as_secs_f64()
}

/// The `convert` example beside this one, built if it is not there.
fn convert_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("this example's path");
    let binary = exe.with_file_name(format!("convert{}", std::env::consts::EXE_SUFFIX));
    if !binary.exists() {
        let release = exe.components().any(|c| c.as_os_str() == "release");
        let mut build = Command::new(env!("CARGO"));
        build.args(["build", "--example", "convert"]);
        if release {
            build.arg("--release");
        }
        let status = build.status().expect("cargo");
        assert!(status.success(), "cargo build --example convert failed");
    }
    binary
}

/// The JSON text of every post in `$PRESSMARK_CORPUS/wordpress`, or in our
/// fixtures.
fn posts(corpus: Option<&Path>) -> Vec<String> {
    let files: Vec<PathBuf> = match corpus {
        Some(corpus) => walk(&corpus.join("wordpress")),
        None => {
            eprintln!("scale: posts from our fixtures (PRESSMARK_CORPUS is not set)");
            let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress");
            vec![fixtures.join("posts.json"), fixtures.join("post.json")]
        }
    };
    let mut posts = Vec::new();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let text = std::fs::read_to_string(path).expect("a UTF-8 file");
        match wordpress::raw_items(text.as_bytes()) {
            Ok(items) => {
                for item in items.flatten() {
                    if item.object().is_ok_and(|o| o.as_post().is_some()) {
                        posts.push(item.text().to_owned());
                    }
                }
            }
            // A single post, unwrapped.
            Err(_) if text.trim_start().starts_with('{') => {
                if wordpress::from_str::<wordpress::Post>(&text).is_ok() {
                    posts.push(text.trim().to_owned());
                }
            }
            Err(_) => {}
        }
    }
    eprintln!("scale: {} posts to repeat", posts.len());
    assert!(!posts.is_empty(), "no posts found");
    posts
}

/// Writes `[post,\npost,...]` of at least `size` bytes; its size.
fn write_collection(path: &Path, posts: &[String], size: u64) -> u64 {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let mut written = 1;
    out.write_all(b"[").unwrap();
    for (i, post) in posts.iter().cycle().enumerate() {
        if written >= size {
            break;
        }
        if i > 0 {
            out.write_all(b",\n").unwrap();
            written += 2;
        }
        out.write_all(post.as_bytes()).unwrap();
        written += post.len() as u64;
    }
    out.write_all(b"]\n").unwrap();
    out.flush().unwrap();
    written + 2
}

/// Copies the tree `from` into `copies` subdirectories of `to`; the bytes
/// of the files copied.
fn copy_tree(from: &Path, to: &Path, copies: u64) -> u64 {
    let files = walk(from);
    let mut bytes = 0;
    for copy in 0..copies {
        for file in &files {
            let target = to
                .join(format!("copy-{copy:03}"))
                .join(file.strip_prefix(from).unwrap());
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            bytes += std::fs::copy(file, &target).expect("copy");
        }
    }
    bytes
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Runs `convert` on `input` with one thread and with all, printing a row
/// for each.
fn measure(convert: &Path, input: &Path, name: &str, size: u64, threads: usize, work: &Path) {
    let free = free_cores(threads);
    let mut one = None;
    for n in [1, threads] {
        let run = run(convert, input, n, work);
        let speedup = match &one {
            Some(base) => format!(" ({:.2}× faster)", base / run.seconds),
            None => String::new(),
        };
        println!(
            "| {name} | {:.0} MB | {n} | {free:.2} | {:.2} s{speedup} | {} | {:.0} | {:.0} | {} |",
            size as f64 / 1e6,
            run.seconds,
            run.articles,
            run.articles as f64 / run.seconds,
            size as f64 / 1e6 / run.seconds,
            run.peak_bytes
                .map_or("?".to_owned(), |b| format!("{:.0} MB", b as f64 / 1e6)),
        );
        one.get_or_insert(run.seconds);
        if threads == 1 {
            break;
        }
    }
}

/// One run of `convert` on `input` with `threads`, its output to a file in
/// `work` (removed after).
fn run(convert: &Path, input: &Path, threads: usize, work: &Path) -> Run {
    let out = work.join("out.jsonl");
    let started = Instant::now();
    let result = Command::new(convert)
        .arg(input)
        .args(["--quiet", "--threads", &threads.to_string(), "--out"])
        .arg(&out)
        .output()
        .expect("run convert");
    let seconds = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&out);
    let summary = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "convert failed:\n{summary}");
    let line = summary.lines().next().unwrap_or_default();
    // "convert: 1 file, 61234 articles, ... peak memory 45.2 MB"
    let articles = line
        .split(", ")
        .find_map(|part| {
            part.strip_suffix(" articles")
                .or_else(|| part.strip_suffix(" article"))
        })
        .and_then(|n| n.parse().ok())
        .expect("the summary's article count");
    let peak_bytes = line.split("peak memory ").nth(1).and_then(parse_bytes);
    Run {
        seconds,
        articles,
        peak_bytes,
    }
}

/// `45.2 MB`, `812 B`, `1.07 GB` as `convert` prints them.
fn parse_bytes(text: &str) -> Option<u64> {
    let (number, unit) = text.trim().split_once(' ')?;
    let number: f64 = number.parse().ok()?;
    let scale = match unit {
        "B" => 1.0,
        "kB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        _ => return None,
    };
    Some((number * scale) as u64)
}
