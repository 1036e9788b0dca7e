//! The `convert` example survives what goes wrong around it, each fault on
//! a small tree: an entry that cannot be walked or read is one named
//! failure and the rest is converted; what is not a regular file and what
//! is too large are skipped; `--out` is never a half-written file that
//! looks finished (interrupted by a signal or a kill, or the disk full);
//! `--out` inside the tree is not read back, nor allowed to replace an
//! input.
#![cfg(all(unix, feature = "wordpress", feature = "frontmatter", feature = "html"))]

mod common;
#[path = "common/convert_run.rs"]
mod convert_run;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use convert_run::{Tree, collection, convert, ids, news_item, post, run, stderr};

#[test]
fn dangling_symlinks_and_loops_are_failures_and_the_walk_goes_on() {
    let tree = Tree::new("convert-links");
    tree.write("a.json", post(1));
    tree.write("sub/b.md", news_item("b"));
    tree.write("sub/c.json", post(3));
    tree.symlink("dangling.json", "missing.json");
    tree.symlink("self.json", "self.json");
    tree.symlink("sub/loop", "..");
    let out = tree.path("out.jsonl");
    let output = run(convert(&[&tree.root, &"--out", &out])
        .arg("--threads")
        .arg("1"));
    let err = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "failures make the exit status 1"
    );
    // Everything else converted, in walk order.
    let lines = std::fs::read_to_string(&out).unwrap();
    assert_eq!(lines.lines().count(), 3);
    assert!(err.contains("failures: 3"), "{err}");
    let named = |name: &str, what: &str| {
        err.lines()
            .any(|l| l.contains(&*tree.path(name).to_string_lossy()) && l.contains(what))
    };
    assert!(named("dangling.json", "dangling symlink"), "{err}");
    assert!(named("self.json", "symbolic links"), "{err}");
    assert!(named("sub/loop", "symlink loop"), "{err}");
}

/// Runs `command` as the user `nobody` when the tests run as root (who
/// may read anything); `None`, saying so loudly, when that cannot be done.
fn as_unprivileged(command: Command) -> Option<Command> {
    let uid = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some(command);
    }
    let mut wrapped = Command::new("setpriv");
    wrapped
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(command.get_program())
        .args(command.get_args());
    let probe = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(command.get_program())
        .arg("--help")
        .output();
    if probe.is_ok_and(|p| p.status.success()) {
        Some(wrapped)
    } else {
        common::say(
            "\n*** SKIPPED: unreadable entries: running as root, and `setpriv` cannot run \
             convert as nobody ***\n",
        );
        None
    }
}

#[test]
fn unreadable_directories_and_files_are_failures_and_the_walk_goes_on() {
    let tree = Tree::new("convert-unreadable");
    tree.write("a.json", post(1));
    tree.write("locked/b.json", post(2));
    tree.write("secret.json", post(3));
    tree.write("z.json", post(4));
    let status = Command::new("chmod")
        .arg("000")
        .arg(tree.path("locked"))
        .arg(tree.path("secret.json"))
        .status()
        .unwrap();
    assert!(status.success());
    let Some(mut command) = as_unprivileged(convert(&[&tree.root])) else {
        return;
    };
    let output = run(&mut command);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert_eq!(ids(&String::from_utf8_lossy(&output.stdout)), [1, 4]);
    assert!(err.contains("failures: 2"), "{err}");
    for name in ["locked", "secret.json"] {
        let path = tree.path(name).to_string_lossy().into_owned();
        assert!(
            err.lines()
                .any(|l| l.contains(&path) && l.contains("Permission denied")),
            "{name}: {err}"
        );
    }
}

#[test]
fn fifos_devices_and_symlinks_to_them_are_skipped() {
    let tree = Tree::new("convert-special");
    tree.write("a.json", post(1));
    let status = Command::new("mkfifo")
        .arg(tree.path("pipe.json"))
        .status()
        .unwrap();
    assert!(status.success());
    tree.symlink("zero.json", "/dev/zero");
    tree.symlink("null.md", "/dev/null");
    // A FIFO nobody writes to would hang a reader: the run must end.
    let mut child = convert(&[&tree.root])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("convert hung on a FIFO or a device");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    let err = stderr(&output);
    eprintln!("{err}");
    assert!(output.status.success(), "{err}");
    assert_eq!(ids(&String::from_utf8_lossy(&output.stdout)), [1]);
    assert!(err.contains("skipped, not a regular file: 3"), "{err}");
    for name in ["pipe.json", "zero.json", "null.md"] {
        assert!(
            err.contains(&*tree.path(name).to_string_lossy()),
            "{name}: {err}"
        );
    }
}

