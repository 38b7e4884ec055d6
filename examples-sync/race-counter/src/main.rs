//! 공유 상태 — a race: two threads each add 1 to one counter a million times (after the notes).
//!
//! Run: `cargo run -p race-counter`
//! Notice: Python's `counter += 1` from two threads does not compile in Rust (two threads may not
//! both hold `&mut counter`: see `refused/`). What still loses updates is a logic race: `load`,
//! then `store`, on an atomic, so "without a lock" usually prints less than 2000000. A `Mutex`
//! and a single `fetch_add` never lose one. (CPython 3.11 lost no update in 20 runs here: its GIL
//! switches threads at no point between the read and the write. The language promises nothing.)

use common::say;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const TIMES: u64 = 1_000_000;

/// Runs `add_one` a million times on each of two threads.
fn twice(add_one: impl Fn() + Sync) {
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| (0..TIMES).for_each(|_| add_one()));
        }
    });
}

fn main() {
    // Python's `counter += 1` read and wrote in two steps; here the two steps are explicit.
    let counter = AtomicU64::new(0);
    twice(|| {
        let seen = counter.load(Ordering::Relaxed);
        counter.store(seen + 1, Ordering::Relaxed); // the other thread may have stored meanwhile
    });
    say!("without a lock: {}", counter.load(Ordering::Relaxed));

    // `with lock: counter += 1`: the Mutex owns the counter; its guard is the `with` block.
    let counter = Mutex::new(0_u64);
    twice(|| *counter.lock().expect("lock the counter") += 1);
    say!(
        "with a Mutex: {}",
        counter.into_inner().expect("the counter")
    );

    // One indivisible read-modify-write: no lock at all.
    let counter = AtomicU64::new(0);
    twice(|| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    say!("with fetch_add: {}", counter.load(Ordering::Relaxed));
}
