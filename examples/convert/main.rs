//! Convert WordPress JSON and front-matter files into one `Article` JSON
//! line each (JSON Lines), on every core.
//!
//! ```text
//! cargo run --release --example convert -- [PATH...] [--out FILE]
//! ```
//!
//! See [`USAGE`] (`--help`) for the options.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use pressmark::{ContentKind, ErrorKind};

const EXTENSIONS: &[&str] = &["json", "md", "markdown", "html", "htm"];

/// What `--help` prints.
const USAGE: &str = "\
usage: convert [PATH...] [--out FILE]

Converts WordPress REST API JSON and front-matter files into one Article
JSON line each (JSON Lines), on every core.

PATHs are files or directories (walked recursively); with none, the bundled
examples/data/. Files ending in .json, .md, .markdown, .html or .htm are
read; Markdown and HTML files without front matter are skipped and counted.
Output is in file order. A bad file never stops the run: the summary on
stderr lists each failure with its file, line and column, and each file
that was read but holds no article (a list of terms, a package.json); the
exit status is 1 if anything failed. A progress bar shows on stderr when it
is a terminal.

options:
  -o, --out FILE   write the JSON lines to FILE instead of stdout
  -h, --help       print this help and exit
";

/// What became of one file.
enum Outcome {
    Converted {
        kind: ContentKind,
        articles: usize,
        lines: Vec<u8>,
    },
    NoFrontMatter,
    Failed(String),
}

fn main() -> ExitCode {
    let Args { paths, out } = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("convert: {message}");
            eprintln!("usage: convert [PATH...] [--out FILE] (--help for more)");
            return ExitCode::from(2);
        }
    };
    let mut files = Vec::new();
    let mut ignored = 0usize;
    for path in &paths {
        if let Err(err) = walk(path, &mut files, &mut ignored) {
            eprintln!("convert: cannot read {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    }
    let mut sink: Box<dyn Write> = match &out {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(BufWriter::new(file)),
            Err(err) => {
                eprintln!("convert: cannot create {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };

    let started = Instant::now();
    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut summary = Summary::default();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::channel::<(usize, Outcome)>();
    let write_result = std::thread::scope(|scope| {
        for _ in 0..workers {
            let send = send.clone();
            let (files, next) = (&files, &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if send.send((i, convert(path))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        // Write in file order, whatever order the workers finish in.
        let mut pending = BTreeMap::new();
        let mut written = 0;
        for (i, outcome) in receive {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&written) {
                summary.record(&files[written], outcome, &mut sink)?;
                written += 1;
                progress.inc(1);
            }
        }
        sink.flush()
    });
    progress.finish_and_clear();
    if let Err(err) = write_result {
        eprintln!("convert: cannot write the output: {err}");
        return ExitCode::FAILURE;
    }
    summary.report(
        files.len(),
        ignored,
        started.elapsed().as_secs_f64(),
        workers,
    );
    if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What the command line asks for.
struct Args {
    paths: Vec<PathBuf>,
    out: Option<PathBuf>,
}

/// The arguments; `None` when `--help` was asked for.
fn parse_args() -> Result<Option<Args>, String> {
    let mut paths = Vec::new();
    let mut out = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--out" | "-o") => {
                out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?))
            }
            Some("--help" | "-h") => return Ok(None),
            Some(flag) if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data"));
    }
    Ok(Some(Args { paths, out }))
}

/// The files under `path` to read, sorted; counts the others in `ignored`.
fn walk(path: &Path, files: &mut Vec<PathBuf>, ignored: &mut usize) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for entry in entries {
            walk(&entry, files, ignored)?;
        }
    } else if has_extension(path, EXTENSIONS) {
        files.push(path.to_path_buf());
    } else {
        std::fs::metadata(path)?;
        *ignored += 1;
    }
    Ok(())
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn convert(path: &Path) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Failed(format!("cannot read: {err}")),
    };
    match pressmark::from_slice(&bytes) {
        Ok(content) => {
            let articles = content.articles();
            let mut lines = Vec::new();
            for article in &articles {
                // Serializing an article to memory cannot fail.
                if let Err(err) = serde_json::to_writer(&mut lines, article) {
                    return Outcome::Failed(format!("cannot serialize an article: {err}"));
                }
                lines.push(b'\n');
            }
            Outcome::Converted {
                kind: content.kind(),
                articles: articles.len(),
                lines,
            }
        }
        Err(err)
            if err.kind() == ErrorKind::UnknownFormat
                && has_extension(path, &["md", "markdown", "html", "htm"]) =>
        {
            Outcome::NoFrontMatter
        }
        Err(err) => Outcome::Failed(err.to_string()),
    }
}

#[derive(Default)]
struct Summary {
    kinds: BTreeMap<ContentKind, usize>,
    articles: usize,
    /// Files read without error that hold no article, with what they are.
    no_articles: Vec<(PathBuf, ContentKind)>,
    no_front_matter: BTreeSet<PathBuf>,
    failures: Vec<(PathBuf, String)>,
}

impl Summary {
    fn record(
        &mut self,
        path: &Path,
        outcome: Outcome,
        sink: &mut dyn Write,
    ) -> std::io::Result<()> {
        match outcome {
            Outcome::Converted {
                kind, articles: 0, ..
            } => self.no_articles.push((path.to_path_buf(), kind)),
            Outcome::Converted {
                kind,
                articles,
                lines,
            } => {
                *self.kinds.entry(kind).or_default() += 1;
                self.articles += articles;
                sink.write_all(&lines)?;
            }
            Outcome::NoFrontMatter => {
                self.no_front_matter.insert(path.to_path_buf());
            }
            Outcome::Failed(message) => self.failures.push((path.to_path_buf(), message)),
        }
        Ok(())
    }

    fn report(&self, files: usize, ignored: usize, seconds: f64, workers: usize) {
        let rate = self.articles as f64 / seconds.max(1e-9);
        eprintln!(
            "convert: {files} files, {} articles in {seconds:.2} s ({rate:.0} articles/s on {workers} threads)",
            self.articles
        );
        for (kind, n) in &self.kinds {
            eprintln!("  {kind}: {n}");
        }
        if !self.no_articles.is_empty() {
            eprintln!("  read, but no article in them: {}", self.no_articles.len());
            for (path, kind) in &self.no_articles {
                eprintln!("    {}: {kind}", path.display());
            }
        }
        if !self.no_front_matter.is_empty() {
            eprintln!("  skipped, no front matter: {}", self.no_front_matter.len());
        }
        if ignored > 0 {
            eprintln!("  skipped, other file types: {ignored}");
        }
        eprintln!("  failures: {}", self.failures.len());
        for (path, message) in &self.failures {
            eprintln!("    {}: {message}", path.display());
        }
    }
}
