//! 공유 상태 — `threading.Semaphore(2)`: five workers, at most two inside at once (after the notes).
//!
//! Run: `cargo run -p semaphore`
//! Notice: each worker prints how many are inside as it enters: never more than 2, and always
//! what the lines above say (the count changes and is printed under one lock). std has no
//! semaphore; `common::sync::Semaphore` is one on a `Mutex` and a `Condvar` (the thread-semaphore
//! crates are unmaintained or async). Its permit is a guard: dropping it is Python's `release()`.

use common::sync::Semaphore;
use common::{say, sleep_secs};
use std::sync::Mutex;
use std::thread;

fn main() {
    let semaphore = Semaphore::new(2);
    let inside = Mutex::new(0);
    thread::scope(|scope| {
        for i in 0..5 {
            let (semaphore, inside) = (&semaphore, &inside);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn_scoped(scope, move || {
                    let _permit = semaphore.acquire(); // `with sem:`
                    // The count changes and is printed as one step, under one lock: another
                    // worker's line never falls between the two.
                    let mut count = inside.lock().expect("the count");
                    *count += 1;
                    say!("worker {i} enters, inside: {count}");
                    drop(count);
                    sleep_secs(1.0);
                    let mut count = inside.lock().expect("the count");
                    say!("worker {i} leaves");
                    *count -= 1;
                })
                .expect("spawn a worker");
        }
    });
}
