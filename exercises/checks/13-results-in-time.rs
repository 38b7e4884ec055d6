//! The checker calls exercise 13's `collect_in_time(work, xs, timeout_ms)` with a `work` of its
//! own, which says where it ran and is stuck on the task it picks.

#[allow(dead_code)]
#[path = "../13-results-in-time/src/main.rs"]
mod learner;

use common::{current_process, say};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

static STUCK: AtomicU64 = AtomicU64::new(0);

fn work(x: u64) -> u64 {
    say!("work {x} in {}", current_process().name);
    if x == STUCK.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_secs(30));
    }
    x * 10 + 1
}

fn main() {
    common::init();
    let args: [u64; 3] = check_protocol::numbers();
    let (tasks, stuck, timeout_ms) = (args[0], args[1], args[2]);
    let xs: Vec<u64> = (1..=tasks).map(|i| i * 2).collect();
    STUCK.store(xs[stuck as usize], Ordering::Relaxed);
    learner::collect_in_time(work, &xs, timeout_ms);
}
