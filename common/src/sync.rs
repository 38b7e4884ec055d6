//! What Python's `threading` has and Rust's `std` does not: a counting [`Semaphore`] and an
//! [`Event`], each a `Mutex` and a `Condvar`.
//!
//! Why here and not a crate: the semaphore crates for plain threads are either unmaintained
//! (`std-semaphore`, deprecated with std's own) or async (`tokio::sync::Semaphore`, which needs a
//! runtime); and both types are a dozen lines on std's primitives, short enough to read as a
//! lesson in `Condvar`. Each waits in a `while` loop: a `Condvar` may wake a waiter spuriously.

use std::sync::{Condvar, Mutex, MutexGuard};

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding it leaves a plain count or flag, still meaningful.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Python's `threading.Semaphore(n)`: at most `n` holders at once.
///
/// ```
/// let two = common::sync::Semaphore::new(2);
/// let a = two.acquire();
/// let b = two.acquire();
/// assert!(two.try_acquire().is_none());
/// drop(a);
/// assert!(two.try_acquire().is_some());
/// # drop(b);
/// ```
#[derive(Debug)]
pub struct Semaphore {
    free: Mutex<usize>,
    released: Condvar,
}

/// A held place of a [`Semaphore`]; dropping it releases the place (Python's `release()`, or the
/// end of a `with sem:` block).
#[derive(Debug)]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// A semaphore with `places` free places.
    pub fn new(places: usize) -> Self {
        Semaphore {
            free: Mutex::new(places),
            released: Condvar::new(),
        }
    }

    /// Waits for a free place and takes it: Python's `acquire()` or `with sem:`.
    pub fn acquire(&self) -> Permit<'_> {
        let mut free = lock(&self.free);
        while *free == 0 {
            free = self
                .released
                .wait(free)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        *free -= 1;
        Permit { semaphore: self }
    }

    /// Takes a place if one is free now: Python's `acquire(blocking=False)`.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut free = lock(&self.free);
        (*free > 0).then(|| {
            *free -= 1;
            Permit { semaphore: self }
        })
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *lock(&self.semaphore.free) += 1;
        self.semaphore.released.notify_one();
    }
}

/// Python's `threading.Event`: a flag that threads can wait for.
///
/// ```
/// let event = common::sync::Event::new();
/// assert!(!event.is_set());
/// event.set();
/// event.wait(); // returns at once: it is set
/// ```
#[derive(Debug, Default)]
pub struct Event {
    flag: Mutex<bool>,
    changed: Condvar,
}

impl Event {
    /// A flag that is not set.
    pub fn new() -> Self {
        Event::default()
    }

    /// Sets the flag and wakes every waiter: Python's `set()`.
    pub fn set(&self) {
        *lock(&self.flag) = true;
        self.changed.notify_all();
    }

    /// Clears the flag: Python's `clear()`.
    pub fn clear(&self) {
        *lock(&self.flag) = false;
    }

    /// Whether the flag is set: Python's `is_set()`.
    pub fn is_set(&self) -> bool {
        *lock(&self.flag)
    }

    /// Waits until the flag is set: Python's `wait()`.
    pub fn wait(&self) {
        let mut flag = lock(&self.flag);
        while !*flag {
            flag = self
                .changed
                .wait(flag)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_semaphore_never_lets_more_than_its_places_in() {
        let semaphore = Semaphore::new(2);
        let (inside, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..200 {
                        let _permit = semaphore.acquire();
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::yield_now();
                        inside.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        let most = most.load(Ordering::SeqCst);
        assert!((1..=2).contains(&most), "{most} inside at once");
    }

    #[test]
    fn every_waiter_wakes_when_the_event_is_set() {
        let event = Event::new();
        let woke = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    event.wait();
                    woke.fetch_add(1, Ordering::SeqCst);
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            assert_eq!(woke.load(Ordering::SeqCst), 0);
            event.set();
        });
        assert_eq!(woke.load(Ordering::SeqCst), 4);
    }
}
