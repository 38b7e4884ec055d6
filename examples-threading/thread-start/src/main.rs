//! 1.1 threading 모듈 사용하기 — starting threads (notes §1.1).
//!
//! Run: `cargo run -p thread-start`
//! Notice: "main thread end" comes at once, the five "sub thread end" lines about 3 s later in
//! any order, and the program waits for them, as Python does. Python keeps the process alive for
//! its (non-daemon) threads; Rust does not, so `main` joins them after its last line.

use common::{current_thread_name, say, sleep_secs};
use std::thread;

/// The notes' `Worker.run`. Python subclasses `Thread` and overrides `run`; in Rust a thread is
/// built with a name and handed the function to run.
fn run() {
    // Python's `print("...", name)` puts a space between its arguments, after the one the string
    // already ends with: the real program prints two spaces, so this one does too.
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let mut workers = Vec::new();
    for i in 0..5 {
        let name = format!("thread {i}");
        let worker = thread::Builder::new()
            .name(name)
            .spawn(run)
            .expect("spawn a worker thread");
        workers.push(worker);
    }
    say!("main thread end");

    // What Python's interpreter does silently at exit: wait for every non-daemon thread.
    // A Rust process ends when `main` returns, taking its threads with it, so we wait here.
    for worker in workers {
        worker.join().expect("worker thread panicked");
    }
}
