//! 공유 상태 — `threading.Semaphore(2)`: five workers, at most two inside at once (after the notes).
//!
//! Run: `cargo run -p semaphore`
//! Notice: each worker prints how many are inside as it enters: never more than 2. std has no
//! semaphore; `common::sync::Semaphore` is one on a `Mutex` and a `Condvar` (the thread-semaphore
//! crates are unmaintained or async). Its permit is a guard: dropping it is Python's `release()`.

use common::sync::Semaphore;
use common::{say, sleep_secs};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

fn main() {
    let semaphore = Semaphore::new(2);
    let inside = AtomicUsize::new(0);
    thread::scope(|scope| {
        for i in 0..5 {
            let (semaphore, inside) = (&semaphore, &inside);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn_scoped(scope, move || {
                    let _permit = semaphore.acquire(); // `with sem:`
                    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    say!("worker {i} enters, inside: {now}");
                    sleep_secs(1.0);
                    // Said before the count drops: a worker let in next never prints a count
                    // that the lines above it contradict.
                    say!("worker {i} leaves");
                    inside.fetch_sub(1, Ordering::SeqCst);
                })
                .expect("spawn a worker");
        }
    });
}
