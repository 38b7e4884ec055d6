//! 공유 상태 — `threading.RLock`: one thread takes the same lock twice (after the notes).
//!
//! Run: `cargo run -p rlock`
//! Notice: std's `Mutex` is not reentrant. Its holder calling `lock()` again would never return
//! (or panic), so the example asks with `try_lock` and gets `WouldBlock`. The Rust ways out: pass
//! the guard down to the code that needs the data, or take `parking_lot::ReentrantMutex`, Rust's
//! RLock (it hands out shared access only, so the count inside is a `Cell`).

use common::say;
use parking_lot::ReentrantMutex;
use std::cell::Cell;
use std::sync::{Mutex, TryLockError};

/// Python would take the lock again in here; Rust passes the guard's data down instead.
fn add_one(count: &mut u32) {
    *count += 1;
}

fn main() {
    let lock = Mutex::new(0_u32);
    let guard = lock.lock().expect("lock");
    let again = match lock.try_lock() {
        Err(TryLockError::WouldBlock) => "would block",
        Ok(_) => "taken",
        Err(TryLockError::Poisoned(_)) => "poisoned",
    };
    say!("a plain lock, taken again by its holder: {again}");
    drop(guard);

    let mut count = lock.lock().expect("lock");
    add_one(&mut count);
    add_one(&mut count);
    say!("the guard passed down, used twice: {}", *count);
    drop(count);

    let rlock = ReentrantMutex::new(Cell::new(0));
    let outer = rlock.lock();
    {
        let inner = rlock.lock(); // the same thread again: fine
        inner.set(inner.get() + 1);
    }
    outer.set(outer.get() + 1);
    say!("a reentrant lock, taken twice: {}", outer.get());
}
