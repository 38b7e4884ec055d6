//! 데몬 스레드 만들기 : Daemon속성 — daemon threads (notes §1.1).
//!
//! Run: `cargo run -p daemon-thread`
//! Notice: "main thread end" is the last line, and the program ends at once. The workers are still
//! asleep when `main` returns, and every Rust thread dies with its process: what Python calls a
//! daemon thread (`t.daemon = True`) is simply Rust's default. No "sub thread end" ever prints.

use common::{current_thread_name, say, sleep_secs};
use std::sync::mpsc;
use std::thread;

/// The notes' `Worker.run`; it reports on `started` once its first line is out.
fn run(started: mpsc::Sender<()>) {
    say!("sub thread start  {}", current_thread_name());
    let _ = started.send(());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let (started, has_started) = mpsc::channel();
    for i in 0..5 {
        let name = format!("thread {i}");
        let started = started.clone();
        // No `daemon = True` to set: there is no other kind of thread in Rust.
        thread::Builder::new()
            .name(name)
            .spawn(move || run(started))
            .expect("spawn a worker thread");

        // Python's `start()` waits until the new thread runs, and under the GIL it nearly always
        // prints before main goes on. Rust threads run in parallel, so main could reach its end
        // before a worker printed anything; waiting for each "start" line keeps the notes' output.
        has_started.recv().expect("the worker reports its start");
    }
    say!("main thread end");
    // `main` returns here without joining: the process exits and the sleeping workers with it.
}
