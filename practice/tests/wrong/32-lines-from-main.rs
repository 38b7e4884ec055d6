//! Wrong: the log made up by main, not written by the threads, which only say they are done.

use common::say;
use std::thread;

pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String> {
    thread::scope(|scope| {
        for w in 0..writers {
            thread::Builder::new()
                .name(format!("writer {w}"))
                .spawn_scoped(scope, move || say!("writer {w} done"))
                .expect("spawn a writer");
        }
    });
    let mut log = Vec::new();
    for w in 0..writers {
        for e in 0..entries {
            let entry = format!("writer {w} entry {e}");
            say!("{entry}");
            log.push(entry);
        }
    }
    log
}

fn main() {
    let log = log_from_threads(3, 4);
    for entry in &log {
        say!("log: {entry}");
    }
    say!("{} entries", log.len());
}
