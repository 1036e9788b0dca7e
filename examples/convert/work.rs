//! Turning a file, or some items of a big collection, into article lines
//! and a report of what was found.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use pressmark::article::{Article, ArticleOptions};
use pressmark::wordpress::{self, RawItem, ReadOptions, Repairs};
use pressmark::{Content, ContentKind, Error, ErrorKind, Position};

use crate::walk::{Skip, has_extension};

/// What became of one file, or of one piece of a big collection.
pub struct FileReport {
    pub path: Arc<Path>,
    /// Input bytes read.
    pub bytes: u64,
    pub outcome: Outcome,
    /// Whether this is the file's last piece (a big collection comes in
    /// several).
    pub last: bool,
}

pub enum Outcome {
    /// Read: what it is and what was in it.
    Read(Counts),
    /// A Markdown or HTML file without front matter.
    NoFrontMatter,
    /// JSON that is not a WordPress response (a `package.json`, another
    /// API's export), or a file in neither format: why, as the crate says.
    Unrecognised(String),
    Failed(String),
    Skipped(Skip),
}

/// What was read from a file.
pub struct Counts {
    pub kind: ContentKind,
    /// Items read, articles or not.
    pub objects: usize,
    /// Items that are not WordPress objects (among the problems).
    pub not_wordpress: usize,
    pub articles: usize,
    /// The items that could not be read (the file's other items were),
    /// each with its item, field, line and column.
    pub problems: Vec<String>,
    /// The fields kept as sent because they could not be typed, each with
    /// its item, field, line and column.
    pub warnings: Vec<String>,
    /// The items kept with warnings.
    pub items_warned: usize,
    /// How many repairs (raw control characters, lone surrogate escapes)
    /// were made, and where the first was.
    pub repairs: usize,
    pub first_repair: Option<Position>,
    /// The encoding the file was transcoded from, when it was not UTF-8.
    pub transcoded_from: Option<&'static str>,
}

impl Counts {
    pub fn new(kind: ContentKind) -> Counts {
        Counts {
            kind,
            objects: 0,
            not_wordpress: 0,
            articles: 0,
            problems: Vec::new(),
            warnings: Vec::new(),
            items_warned: 0,
            repairs: 0,
            first_repair: None,
            transcoded_from: None,
        }
    }

    fn repaired(&mut self, repairs: Option<Repairs>) {
        if let Some(repairs) = repairs {
            self.repairs += repairs.count();
            let first = self.first_repair.get_or_insert(repairs.first());
            *first = (*first).min(repairs.first());
        }
    }
}

/// Reads and converts the file at `path` whole into articles made with
/// `options`, appending their lines.
pub fn convert_file(
    path: Arc<Path>,
    size: u64,
    max_size: u64,
    options: &ArticleOptions,
    lines: &mut Vec<u8>,
) -> FileReport {
    let mut report = FileReport {
        path,
        bytes: 0,
        outcome: Outcome::Failed(String::new()),
        last: true,
    };
    let bytes = match read_file(&report.path, size, max_size) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(skip)) => {
            report.outcome = Outcome::Skipped(skip);
            return report;
        }
        Err(err) => {
            report.outcome = Outcome::Failed(format!("cannot read: {err}"));
            return report;
        }
    };
    report.bytes = bytes.len() as u64;
    report.outcome = match pressmark::from_slice(&bytes) {
        Ok(content) => {
            let mut counts = Counts::new(content.kind());
            for article in content.articles_with(options) {
                write_article(&article, lines, &mut counts);
            }
            counts.problems = content
                .failures()
                .iter()
                .map(|f| f.error.to_string())
                .collect();
            counts.warnings = content.warnings().iter().map(Error::to_string).collect();
            counts.items_warned = items_warned(content.warnings());
            if let Content::WordPress(parsed) = &content {
                counts.repaired(parsed.repairs());
                counts.transcoded_from = parsed.transcoded_from();
            }
            Outcome::Read(counts)
        }
        Err(err)
            if err.kind() == ErrorKind::UnknownFormat
                && has_extension(&report.path, &["md", "markdown", "html", "htm"]) =>
        {
            Outcome::NoFrontMatter
        }
        // Not a WordPress response, as a whole (a collection of other
        // objects says so of its first): skipped and listed, not failed.
        Err(err) if err.kind() == ErrorKind::UnknownFormat => {
            Outcome::Unrecognised(err.to_string())
        }
        // Not text (or UTF-16 that does not parse): the error names the
        // encoding and the first bad byte; reading items would only repeat
        // it for each of them.
        Err(err) if std::str::from_utf8(&bytes).is_err() => Outcome::Failed(err.to_string()),
        // A collection none of whose items reads (reading it whole gives
        // the first one's error): each of them, as a big collection's are
        // read, so that each is listed.
        Err(err) => match wordpress::raw_items(bytes.as_slice()) {
            Ok(items) => {
                let mut counts = Counts::new(ContentKind::WordPressCollection);
                for item in items {
                    convert_item(item, options, lines, &mut counts);
                }
                Outcome::Read(counts)
            }
            Err(_) => Outcome::Failed(err.to_string()),
        },
    };
    report
}

