//! Looking for work before sleeping, only while that pays: [`Spin`], used by the manager's
//! server (`manager/server/events.rs`).
//!
//! A process waiting for another may look for what it waits for a moment (a nonblocking wait,
//! giving its CPU away between looks) before it sleeps. What is found while looking costs no
//! wake-up, and on a virtual machine an idle core's wake-up costs tens of µs (the bench's floor
//! rows). It pays only while answers come within the look and the looker keeps a core. With
//! more runnable processes than cores, a looker that gives its CPU away gets it back only after
//! another's time slice (milliseconds), and is not woken early as a sleeper is. Measured with
//! four busy loops on two cores (`bench/notes.md`): a manager set+get took 55–109 µs sleeping at
//! once, 1.9 ms looking after every request, and 89–108 µs with this record. So each miss
//! (nothing came within the budget, or it came only after this process had lost its CPU) makes
//! the next waits sleep at once: one after the first miss, then two, four, up to
//! [`MOST_SKIPPED`]; a hit (found after a yield, within the budget) starts again from none.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// How long one wait looks before it sleeps.
pub(crate) const BUDGET: Duration = Duration::from_micros(50);
/// The most waits that sleep at once after misses in a row.
const MOST_SKIPPED: u32 = 1024;

/// One waiter's record of whether looking has been paying.
#[derive(Debug, Default)]
pub(crate) struct Spin {
    /// Waits left that sleep at once.
    skip: Cell<u32>,
    /// How many waits the next miss skips (doubled at each miss in a row, 0 after a hit).
    penalty: Cell<u32>,
    /// Whether this wait has given its CPU away yet.
    yielded: Cell<bool>,
}

impl Spin {
    /// At the start of a wait: whether it looks before it sleeps.
    pub(crate) fn begin(&self) -> bool {
        self.yielded.set(false);
        match self.skip.get() {
            0 => true,
            left => {
                self.skip.set(left - 1);
                false
            }
        }
    }

    /// Between two looks of a wait that began at `started`: gives the CPU away and says to look
    /// again, or, once the budget is spent, counts a miss and says to sleep.
    pub(crate) fn again(&self, started: Instant) -> bool {
        if started.elapsed() < BUDGET {
            std::thread::yield_now();
            self.yielded.set(true);
            true
        } else {
            self.miss();
            false
        }
    }

    /// A look found what the wait that began at `started` waited for: a hit within the budget,
    /// a miss after it (this process was off its CPU while it looked). Found at the first look,
    /// before any yield, it says nothing about looking, and counts as neither.
    pub(crate) fn found(&self, started: Instant) {
        if !self.yielded.get() {
            return;
        }
        if started.elapsed() <= BUDGET {
            self.penalty.set(0);
        } else {
            self.miss();
        }
    }

    fn miss(&self) {
        let penalty = (self.penalty.get() * 2).clamp(1, MOST_SKIPPED);
        self.penalty.set(penalty);
        self.skip.set(penalty);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misses_in_a_row_skip_one_two_four_waits_and_a_hit_forgets_them() {
        let spin = Spin::default();
        let long_ago = Instant::now() - BUDGET * 2;
        let mut skipped = Vec::new();
        for _ in 0..3 {
            assert!(spin.begin());
            assert!(!spin.again(long_ago)); // nothing came within the budget
            skipped.push(std::iter::from_fn(|| (!spin.begin()).then_some(())).count());
        }
        assert_eq!(skipped, [1, 2, 4]);
        // A wait that began "later than now" is within the budget however long this test is
        // kept off its CPU (`elapsed` saturates at zero), so no timing luck is needed.
        let within = Instant::now() + Duration::from_secs(3600);
        assert!(spin.begin());
        assert!(spin.again(within)); // a look found nothing: yield, look again
        spin.found(within); // the next look found it, within the budget: a hit
        assert!(!spin.again(long_ago));
        assert!(!spin.begin(), "a miss after a hit skips one wait again");
        assert!(spin.begin());
    }

    #[test]
    fn the_skips_stop_growing() {
        let spin = Spin::default();
        let long_ago = Instant::now() - BUDGET * 2;
        for _ in 0..21 {
            while !spin.begin() {}
            spin.yielded.set(true); // it gave its CPU away, and got it back too late:
            spin.found(long_ago); // found, but past the budget
        }
        assert_eq!(
            std::iter::from_fn(|| (!spin.begin()).then_some(())).count(),
            1024
        );
    }

    #[test]
    fn found_at_the_first_look_counts_as_neither() {
        let spin = Spin::default();
        let long_ago = Instant::now() - BUDGET * 2;
        assert!(spin.begin());
        spin.found(long_ago); // no yield yet: not a miss, however long ago it began
        assert!(spin.begin());
    }
}
