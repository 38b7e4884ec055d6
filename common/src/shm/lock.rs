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

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Taken, it is not free; let go, it is free again (cargo-mutants' survivors: a
    /// `try_acquire` that never takes it, a guard whose drop lets nothing go).
    #[test]
    fn a_held_lock_is_not_free_and_a_dropped_guard_frees_it() {
        let lock = Lock::new().expect("a lock");
        let held = lock.try_acquire().expect("a new lock is free");
        assert!(lock.try_acquire().is_none(), "taken twice");
        drop(held);
        drop(
            lock.try_acquire()
                .expect("free again after the guard's drop"),
        );
        drop(lock.acquire());
        assert!(
            lock.try_acquire().is_some(),
            "free again after acquire's guard"
        );
    }

    /// A thread that waits for a held lock sleeps on it (no CPU to speak of while the holder
    /// keeps it 300 ms) and is woken when it is let go, within a wide 10 s (a waiter never
    /// woken, or one that spins, fails here rather than hanging the suite).
    #[test]
    fn a_waiter_sleeps_until_the_holder_lets_go() {
        let lock = Lock::new().expect("a lock");
        let held = lock.acquire();
        let (done, got) = std::sync::mpsc::channel();
        // Not scoped: a waiter never woken is left blocked, and the test fails at its bound.
        let waiter = lock.clone();
        std::thread::spawn(move || {
            let before = crate::trace::Usage::of_this_thread();
            let guard = waiter.acquire();
            let used = crate::trace::Usage::of_this_thread().cpu_us - before.cpu_us;
            drop(guard);
            let _ = done.send(used);
        });
        std::thread::sleep(Duration::from_millis(300));
        drop(held);
        let used = got
            .recv_timeout(Duration::from_secs(10))
            .expect("the waiter was never woken");
        // A spinner on two cores that are busy still gets tens of ms of the 300.
        assert!(used < 10_000, "the waiter used {used} µs of CPU: it spun");
    }
}