/// The bytes of the file at `path`, which was `size` bytes when the walk
/// saw it, or why it is skipped: it has grown over `max_size` bytes since
/// (reading stops there).
///
/// The walk has stated the file already; stating it again here would cost
/// a system call per file, which a tree of small files feels. A file
/// replaced since by something that is not a regular file fails to read
/// (a directory) or is bounded by `max_size` (a device); a FIFO put in its
/// place blocks the open, as it did when the file was stated after it.
fn read_file(path: &Path, size: u64, max_size: u64) -> std::io::Result<Result<Vec<u8>, Skip>> {
    let file = File::open(path)?;
    let mut bytes = Vec::with_capacity(size.min(max_size) as usize + 1);
    file.take(max_size + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_size {
        return Ok(Err(Skip::TooLarge(bytes.len() as u64)));
    }
    Ok(Ok(bytes))
}

/// How many items `warnings` are about: one for a single object or file,
/// else as many as the indexes their paths start with.
fn items_warned(warnings: &[Error]) -> usize {
    let mut items: Vec<&str> = warnings
        .iter()
        .map(|w| {
            let path = w.path().unwrap_or("");
            path.strip_prefix('[')
                .and_then(|rest| rest.split_once(']'))
                .map_or("", |(index, _)| index)
        })
        .collect();
    items.sort_unstable();
    items.dedup();
    items.len()
}

/// Converts one item of a collection, read leniently as
/// `pressmark::from_slice` reads: an article made with `options` for a
/// post or product, nothing for another object, a problem for an item that
/// cannot be read.
pub fn convert_item(
    item: Result<RawItem, Error>,
    options: &ArticleOptions,
    lines: &mut Vec<u8>,
    counts: &mut Counts,
) {
    let read = item.and_then(|item| {
        let object = item.object_with(&ReadOptions::lenient())?;
        counts.objects += 1;
        if let Some(article) = Article::from_object_with(object.value(), options) {
            write_article(&article, lines, counts);
        }
        if !object.warnings().is_empty() {
            counts.items_warned += 1;
            counts
                .warnings
                .extend(object.warnings().iter().map(Error::to_string));
        }
        counts.repaired(object.repairs());
        Ok(())
    });
    if let Err(err) = read {
        if err.kind() == ErrorKind::UnknownFormat {
            counts.not_wordpress += 1;
        }
        counts.problems.push(err.to_string());
    }
}

fn write_article(article: &Article<'_>, lines: &mut Vec<u8>, counts: &mut Counts) {
    let start = lines.len();
    match serde_json::to_writer(&mut *lines, article) {
        Ok(()) => {
            lines.push(b'\n');
            counts.articles += 1;
        }
        // Writing to memory fails only if serializing does: the half
        // line goes.
        Err(err) => {
            lines.truncate(start);
            counts
                .problems
                .push(format!("cannot serialize an article: {err}"));
        }
    }
}
