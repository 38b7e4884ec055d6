//! 공유 상태 — `threading.Event`: workers wait until main sets it (after the notes).
//!
//! Run: `cargo run -p event`
//! Notice: no worker goes on before main's "main sets the event" line. std has no event;
//! `common::sync::Event` is a flag in a `Mutex` with a `Condvar`, waited on in a `while` loop.

use common::sync::Event;
use common::{say, sleep_secs};
use std::thread;

fn main() {
    let event = Event::new();
    thread::scope(|scope| {
        for i in 0..3 {
            let event = &event;
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn_scoped(scope, move || {
                    say!("worker {i} waits");
                    event.wait();
                    say!("worker {i} goes on");
                })
                .expect("spawn a worker");
        }
        sleep_secs(1.0);
        say!("main sets the event");
        event.set();
    });
}
