//! A collection streamed through `pressmark::stream_from_reader` is read in
//! memory bounded by its largest item, not its size: the peak of live heap
//! bytes (a counting global allocator) while reading 40 MB is no more than
//! while reading 2 MB. The input comes from a reader that makes it as it
//! goes, so that it is never in memory either.
#![cfg(all(feature = "wordpress", feature = "html"))]

mod common;

use std::io::Read;

#[path = "common/peak_alloc.rs"]
mod peak_alloc;

/// `[post,post,...]`, `count` times our post fixture, made as it is read.
struct Repeated {
    post: Vec<u8>,
    count: usize,
    /// Posts given so far, and how far into the current piece.
    given: usize,
    at: usize,
    piece: Vec<u8>,
}

impl Repeated {
    fn new(post: &str, count: usize) -> Repeated {
        Repeated {
            post: post.trim().as_bytes().to_vec(),
            count,
            given: 0,
            at: 0,
            piece: b"[".to_vec(),
        }
    }
}

impl Read for Repeated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.piece.len() {
            self.at = 0;
            self.piece.clear();
            if self.given < self.count {
                if self.given > 0 {
                    self.piece.extend_from_slice(b",\n");
                }
                self.piece.extend_from_slice(&self.post);
                self.given += 1;
            } else if self.given == self.count {
                self.piece.push(b']');
                self.given += 1;
            }
        }
        let n = buf.len().min(self.piece.len() - self.at);
        buf[..n].copy_from_slice(&self.piece[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Streams `count` posts to articles, each dropped once made; the number
/// of articles and the peak of live heap bytes above what was live before.
fn stream(post: &str, count: usize) -> (usize, usize) {
    let reader = Repeated::new(post, count);
    let before = peak_alloc::live();
    peak_alloc::reset_peak();
    let mut articles = 0;
    for article in pressmark::stream_from_reader(reader).unwrap().articles() {
        assert!(article.unwrap().title.is_some());
        articles += 1;
    }
    (articles, peak_alloc::peak() - before)
}

// One test function, so that no other test allocates while this one counts.
#[test]
fn streaming_memory_does_not_grow_with_the_collection() {
    let post = common::fixture("wordpress/post.json");
    let (small_count, large_count) = (150, 3_000);
    let (small_articles, small) = stream(&post, small_count);
    let (large_articles, large) = stream(&post, large_count);
    assert_eq!((small_articles, large_articles), (small_count, large_count));
    common::say(format_args!(
        "stream: peak heap {} KiB for {} posts ({} KiB), {} KiB for {} posts ({} KiB)",
        small / 1024,
        small_count,
        small_count * post.len() / 1024,
        large / 1024,
        large_count,
        large_count * post.len() / 1024,
    ));
    // The buffer, one item's text and its article: the same for 2 MB and
    // 40 MB, and a small part of either.
    assert!(
        large <= small + small / 4,
        "{large} bytes for {large_count} posts, {small} for {small_count}"
    );
    assert!(large < 2 * 1024 * 1024, "{large} bytes");
}