#[test]
fn files_over_the_size_limit_are_skipped() {
    let tree = Tree::new("convert-size");
    tree.write("small.json", post(1));
    let big = tree.write("big.json", collection(10..40));
    let size = std::fs::metadata(&big).unwrap().len();
    let output = run(convert(&[&tree.root, &"--max-file-size", &"1K"]));
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert_eq!(ids(&String::from_utf8_lossy(&output.stdout)), [1]);
    assert!(
        err.contains("skipped, larger than --max-file-size: 1"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{} ({:.1} kB)", big.display(), size as f64 / 1e3)),
        "{err}"
    );
    // A size that is not one is refused.
    let output = run(convert(&[&tree.root, &"--max-file-size", &"1.5G"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--max-file-size expects a size"));
}

#[test]
fn the_output_inside_the_tree_is_not_read_back() {
    let tree = Tree::new("convert-out-inside");
    tree.write("a.json", post(1));
    tree.write("b.json", post(2));
    // `.json`, so that a walk that did not leave it out would read it.
    let out = tree.path("all.json");
    for _ in 0..2 {
        let output = run(&mut convert(&[&tree.root, &"--out", &out]));
        assert!(output.status.success());
        assert_eq!(ids(&std::fs::read_to_string(&out).unwrap()), [1, 2]);
    }
    let output = run(&mut convert(&[&tree.root, &"--out", &out]));
    let err = stderr(&output);
    assert!(
        err.contains("skipped, the output file of an earlier run: 1"),
        "{err}"
    );
    // No temporary file is left beside it.
    assert_eq!(tree.names(), ["a.json", "all.json", "b.json"]);
}

#[test]
fn an_output_that_is_an_input_is_refused() {
    let tree = Tree::new("convert-out-input");
    let input = tree.write("a.json", post(1));
    let output = run(&mut convert(&[&input, &"--out", &input]));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is one of the inputs"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), post(1));
}

/// A collection big enough that a debug build converts it for seconds.
fn long_input(tree: &Tree) -> std::path::PathBuf {
    tree.write("posts.json", collection(0..200_000))
}

/// Starts `convert` on `input` to `out`, waits until its temporary file
/// has some lines, sends `signal` (a `kill` option) and waits for it.
fn interrupt(input: &std::path::Path, out: &std::path::Path, signal: &str) -> std::process::Output {
    let mut child = convert(&[&input, &"--out", &out, &"--threads", &"1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let dir = out.parent().unwrap();
    let partial = format!(
        ".{}.{}.partial",
        out.file_name().unwrap().to_string_lossy(),
        child.id()
    );
    let started = Instant::now();
    while std::fs::metadata(dir.join(&partial)).map_or(true, |m| m.len() == 0) {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!(
                "no output in {} after a minute",
                dir.join(&partial).display()
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let killed = Command::new("kill")
        .arg(signal)
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    eprintln!("{}", stderr(&output));
    output
}

#[test]
fn an_interrupted_run_leaves_no_finished_looking_output() {
    let tree = Tree::new("convert-interrupt");
    let input = long_input(&tree);
    let out = tree.path("out.jsonl");
    for (signal, name) in [("-INT", "SIGINT"), ("-TERM", "SIGTERM")] {
        let output = interrupt(&input, &out, signal);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(130), "{name}: {err}");
        // It says how far it got, and that the output was not written.
        assert!(
            err.contains(&format!("interrupted by {name}: stopped after ")),
            "{err}"
        );
        assert!(err.contains("stopped inside"), "{err}");
        assert!(err.contains("not written"), "{err}");
        assert_eq!(
            tree.names(),
            ["posts.json"],
            "{name}: no output, no partial file"
        );
    }
    // A kill cannot be caught: only the temporary file is left, hidden
    // and named as partial.
    let output = interrupt(&input, &out, "-KILL");
    assert_eq!(output.status.code(), None);
    let names = tree.names();
    assert!(!out.exists(), "{names:?}");
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].starts_with(".out.jsonl.") && names[0].ends_with(".partial"),
        "{names:?}"
    );
}

/// The stderr of a run stopped by an output error, checked to say so in
/// its summary's first line and to exit with 1.
fn output_error(output: &std::process::Output) -> String {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("convert: stopped by an output error after "),
        "{err}"
    );
    err
}

#[test]
fn a_full_disk_is_reported_with_the_summary() {
    let tree = Tree::new("convert-full");
    tree.write("posts.json", collection(0..300));
    // Stdout on a full device.
    let output = run(convert(&[&tree.root]).stdout(std::fs::File::create("/dev/full").unwrap()));
    let err = output_error(&output);
    assert!(
        err.contains("cannot write stdout: No space left on device"),
        "{err}"
    );
    // `--out` on a file system that takes no more than 8 blocks (of 512
    // bytes, `ulimit -f` in POSIX sh): the writes past them fail (with the
    // signal they raise ignored), as on a full disk.
    let out = tree.path("out.jsonl");
    let binary = common::example_binary("convert");
    let output = run(Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"")
        .arg(&binary)
        .arg(&tree.root)
        .arg("--out")
        .arg(&out));
    let err = output_error(&output);
    assert!(
        err.contains(&format!("cannot write {}", out.display())),
        "{err}"
    );
    assert!(err.contains("it was not written"), "{err}");
    assert_eq!(tree.names(), ["posts.json"], "no output, no partial file");
}
