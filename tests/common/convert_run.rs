//! Small input trees for the `convert` tests, and running the example on
//! them (tests include this file with `#[path]`).
#![allow(dead_code)] // each test file uses some of it

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A directory of its own under the system's temporary directory, removed
/// when dropped.
pub struct Tree {
    pub root: PathBuf,
}

impl Tree {
    /// An empty tree named after the test.
    pub fn new(test: &str) -> Tree {
        let root = std::env::temp_dir().join(format!(
            "pressmark-{test}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        Tree { root }
    }

    /// `root/relative`.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Writes `text` to `relative`, making its directories.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// A symlink at `relative` to `target`.
    #[cfg(unix)]
    pub fn symlink(&self, relative: &str, target: impl AsRef<Path>) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, path).unwrap();
    }

    /// The names of the files in the tree's top directory, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        // Give back what a test locked, so that it can be removed.
        #[cfg(unix)]
        {
            let _ = Command::new("chmod")
                .args(["-R", "u+rwx"])
                .arg(&self.root)
                .status();
        }
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// A post with id `id`.
pub fn post(id: usize) -> String {
    format!(
        r#"{{"id":{id},"date":"2024-03-01T10:00:00","date_gmt":"2024-03-01T09:00:00","link":"https:\/\/e.x\/{id}\/","title":{{"rendered":"Post {id}"}},"content":{{"rendered":"<p>Body of post {id}.<\/p>"}}}}"#
    )
}

/// A collection of the posts with ids `ids`, one per line.
pub fn collection(ids: impl IntoIterator<Item = usize>) -> String {
    let posts: Vec<String> = ids.into_iter().map(post).collect();
    format!("[{}]\n", posts.join(",\n"))
}

/// A news item with front matter.
pub fn news_item(title: &str) -> String {
    format!(
        "---\ntitle: {title}\nexcerpt: About {title}.\npublishedDateTime: 2024-03-01T09:00:00Z\n\
         category: news\ntype: article\nprovider:\n  name: E\n  domain: e.x\ntopics: [sea]\n\
         secured: a;b\nwebUrl: https://e.x/{title}\n---\n"
    )
}

/// `convert` with `args`.
pub fn convert(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Command {
    let mut command = Command::new(super::common::example_binary("convert"));
    for arg in args {
        command.arg(arg);
    }
    command
}

/// Runs `command`; its output, with stderr shown when the test fails.
pub fn run(mut command: impl std::borrow::BorrowMut<Command>) -> Output {
    let output = command.borrow_mut().output().unwrap();
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    output
}

/// The ids of the article lines in `jsonl`, in order.
pub fn ids(jsonl: &str) -> Vec<usize> {
    jsonl
        .lines()
        .map(|line| {
            let article: serde_json::Value = serde_json::from_str(line).unwrap();
            article["id"].as_str().unwrap().parse().unwrap()
        })
        .collect()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
