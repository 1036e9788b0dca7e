//! The run: a producer walks the paths and cuts the work into jobs —
//! batches of small files, or slices of a big collection's items, which it
//! scans itself — workers convert the jobs, and the writer puts their
//! lines out in input order.
//!
//! Memory stays bounded whatever the input: at most [`IN_FLIGHT`] jobs per
//! worker exist at once (the producer waits for a token, which the writer
//! gives back once it has written a job), and a job holds about
//! [`BATCH_BYTES`] of input, or one file or item bigger than that.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use pressmark::article::ArticleOptions;
use pressmark::wordpress::{self, RawItem};
use pressmark::{ContentKind, Error, ErrorKind};

use crate::args::Args;
use crate::walk::{self, Entry, Rules};
use crate::work::{self, Counts, FileReport, Outcome};

/// Input bytes in one job: enough that handing it over costs little
/// beside converting it, small enough that a few per worker stay small.
const BATCH_BYTES: u64 = 1 << 20;

/// Files in one job at most.
const BATCH_FILES: usize = 256;

/// Files larger than this are scanned by the producer, their items spread
/// over the workers; smaller ones are read whole by a worker.
const BIG_FILE: u64 = 4 * BATCH_BYTES;

/// Jobs per worker that may be queued, converting or waiting to be
/// written.
const IN_FLIGHT: usize = 4;

/// Why the run should stop early: a signal (its number), or the output
/// failed.
#[derive(Default)]
pub struct Stop {
    pub signal: Arc<AtomicUsize>,
    pub output_failed: AtomicBool,
}

impl Stop {
    fn requested(&self) -> bool {
        self.signal.load(Ordering::Relaxed) != 0 || self.output_failed.load(Ordering::Relaxed)
    }
}

/// Work for a worker.
pub enum Job {
    /// Small files, and the walk's skipped and failed entries (passed on
    /// as they are, so that the summary lists everything in walk order).
    Files(Vec<Entry>),
    /// Some items of a big collection.
    Items {
        path: Arc<Path>,
        items: Vec<Result<RawItem, Error>>,
        bytes: u64,
        /// Whether this is the collection's last slice.
        last: bool,
    },
}

/// A converted job: its lines and what was found.
pub struct Done {
    pub lines: Vec<u8>,
    pub reports: Vec<FileReport>,
}

/// What the producer saw.
#[derive(Default)]
pub struct Walked {
    /// Files of other types, not read.
    pub ignored: usize,
}

/// Converts a job into articles made with `options`.
pub fn work(job: Job, max_file_size: u64, options: &ArticleOptions) -> Done {
    let mut lines = Vec::new();
    let reports = match job {
        Job::Files(tasks) => tasks
            .into_iter()
            .filter_map(|entry| {
                let (path, outcome) = match entry {
                    Entry::File { path, size } => {
                        return Some(work::convert_file(
                            path.into(),
                            size,
                            max_file_size,
                            options,
                            &mut lines,
                        ));
                    }
                    Entry::Skipped { path, why } => (path, Outcome::Skipped(why)),
                    Entry::Failed { path, message } => (path, Outcome::Failed(message)),
                    Entry::Ignored => return None,
                };
                Some(FileReport {
                    path: path.into(),
                    bytes: 0,
                    outcome,
                    last: true,
                })
            })
            .collect(),
        Job::Items {
            path,
            items,
            bytes,
            last,
        } => {
            let mut counts = Counts::new(ContentKind::WordPressCollection);
            for item in items {
                work::convert_item(item, options, &mut lines, &mut counts);
            }
            vec![FileReport {
                path,
                bytes,
                outcome: Outcome::Read(counts),
                last,
            }]
        }
    };
    Done { lines, reports }
}

/// Walks the paths and hands the work to `send` in input order, until
/// `send` refuses or a stop is asked for.
pub fn produce(
    args: &Args,
    rules: &Rules,
    stop: &Stop,
    send: &mut dyn FnMut(Job) -> bool,
) -> Walked {
    let mut walked = Walked::default();
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    let mut going = true;
    walk::walk(&args.paths, rules, |entry| {
        if stop.requested() {
            going = false;
            return false;
        }
        if let Entry::Ignored = entry {
            walked.ignored += 1;
            return true;
        }
        match entry {
            Entry::File { path, size } if size > BIG_FILE => {
                going = (batch.is_empty() || send(Job::Files(std::mem::take(&mut batch))))
                    && stream_collection(path, size, args.max_file_size, stop, send);
                batch_bytes = 0;
            }
            entry => {
                if let Entry::File { size, .. } = &entry {
                    batch_bytes += size;
                }
                batch.push(entry);
                if batch.len() >= BATCH_FILES || batch_bytes >= BATCH_BYTES {
                    batch_bytes = 0;
                    going = send(Job::Files(std::mem::take(&mut batch)));
                }
            }
        }
        going
    });
    if going && !batch.is_empty() && !stop.requested() {
        send(Job::Files(batch));
    }
    walked
}

