//! Wrong: each worker polls a flag with a short sleep in place of waiting on an `Event` (the
//! blind review's habit): it goes soon after the signal, but wakes once a look.
//! Named: is not waiting

use common::say;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    let go = Arc::new(AtomicBool::new(false));
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            let go = Arc::clone(&go);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    while !go.load(Ordering::Acquire) {
                        thread::sleep(Duration::from_millis(20));
                    }
                    say!("worker {i} goes");
                })
                .expect("spawn a worker")
        })
        .collect();
    thread::sleep(Duration::from_millis(prep_ms));
    say!("main: go");
    go.store(true, Ordering::Release);
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    release_after(3, 1200);
}
