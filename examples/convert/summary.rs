//! What the run did, counted as the writer writes, and told on stderr.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use pressmark::{ContentKind, Position};

use crate::args::show_bytes;
use crate::walk::Skip;
use crate::work::{FileReport, Outcome};

#[derive(Default)]
pub struct Summary {
    /// Files done with, whatever became of them.
    pub files: usize,
    pub bytes: u64,
    pub articles: usize,
    kinds: BTreeMap<ContentKind, usize>,
    /// Files read without error that hold no article, with what they are.
    no_articles: Vec<(Arc<Path>, ContentKind)>,
    no_front_matter: usize,
    skipped: Vec<(Arc<Path>, Skip)>,
    /// Files in neither format (JSON that is not a WordPress response).
    unrecognised: Vec<(Arc<Path>, String)>,
    /// Files of other types.
    pub ignored: usize,
    warnings: Vec<(Arc<Path>, String)>,
    /// Items kept with warnings.
    items_warned: usize,
    /// Files with repairs: how many, and where the first was.
    repairs: Vec<(Arc<Path>, usize, Position)>,
    /// Files read after transcoding, and from what.
    transcoded: Vec<(Arc<Path>, &'static str)>,
    failures: Vec<(Arc<Path>, String)>,
    /// The big collection being written, when it is not done.
    open: Option<OpenFile>,
}

/// What a big collection gave so far.
struct OpenFile {
    path: Arc<Path>,
    objects: usize,
    not_wordpress: usize,
    articles: usize,
    problems: usize,
    /// Where its problems start in `failures`.
    failures_from: usize,
    repairs: usize,
    first_repair: Option<Position>,
}

/// How the run ended, beside what it converted.
pub struct Ending {
    pub seconds: f64,
    pub threads: usize,
    /// The signal that stopped it.
    pub signal: Option<&'static str>,
    /// Why the output could not be written.
    pub output_error: Option<String>,
    /// Where the output went ("stdout" or a file).
    pub output: String,
    pub quiet: bool,
}

impl Summary {
    pub fn record(&mut self, report: FileReport) {
        self.bytes += report.bytes;
        let path = report.path;
        match report.outcome {
            Outcome::Read(counts) => {
                self.articles += counts.articles;
                self.items_warned += counts.items_warned;
                let failures_from = self.failures.len();
                let open = self.open.get_or_insert_with(|| OpenFile {
                    path: Arc::clone(&path),
                    objects: 0,
                    not_wordpress: 0,
                    articles: 0,
                    problems: 0,
                    failures_from,
                    repairs: 0,
                    first_repair: None,
                });
                open.objects += counts.objects;
                open.not_wordpress += counts.not_wordpress;
                open.articles += counts.articles;
                open.problems += counts.problems.len();
                open.repairs += counts.repairs;
                open.first_repair = match (open.first_repair, counts.first_repair) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                self.failures
                    .extend(counts.problems.into_iter().map(|p| (Arc::clone(&path), p)));
                self.warnings
                    .extend(counts.warnings.into_iter().map(|w| (Arc::clone(&path), w)));
                if !report.last {
                    return;
                }
                let Some(open) = self.open.take() else { return };
                // A big collection none of whose items is a WordPress
                // object is skipped and listed, as a small one is (which
                // reading whole says of its first item).
                if open.objects == 0 && open.problems > 0 && open.not_wordpress == open.problems {
                    let first = self.failures[open.failures_from].1.clone();
                    self.failures.truncate(open.failures_from);
                    self.files += 1;
                    self.unrecognised.push((
                        path,
                        format!("{first}; so are its {} other items", open.problems - 1),
                    ));
                    return;
                }
                self.files += 1;
                *self.kinds.entry(counts.kind).or_default() += 1;
                if open.articles == 0 && open.problems == 0 {
                    self.no_articles.push((Arc::clone(&path), counts.kind));
                }
                if let Some(from) = counts.transcoded_from {
                    self.transcoded.push((Arc::clone(&path), from));
                }
                if let Some(first) = open.first_repair {
                    self.repairs.push((path, open.repairs, first));
                }
            }
            Outcome::NoFrontMatter => {
                self.files += 1;
                self.no_front_matter += 1;
            }
            Outcome::Unrecognised(message) => {
                self.files += 1;
                self.unrecognised.push((path, message));
            }
            Outcome::Failed(message) => {
                self.files += 1;
                self.failures.push((path, message));
            }
            Outcome::Skipped(why) => self.skipped.push((path, why)),
        }
    }

    pub fn failed(&self) -> bool {
        !self.failures.is_empty()
    }

