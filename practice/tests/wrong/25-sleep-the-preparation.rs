//! Wrong (from the blind review): each worker sleeps the preparation it was told and 100 ms more
//! in place of waiting on an `Event`: a sleep worked out from the arguments.
//! Named: the worker did not wait for the signal

use common::say;
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    thread::sleep(Duration::from_millis(prep_ms + 100)); // main is done by then
                    say!("worker {i} goes");
                })
                .expect("spawn a worker")
        })
        .collect();
    thread::sleep(Duration::from_millis(prep_ms)); // main prepares
    say!("main: go");
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    release_after(3, 1200);
}
