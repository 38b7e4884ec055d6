//! 스레드 List 가능 — keeping threads in a list (notes §1.1).
//!
//! Run: `cargo run -p thread-list`
//! Notice: the three workers end in any order, but all of them before "main thread post job",
//! because every handle in the `Vec` is joined first.

use common::{current_thread_name, say, sleep_secs};
use std::thread;

/// The notes' `Worker.run`, the function each named thread runs.
fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(5.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let mut threads = Vec::new();
    for i in 0..3 {
        // Python's `Worker(i)` turns the number into the name "0"; a Rust thread name is a String.
        let thread = thread::Builder::new()
            .name(i.to_string())
            .spawn(run)
            .expect("spawn a worker thread");
        threads.push(thread);
    }

    for thread in threads {
        thread.join().expect("worker thread panicked");
    }
    say!("main thread post job");
    say!("main thread end");
}
