//! Where the lines go: stdout, or a temporary file beside `--out` that
//! becomes `--out` only when the run is complete.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;

/// Bytes written between two background syncs of `--out`.
const SYNC_EVERY: u64 = 64 << 20;

pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        /// Where the lines are written while the run lasts.
        partial: PathBuf,
        /// Where they go when it is complete.
        target: PathBuf,
        writer: BufWriter<File>,
        sync: BackgroundSync,
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
        let sync = match BackgroundSync::start(&file) {
            Ok(sync) => sync,
            Err(err) => {
                let _ = std::fs::remove_file(&partial);
                return Err(err);
            }
        };
        Ok(Output::File {
            partial,
            target: target.to_path_buf(),
            writer: BufWriter::with_capacity(1 << 16, file),
            sync,
        })
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(writer) => writer.write_all(bytes),
            Output::File { writer, sync, .. } => {
                writer.write_all(bytes)?;
                sync.wrote(bytes.len());
                Ok(())
            }
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
                sync,
            } => {
                let done = writer
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)
                    .and_then(|file| sync.finish().map(|()| file))
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
                partial,
                writer,
                sync,
                ..
            } => {
                // A sync under way is left to end on its own.
                drop(sync);
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

/// Writes `--out` back to disk while the run goes on, on a thread of its
/// own, so that the sync before the rename waits only for the last part
/// of the file rather than all of it, on one thread after all the work.
pub struct BackgroundSync {
    /// Asks for a sync; holds at most one request, since a sync that has
    /// not started yet covers everything written before it runs.
    request: mpsc::SyncSender<()>,
    thread: JoinHandle<io::Result<()>>,
    unsynced: u64,
}

impl BackgroundSync {
    fn start(file: &File) -> io::Result<BackgroundSync> {
        let file = file.try_clone()?;
        let (request, requests) = mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("sync".into())
            .spawn(move || requests.iter().try_for_each(|()| file.sync_data()))?;
        Ok(BackgroundSync {
            request,
            thread,
            unsynced: 0,
        })
    }

    /// Counts `bytes` written, and asks for a sync every [`SYNC_EVERY`].
    fn wrote(&mut self, bytes: usize) {
        self.unsynced += bytes as u64;
        if self.unsynced >= SYNC_EVERY {
            self.unsynced = 0;
            // Full: a sync is already waiting to run. Disconnected: one
            // failed, and `finish` says so.
            let _ = self.request.try_send(());
        }
    }

    /// Waits for the sync under way; its error, if one failed.
    fn finish(self) -> io::Result<()> {
        drop(self.request);
        self.thread
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the sync thread panicked")))
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
