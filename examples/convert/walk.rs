//! Walking the input paths with `walkdir`: the files to read, in order,
//! and every entry that cannot be walked or read as one named problem, the
//! walk going on past it.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// The extensions of the files read.
pub const EXTENSIONS: &[&str] = &["json", "md", "markdown", "html", "htm"];

/// What the walk found at one path.
pub enum Entry {
    /// A regular file to read, of `size` bytes.
    File { path: PathBuf, size: u64 },
    /// A file left alone, and why.
    Skipped { path: PathBuf, why: Skip },
    /// An entry that could not be walked: a dangling symlink, a symlink
    /// loop, an unreadable directory.
    Failed { path: PathBuf, message: String },
    /// A file of another type, counted.
    Ignored,
}

/// Why a file is left alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// A FIFO, a device, a socket: reading it could block or never end.
    NotRegular,
    /// Over `--max-file-size`; its size.
    TooLarge(u64),
    /// The `--out` file, from an earlier run.
    Output,
}

impl Skip {
    /// Why, in words.
    pub fn reason(self) -> &'static str {
        match self {
            Skip::NotRegular => "not a regular file",
            Skip::TooLarge(_) => "larger than --max-file-size",
            Skip::Output => "the output file of an earlier run",
        }
    }
}

/// What the walk leaves out.
pub struct Rules {
    pub max_file_size: u64,
    /// The `--out` file, resolved, when it exists.
    pub output: Option<PathBuf>,
}

/// Walks `roots` in order (each directory's entries sorted by name,
/// symlinks followed) and gives each entry to `visit`, until it returns
/// `false`.
pub fn walk(roots: &[PathBuf], rules: &Rules, mut visit: impl FnMut(Entry) -> bool) {
    for root in roots {
        // Siblings share their parent's path, so their whole paths as
        // bytes sort as their names do: the same order as walkdir's
        // `sort_by_file_name`, without taking each name out of its path
        // per comparison, which cost more than the rest of the walk.
        let sorted = WalkDir::new(root)
            .follow_links(true)
            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()));
        for entry in sorted {
            let entry = match entry {
                // Directories are walked, not counted.
                Ok(entry) if entry.file_type().is_dir() => continue,
                Ok(entry) => classify(&entry, rules),
                Err(err) => failure(root, &err),
            };
            if !visit(entry) {
                return;
            }
        }
    }
}

fn classify(entry: &walkdir::DirEntry, rules: &Rules) -> Entry {
    let (path, kind) = (entry.path(), entry.file_type());
    if !has_extension(path, EXTENSIONS) {
        return Entry::Ignored;
    }
    if !kind.is_file() {
        return Entry::Skipped {
            path: path.to_path_buf(),
            why: Skip::NotRegular,
        };
    }
    if let Some(output) = &rules.output
        && path.file_name() == output.file_name()
        && path.canonicalize().is_ok_and(|p| &p == output)
    {
        return Entry::Skipped {
            path: path.to_path_buf(),
            why: Skip::Output,
        };
    }
    match entry.metadata() {
        Ok(meta) if meta.len() > rules.max_file_size => Entry::Skipped {
            path: path.to_path_buf(),
            why: Skip::TooLarge(meta.len()),
        },
        Ok(meta) => Entry::File {
            path: path.to_path_buf(),
            size: meta.len(),
        },
        Err(err) => failure(path, &err),
    }
}

/// The entry `err` is about, and what went wrong, in words.
fn failure(root: &Path, err: &walkdir::Error) -> Entry {
    let path = err.path().unwrap_or(root).to_path_buf();
    let message = match (err.loop_ancestor(), err.io_error()) {
        (Some(ancestor), _) => format!(
            "symlink loop: it leads back to {}, which is being walked",
            ancestor.display()
        ),
        (None, Some(io)) if is_dangling(&path) => format!("dangling symlink: {io}"),
        (None, Some(io)) => format!("cannot read: {io}"),
        (None, None) => err.to_string(),
    };
    Entry::Failed { path, message }
}

/// A symlink whose target is not there (a loop of symlinks is not: its
/// error says "too many levels of symbolic links").
fn is_dangling(path: &Path) -> bool {
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
        && path
            .metadata()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
}

pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}
