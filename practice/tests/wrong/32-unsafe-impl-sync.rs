//! Wrong: the refusal silenced with `unsafe`: a `RefCell` in a wrapper that promises `Sync`, so
//! the writers borrow it mutably at once.

use common::say;
use std::cell::RefCell;
use std::thread;

struct Log(RefCell<Vec<String>>);
unsafe impl Sync for Log {} // "it compiles now"

pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String> {
    let log = Log(RefCell::new(Vec::new()));
    thread::scope(|scope| {
        for w in 0..writers {
            let log = &log;
            thread::Builder::new()
                .name(format!("writer {w}"))
                .spawn_scoped(scope, move || {
                    for e in 0..entries {
                        let entry = format!("writer {w} entry {e}");
                        say!("{entry}");
                        log.0.borrow_mut().push(entry);
                    }
                    say!("writer {w} done");
                })
                .expect("spawn a writer");
        }
    });
    log.0.into_inner()
}

fn main() {
    let log = log_from_threads(3, 4);
    for entry in &log {
        say!("log: {entry}");
    }
    say!("{} entries", log.len());
}