/// Scans the big file at `path` and sends its items in slices of about
/// [`BATCH_BYTES`]; a file that is not a collection goes whole to a
/// worker. `false` when the run stops.
fn stream_collection(
    path: std::path::PathBuf,
    size: u64,
    max_file_size: u64,
    stop: &Stop,
    send: &mut dyn FnMut(Job) -> bool,
) -> bool {
    use std::io::Read as _;
    let whole = |path| Job::Files(vec![Entry::File { path, size }]);
    let failed = |path, message| Job::Files(vec![Entry::Failed { path, message }]);
    let reader = match std::fs::File::open(&path) {
        Ok(reader) => reader.take(max_file_size),
        Err(err) => return send(failed(path, format!("cannot read: {err}"))),
    };
    let mut items = match wordpress::raw_items(reader) {
        Ok(items) => items,
        Err(err) if err.kind() == ErrorKind::Io => return send(failed(path, err.to_string())),
        // Not a collection: one object or front matter, read whole.
        Err(_) => return send(whole(path)),
    };
    let path: Arc<Path> = path.into();
    let mut counted = 0;
    loop {
        let mut slice = Vec::new();
        let mut slice_bytes = 0;
        let mut ended = true;
        for item in items.by_ref() {
            slice_bytes += item.as_ref().map_or(0, |item| item.text().len() as u64);
            slice.push(item);
            if slice_bytes >= BATCH_BYTES {
                ended = false;
                break;
            }
        }
        let read = items.bytes_read() as u64;
        let job = Job::Items {
            path: Arc::clone(&path),
            items: slice,
            bytes: read - counted,
            last: ended,
        };
        counted = read;
        if !send(job) {
            return false;
        }
        if ended {
            return true;
        }
        if stop.requested() {
            return false;
        }
    }
}

/// Runs the jobs on `threads` workers (on this thread when 1), giving
/// each converted job to `write` in input order; `write` returns `false`
/// once the output has failed. What the producer saw.
pub fn run(args: &Args, rules: &Rules, stop: &Stop, write: &mut dyn FnMut(Done) -> bool) -> Walked {
    let max = args.max_file_size;
    if args.threads == 1 {
        return produce(args, rules, stop, &mut |job| {
            if write(work(job, max, &args.articles)) {
                true
            } else {
                stop.output_failed.store(true, Ordering::Relaxed);
                false
            }
        });
    }
    let in_flight = IN_FLIGHT * args.threads;
    let (job_send, job_receive) = mpsc::channel::<(usize, Job)>();
    let job_receive = Mutex::new(job_receive);
    std::thread::scope(|scope| {
        let (done_send, done_receive) = mpsc::channel::<(usize, Done)>();
        let (token_send, token_receive) = mpsc::sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            let _ = token_send.send(());
        }
        for _ in 0..args.threads {
            let (job_receive, done_send) = (&job_receive, done_send.clone());
            let worker = std::thread::Builder::new().name("worker".into());
            worker
                .spawn_scoped(scope, move || {
                    loop {
                        // The lock is held while waiting: the other workers
                        // wait on it instead of on the channel.
                        let next = job_receive.lock().map(|receive| receive.recv());
                        let Ok(Ok((seq, job))) = next else { break };
                        if done_send
                            .send((seq, work(job, max, &args.articles)))
                            .is_err()
                        {
                            break;
                        }
                    }
                })
                .expect("a thread for a worker");
        }
        drop(done_send);
        let producer = std::thread::Builder::new().name("producer".into());
        let producer = producer.spawn_scoped(scope, move || {
            let mut seq = 0;
            produce(args, rules, stop, &mut |job| {
                if token_receive.recv().is_err() || job_send.send((seq, job)).is_err() {
                    return false;
                }
                seq += 1;
                true
            })
        });
        let producer = producer.expect("a thread for the producer");
        // Write in input order, whatever order the workers finish in.
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut writing = true;
        for (seq, done) in done_receive {
            pending.insert(seq, done);
            while let Some(done) = pending.remove(&next) {
                if writing && !write(done) {
                    writing = false;
                    stop.output_failed.store(true, Ordering::Relaxed);
                }
                next += 1;
                // The producer may be gone: then nobody needs the token.
                let _ = token_send.send(());
            }
        }
        producer.join().expect("the producer does not panic")
    })
}
