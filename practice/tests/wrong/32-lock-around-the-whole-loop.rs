//! Wrong (from the second blind review): each writer holds the log's lock around its whole loop:
//! the log is whole and right, and the writers write one after another.
//! Named: no other thread wrote

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String> {
    let log = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for w in 0..writers {
            let log = &log;
            thread::Builder::new()
                .name(format!("writer {w}"))
                .spawn_scoped(scope, move || {
                    // take the log once, for the whole loop
                    let mut log = log.lock().expect("lock the log");
                    for e in 0..entries {
                        let entry = format!("writer {w} entry {e}");
                        say!("{entry}");
                        log.push(entry);
                    }
                    drop(log);
                    say!("writer {w} done");
                })
                .expect("spawn a writer");
        }
    });
    log.into_inner().expect("the log")
}

fn main() {
    let log = log_from_threads(3, 4);
    for entry in &log {
        say!("log: {entry}");
    }
    say!("{} entries", log.len());
}
