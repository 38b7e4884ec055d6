//! What a process did to shared state, counted for the checker (written into its own
//! `process_exit`): its uses of shared memory and proxies, its writes made holding no shared
//! `Lock`, the `Lock`s it took, the messages it took off a pipe, its proxy calls that wrote.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

thread_local! {
    /// How many shared `Lock`s this thread holds.
    static LOCKS_HELD: Cell<u32> = const { Cell::new(0) };
}

/// In a new child: every count starts at 0 (a forked child inherits its parent's).
pub(super) fn start_afresh() {
    for count in [
        &SHARED_ACCESSES,
        &UNLOCKED_WRITES,
        &LOCKS_TAKEN,
        &RECEIVED,
        &PROXY_WRITES,
    ] {
        count.store(0, Ordering::Relaxed);
    }
}

/// Counts one use of shared memory or of a proxy.
pub(super) fn shared_accessed() {
    SHARED_ACCESSES.fetch_add(1, Ordering::Relaxed);
}

/// Uses of shared state by this process (since it started, for a child).
static SHARED_ACCESSES: AtomicU64 = AtomicU64::new(0);

/// How many times this process read or wrote a shared `Value` or `Array`, or called a proxy.
pub(crate) fn shared_accesses() -> u64 {
    SHARED_ACCESSES.load(Ordering::Relaxed)
}

/// Writes of shared memory by this process made while its thread held no shared `Lock` (since
/// it started, for a child).
static UNLOCKED_WRITES: AtomicU64 = AtomicU64::new(0);

/// How many times this process wrote a shared `Value` or `Array` holding no shared `Lock`.
pub(crate) fn unlocked_writes() -> u64 {
    UNLOCKED_WRITES.load(Ordering::Relaxed)
}

/// Shared `Lock`s this process took (since it started, for a child).
static LOCKS_TAKEN: AtomicU64 = AtomicU64::new(0);

/// How many times this process took a shared `Lock`.
pub(crate) fn locks_taken() -> u64 {
    LOCKS_TAKEN.load(Ordering::Relaxed)
}

/// Called as this thread takes (`true`) or gives back (`false`) a shared `Lock`.
pub(crate) fn lock_held(taken: bool) {
    if taken {
        LOCKS_TAKEN.fetch_add(1, Ordering::Relaxed);
    }
    LOCKS_HELD.with(|held| {
        held.set(if taken {
            held.get() + 1
        } else {
            held.get().saturating_sub(1)
        })
    });
}

/// Calls through a manager's proxy that changed what the object holds (since it started, for a
/// child).
static PROXY_WRITES: AtomicU64 = AtomicU64::new(0);

/// How many of this process's proxy calls wrote (a dict's `set`, a list's `append`...).
pub(crate) fn proxy_writes() -> u64 {
    PROXY_WRITES.load(Ordering::Relaxed)
}

/// Called at a proxy's call that writes.
pub(crate) fn proxy_write() {
    PROXY_WRITES.fetch_add(1, Ordering::Relaxed);
}

/// Messages this process took off a pipe's `Connection` (since it started, for a child).
static RECEIVED: AtomicU64 = AtomicU64::new(0);

/// How many messages this process received on a `Connection`.
pub(crate) fn received() -> u64 {
    RECEIVED.load(Ordering::Relaxed)
}

/// Called as a `Connection` hands over a message: the checker's proof that a child read what it
/// was sent, rather than making up its answers.
pub(crate) fn message_received() {
    RECEIVED.fetch_add(1, Ordering::Relaxed);
}

/// Called at a write of shared memory (not an atomic add): counts it if this thread holds no
/// shared `Lock`, so that the checker sees whether a child's read-then-write was locked.
pub(crate) fn shared_write() {
    if LOCKS_HELD.with(Cell::get) == 0 {
        UNLOCKED_WRITES.fetch_add(1, Ordering::Relaxed);
    }
}
