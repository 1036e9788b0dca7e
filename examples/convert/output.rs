//! Where the lines go: stdout, or a temporary file beside `--out` that
//! becomes `--out` only when the run is complete.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        /// Where the lines are written while the run lasts.
        partial: PathBuf,
        /// Where they go when it is complete.
        target: PathBuf,
        writer: BufWriter<File>,
    },
}

impl Output {
    /// Stdout, or a new temporary file beside `target`: hidden, named for
    /// this process, ending in `.partial` (an extension the walk does not
    /// read), so that nobody takes it for the finished file.
    pub fn create(target: Option<&Path>) -> io::Result<Output> {
        let Some(target) = target else {
            return Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            )));
        };
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::other("--out must name a file"))?;
        let partial = target.with_file_name(format!(
            ".{}.{}.partial",
            name.to_string_lossy(),
            std::process::id()
        ));
        let file = File::create(&partial)?;
        Ok(Output::File {
            partial,
            target: target.to_path_buf(),
            writer: BufWriter::with_capacity(1 << 16, file),
        })
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(writer) => writer.write_all(bytes),
            Output::File { writer, .. } => writer.write_all(bytes),
        }
    }

    /// Flushes, syncs and renames the temporary file to the target: the
    /// target appears whole or not at all. On an error, the temporary file
    /// is removed.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut writer) => writer.flush(),
            Output::File {
                partial,
                target,
                writer,
            } => {
                let done = writer
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)
                    .and_then(|file| file.sync_all())
                    .and_then(|()| std::fs::rename(&partial, &target));
                if done.is_err() {
                    let _ = std::fs::remove_file(&partial);
                }
                done
            }
        }
    }

    /// Gives up: the temporary file is removed, the target left as it was.
    /// Stdout is flushed (what was written there is out already).
    pub fn abandon(self) {
        match self {
            Output::Stdout(mut writer) => {
                let _ = writer.flush();
            }
            Output::File {
                partial, writer, ..
            } => {
                // Nothing more is written: dropping the buffer unflushed
                // is what is wanted, and its error on drop is ignored.
                let (_file, _unwritten) = writer.into_parts();
                let _ = std::fs::remove_file(&partial);
            }
        }
    }

    /// Where the lines end up, for the summary.
    pub fn describe(&self) -> String {
        match self {
            Output::Stdout(_) => "stdout".to_owned(),
            Output::File { target, .. } => target.display().to_string(),
        }
    }
}

/// The resolved path of `out` when it exists, for the walk to leave out.
pub fn existing(out: &Path) -> Option<PathBuf> {
    out.canonicalize().ok()
}

/// The first of `inputs` that is the file `out`, if any.
pub fn among_inputs<'p>(out: &Path, inputs: &'p [PathBuf]) -> Option<&'p Path> {
    let out = existing(out)?;
    inputs
        .iter()
        .find(|input| input.canonicalize().is_ok_and(|p| p == out))
        .map(PathBuf::as_path)
}
