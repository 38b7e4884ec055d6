//! Wrong: each worker spins on a flag, never sleeping, in place of waiting on an `Event` (the
//! blind review's habit): it goes at once after the signal, and burns a core until then.
//! Named: is not waiting

use common::say;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

pub fn release_after(workers: usize, prep_ms: u64) {
    let go = Arc::new(AtomicBool::new(false));
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            let go = Arc::clone(&go);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    while !go.load(Ordering::Acquire) {
                        std::hint::spin_loop();
                    }
                    say!("worker {i} goes");
                })
                .expect("spawn a worker")
        })
        .collect();
    thread::sleep(std::time::Duration::from_millis(prep_ms));
    say!("main: go");
    go.store(true, Ordering::Release);
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    release_after(3, 1200);
}
