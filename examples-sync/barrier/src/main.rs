//! 공유 상태 — `threading.Barrier(3)`: three threads meet before going on (after the notes).
//!
//! Run: `cargo run -p barrier`
//! Notice: every "before" line comes before any "after" line, although the threads arrive at
//! different times. `std::sync::Barrier` is Python's `Barrier`; `wait` also tells one thread it
//! is the leader, as Python's returns 0 to one of them.

use common::{say, sleep_secs};
use std::sync::Barrier;
use std::thread;

fn main() {
    let barrier = Barrier::new(3);
    thread::scope(|scope| {
        for i in 0..3 {
            let barrier = &barrier;
            thread::Builder::new()
                .name(format!("thread {i}"))
                .spawn_scoped(scope, move || {
                    sleep_secs(0.5 * i as f64);
                    say!("thread {i} before the barrier");
                    barrier.wait();
                    say!("thread {i} after the barrier");
                })
                .expect("spawn a thread");
        }
    });
}
