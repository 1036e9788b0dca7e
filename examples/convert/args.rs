//! The command line: paths and options.

use std::ffi::OsString;
use std::path::PathBuf;

use pressmark::article::ArticleOptions;

/// What `--help` prints.
pub const USAGE: &str = "\
usage: convert [OPTIONS] [PATH...]

Converts WordPress REST API JSON and front-matter files into one Article
JSON line each (JSON Lines), on every core.

PATHs are files or directories (walked recursively, symlinks followed);
with none, the bundled examples/data/. Files ending in .json, .md,
.markdown, .html or .htm are read; Markdown and HTML files without front
matter are skipped and counted, and JSON that is not a WordPress response
(another API's export, a plugin's settings) is skipped and listed. A
WordPress collection of any size is
read one item at a time, its items spread over every thread; many small
files go to the threads in batches. Output is in input order.

Nothing bad stops the run: a file or collection item that cannot be read,
a dangling symlink, a symlink loop or an unreadable directory is one
failure, listed with its file (and item, field, line and column) in the
summary on stderr, and so is each field kept as sent (a warning); what
is not a regular file (a FIFO, a device) and files over --max-file-size
are skipped and listed. The summary gives files, articles, warnings,
failures, bytes, time, articles per second and peak memory. The
exit status is 0 when nothing failed, 1 when something did or the output
could not be written, 2 for a bad command line, 130 when interrupted.

With --out, the lines go to a temporary file beside FILE, renamed to FILE
only when the run is complete: an interrupted run (Ctrl-C, SIGTERM, a
kill, a full disk) never leaves a FILE that looks finished. On Ctrl-C or
SIGTERM the run stops after the work in hand and says how far it got; a
second Ctrl-C stops at once. FILE is left out of the walk, and may not be
one of the PATHs.

options:
  -o, --out FILE           write the JSON lines to FILE instead of stdout
      --format FORMAT      text (default): the body as plain text, in
                           `body`; markdown: as Markdown too, in
                           `body_markdown` (WordPress HTML converted; a
                           front-matter body as written, which is
                           Markdown already, or converted when it is HTML)
  -j, --threads N          threads that convert (default: one per core)
      --max-file-size SIZE skip larger files (bytes, or with K, M, G, T;
                           default 16G)
  -q, --quiet              no progress bar; the summary's first line and
                           its failures only
  -h, --help               print this help and exit
";

/// The default `--max-file-size`: far above any real export, yet a bound
/// on a file that never ends.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 << 30;

/// What the command line asks for.
pub struct Args {
    pub paths: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    /// What each article holds (`--format`).
    pub articles: ArticleOptions,
    pub threads: usize,
    pub max_file_size: u64,
    pub quiet: bool,
}

/// The arguments; `None` when `--help` was asked for.
pub fn parse(mut args: impl Iterator<Item = OsString>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        paths: Vec::new(),
        out: None,
        articles: ArticleOptions::default(),
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        quiet: false,
    };
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        let text = arg.to_str().filter(|_| !only_paths);
        // `--name=value` or `--name value`.
        let (name, inline) = match text {
            Some(flag) if flag.starts_with("--") && flag.contains('=') => {
                let (name, value) = flag.split_once('=').unwrap_or((flag, ""));
                (Some(name), Some(OsString::from(value)))
            }
            other => (other, None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            Some("--") => only_paths = true,
            Some("--out" | "-o") => parsed.out = Some(PathBuf::from(value("--out")?)),
            Some("--format") => {
                let format = value("--format")?;
                parsed.articles.body_markdown = match format.to_str() {
                    Some("text") => false,
                    Some("markdown") => true,
                    _ => {
                        return Err(format!(
                            "--format expects `text` or `markdown`, found `{}`",
                            format.to_string_lossy()
                        ));
                    }
                };
            }
            Some("--threads" | "-j") => {
                let n = value("--threads")?;
                parsed.threads = n
                    .to_str()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or_else(|| {
                        format!(
                            "--threads expects a number above 0, found `{}`",
                            n.to_string_lossy()
                        )
                    })?;
            }
            Some("--max-file-size") => {
                let size = value("--max-file-size")?;
                parsed.max_file_size = size.to_str().and_then(parse_size).ok_or_else(|| {
                    format!(
                        "--max-file-size expects a size such as 500M or 2G, found `{}`",
                        size.to_string_lossy()
                    )
                })?;
            }
            Some("--quiet" | "-q") => parsed.quiet = true,
            Some("--help" | "-h") => return Ok(None),
            Some(flag) if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option `{flag}`"));
            }
            _ => parsed.paths.push(PathBuf::from(arg)),
        }
    }
    if parsed.paths.is_empty() {
        parsed
            .paths
            .push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data"));
    }
    Ok(Some(parsed))
}

/// `123`, `64K`, `500M`, `2G`, `1T` (powers of 1024; a trailing `B` or
/// `iB` is allowed).
fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let text = text
        .strip_suffix("iB")
        .or_else(|| text.strip_suffix('B'))
        .unwrap_or(text);
    let (digits, shift) = match text.char_indices().last()? {
        (i, 'k' | 'K') => (&text[..i], 10),
        (i, 'm' | 'M') => (&text[..i], 20),
        (i, 'g' | 'G') => (&text[..i], 30),
        (i, 't' | 'T') => (&text[..i], 40),
        _ => (text, 0),
    };
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// `bytes` for people: `812 B`, `3.4 MB`, `1.07 GB` (powers of 1000).
pub fn show_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}
