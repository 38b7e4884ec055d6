//! Wrong: main prints the entries it expects; the log the threads wrote is not what it prints.

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
                    for e in 0..entries {
                        log.lock()
                            .expect("lock the log")
                            .push(format!("writer {w} entry {e}"));
                    }
                    say!("writer {w} done");
                })
                .expect("spawn a writer");
        }
    });
    log.into_inner().expect("the log")
}

fn main() {
    let _ = log_from_threads(3, 0); // the threads write nothing
    for w in 0..3 {
        for e in 0..4 {
            say!("writer {w} entry {e}");
        }
    }
    say!("12 entries");
}
