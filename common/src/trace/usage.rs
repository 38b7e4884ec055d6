//! What a thread cost by its end: the `usage` a `thread_end` (and the main process's
//! `process_exit`) carries.

use serde::{Deserialize, Serialize};

/// What a thread cost by its end, from `getrusage(RUSAGE_THREAD)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// How many times it went to sleep of its own accord (a wait, a sleep, a blocking read):
    /// `ru_nvcsw`. A thread that waits once for one event has a few; one that polls, one per look.
    pub switches: u64,
    /// How many times the scheduler took the CPU from it while it could still run: `ru_nivcsw`.
    /// A thread that spins on a busy machine is taken off again and again; one asleep, never.
    pub preempted: u64,
    /// Its CPU time, user and system, in microseconds. A thread that spins burns its wait here
    /// (on an idle machine: on a busy one it gets its share, and is preempted instead).
    pub cpu_us: u64,
}

thread_local! {
    /// What this thread spent watching others ([`super::watch()`]): the checker's sampling, in
    /// steps, while the thread would otherwise sleep once. Left out of its usage.
    static SET_ASIDE: std::cell::Cell<Usage> = const { std::cell::Cell::new(Usage { switches: 0, preempted: 0, cpu_us: 0 }) };
}

/// Leaves `spent` out of this thread's usage from now on.
pub(super) fn set_aside(spent: Usage) {
    SET_ASIDE.with(|aside| {
        let was = aside.get();
        aside.set(Usage {
            switches: was.switches + spent.switches,
            preempted: was.preempted + spent.preempted,
            cpu_us: was.cpu_us + spent.cpu_us,
        });
    });
}

impl Usage {
    /// The calling thread's usage so far, less what it spent watching others (one sleep counts
    /// for each watch, as the sleep it stands for would).
    ///
    /// ```
    /// let usage = common::trace::Usage::of_this_thread();
    /// assert!(usage.cpu_us < 60_000_000);
    /// ```
    pub fn of_this_thread() -> Usage {
        use nix::sys::resource::{UsageWho, getrusage};
        match getrusage(UsageWho::RUSAGE_THREAD) {
            Ok(usage) => {
                let us =
                    |t: nix::sys::time::TimeVal| t.tv_sec() as u64 * 1_000_000 + t.tv_usec() as u64;
                let aside = SET_ASIDE.with(std::cell::Cell::get);
                Usage {
                    switches: (usage.voluntary_context_switches() as u64)
                        .saturating_sub(aside.switches),
                    preempted: (usage.involuntary_context_switches() as u64)
                        .saturating_sub(aside.preempted),
                    cpu_us: (us(usage.user_time()) + us(usage.system_time()))
                        .saturating_sub(aside.cpu_us),
                }
            }
            // Linux always has RUSAGE_THREAD; were it refused, nothing would be claimed.
            Err(_) => Usage::default(),
        }
    }
}
