//! Fork와 Join — waiting for threads with `join` (notes §1.1).
//!
//! Run: `cargo run -p thread-join`
//! Notice: both "sub thread end" lines come before "main thread post job": `join` blocks the main
//! thread until the worker has finished, in Rust exactly as in Python.

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
    let t1 = thread::Builder::new()
        .name("1".into())
        .spawn(run)
        .expect("spawn thread 1");
    let t2 = thread::Builder::new()
        .name("2".into())
        .spawn(run)
        .expect("spawn thread 2");

    // `join` also hands back the thread's result: here `()`, or the panic if `run` panicked.
    t1.join().expect("thread 1 panicked");
    t2.join().expect("thread 2 panicked");

    say!("main thread post job");
    say!("main thread end");
}
