//! Python's `multiprocessing.Lock`: a futex in shared memory.

use super::segment::Segment;
use nix::libc;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicI32, Ordering};

/// A lock that works across processes: Python's `multiprocessing.Lock`, as `Value`'s `get_lock()`
/// uses it. One atomic in its own shared segment, and a futex to sleep on while another process
/// holds it (the same mechanism glibc's process-shared mutexes use). A process that dies holding
/// it leaves it held, as with Python's. It travels to a child as [`Value`](super::Value) does (the futex works
/// across processes because it is keyed by the shared file, not by an address). A clone is the
/// same lock.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Lock {
    /// 0: free; 1: held; 2: held, and someone may be sleeping on it.
    state: Segment<i32>,
}

/// A held [`Lock`]; dropping it releases the lock (the end of Python's `with lock:`).
#[derive(Debug)]
pub struct LockGuard<'a> {
    lock: &'a Lock,
}

impl Lock {
    /// A new, free lock in shared memory.
    pub fn new() -> std::io::Result<Self> {
        Ok(Lock {
            state: Segment::new(&[0]),
        })
    }

    /// Takes the lock if it is free, without waiting: Python's `acquire(block=False)`.
    ///
    /// ```
    /// let lock = common::shm::Lock::new().unwrap();
    /// let held = lock.try_acquire().expect("free");
    /// assert!(lock.try_acquire().is_none());
    /// drop(held);
    /// ```
    pub fn try_acquire(&self) -> Option<LockGuard<'_>> {
        self.state
            .atomic(0)
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| LockGuard { lock: self })
    }

    /// Waits until the lock is free and takes it: Python's `acquire()` or `with lock:`.
    ///
    /// ```
    /// let lock = common::shm::Lock::new().unwrap();
    /// let guard = lock.acquire();
    /// drop(guard);
    /// let _again = lock.acquire();
    /// ```
    pub fn acquire(&self) -> LockGuard<'_> {
        let state = self.state.atomic(0);
        if state
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            // Mark it contended, and sleep until the holder wakes us, as long as it stays held.
            while state.swap(2, Ordering::Acquire) != 0 {
                futex(state, libc::FUTEX_WAIT, 2);
            }
        }
        crate::perturb::lock_held(true);
        LockGuard { lock: self }
    }
}

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        crate::perturb::lock_held(false);
        let state = self.lock.state.atomic(0);
        if state.swap(0, Ordering::Release) == 2 {
            futex(state, libc::FUTEX_WAKE, 1);
        }
    }
}

/// `futex(2)` on a shared (not process-private) word: `FUTEX_WAIT` sleeps while it holds `value`;
/// `FUTEX_WAKE` wakes up to `value` sleepers. Errors (`EAGAIN`: it changed; `EINTR`) mean "look
/// again", which the callers do.
fn futex(word: &AtomicI32, op: libc::c_int, value: i32) {
    // SAFETY: `word` is a live, aligned 32-bit atomic in a shared mapping, as the futex call
    // needs; a null timeout waits without limit, and the unused arguments are ignored for these
    // two operations.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            op,
            value,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u32>(),
            0,
        );
    }
}