    /// Prints the summary on stderr.
    pub fn report(&self, end: &Ending) {
        let seconds = end.seconds.max(1e-9);
        let memory = peak_memory().map_or(String::new(), |bytes| {
            format!(", peak memory {}", show_bytes(bytes))
        });
        let head = match (end.signal, &end.output_error) {
            (Some(signal), _) => format!("interrupted by {signal}: stopped after "),
            (None, Some(_)) => "stopped by an output error after ".to_owned(),
            (None, None) => String::new(),
        };
        eprintln!(
            "convert: {head}{}, {}, {}, {}, {} in {:.2} s ({:.0} articles/s, {}/s) on {}{memory}",
            counted(self.files, "file"),
            counted(self.articles, "article"),
            counted(self.warnings.len(), "warning"),
            counted(self.failures.len(), "failure"),
            show_bytes(self.bytes),
            end.seconds,
            self.articles as f64 / seconds,
            show_bytes((self.bytes as f64 / seconds) as u64),
            counted(end.threads, "thread"),
        );
        if let Some(open) = &self.open {
            eprintln!(
                "  stopped inside {}, after {} of its articles",
                open.path.display(),
                open.articles
            );
        }
        if !end.quiet {
            self.report_files();
        }
        eprintln!("  failures: {}", self.failures.len());
        for (path, message) in &self.failures {
            eprintln!("    {}: {message}", path.display());
        }
        match (&end.output_error, end.signal) {
            (Some(err), _) => eprintln!(
                "  output: cannot write {}: {err}; {}",
                end.output,
                if end.output == "stdout" {
                    "what was written there is incomplete"
                } else {
                    "it was not written (no partial file is left)"
                }
            ),
            (None, Some(_)) if end.output != "stdout" => eprintln!(
                "  output: {} not written, the run did not finish (no partial file is left)",
                end.output
            ),
            (None, Some(_)) => eprintln!("  output: stdout has the articles up to the stop"),
            (None, None) if !end.quiet => eprintln!("  output: {}", end.output),
            (None, None) => {}
        }
    }

    /// The kinds read, and the lists of files skipped or holding nothing.
    fn report_files(&self) {
        for (kind, n) in &self.kinds {
            eprintln!("  {kind}: {n}");
        }
        if !self.no_articles.is_empty() {
            eprintln!("  read, but no article in them: {}", self.no_articles.len());
            for (path, kind) in &self.no_articles {
                eprintln!("    {}: {kind}", path.display());
            }
        }
        if self.no_front_matter > 0 {
            eprintln!("  skipped, no front matter: {}", self.no_front_matter);
        }
        if !self.unrecognised.is_empty() {
            eprintln!(
                "  skipped, not WordPress or front matter: {}",
                self.unrecognised.len()
            );
            for (path, message) in &self.unrecognised {
                eprintln!("    {}: {message}", path.display());
            }
        }
        if self.ignored > 0 {
            eprintln!("  skipped, other file types: {}", self.ignored);
        }
        let mut by_reason: BTreeMap<&str, Vec<&(Arc<Path>, Skip)>> = BTreeMap::new();
        for skipped in &self.skipped {
            by_reason
                .entry(skipped.1.reason())
                .or_default()
                .push(skipped);
        }
        for (reason, these) in by_reason {
            eprintln!("  skipped, {reason}: {}", these.len());
            for (path, why) in these {
                match why {
                    Skip::TooLarge(size) => {
                        eprintln!("    {} ({})", path.display(), show_bytes(*size))
                    }
                    _ => eprintln!("    {}", path.display()),
                }
            }
        }
        eprintln!(
            "  warnings: {} (fields kept as sent), in {} kept with them",
            self.warnings.len(),
            counted(self.items_warned, "item")
        );
        for (path, message) in &self.warnings {
            eprintln!("    {}: {message}", path.display());
        }
        if !self.transcoded.is_empty() {
            eprintln!(
                "  transcoded to UTF-8: {}",
                counted(self.transcoded.len(), "file")
            );
            for (path, from) in &self.transcoded {
                eprintln!("    {}: from {from}", path.display());
            }
        }
        if !self.repairs.is_empty() {
            let total: usize = self.repairs.iter().map(|(_, n, _)| n).sum();
            let what = match total {
                1 => "raw control character or lone surrogate escape",
                _ => "raw control characters or lone surrogate escapes",
            };
            eprintln!(
                "  repaired: {total} {what}, in {}",
                counted(self.repairs.len(), "file")
            );
            for (path, count, first) in &self.repairs {
                eprintln!(
                    "    {}: {count}, the first at line {} column {}",
                    path.display(),
                    first.line(),
                    first.column()
                );
            }
        }
    }
}

/// The process's peak resident set (`VmHWM`), where Linux tells it.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// `n` and the noun, singular for one: "1 file", "2 files".
fn counted(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}
