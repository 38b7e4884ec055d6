//! The checker calls exercise 28's `submit_all(xs, work)` with a `work` of its own: one task, at a
//! place it picks, takes 1.5 s; the others are done at once. Each says when it finished.

#[allow(dead_code)]
#[path = "../28-as-completed/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

static SLOW: AtomicU64 = AtomicU64::new(0);

fn work(x: u64) -> u64 {
    if x == SLOW.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(1500));
    }
    say!("work {x} finished");
    x * 10 + 1
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let (tasks, slow) = (args[0], args[1]);
    let xs: Vec<u64> = (1..=tasks).map(|i| i * 3).collect();
    SLOW.store(xs[slow as usize], Ordering::Relaxed);
    let results = learner::submit_all(&xs, work);
    let results = results.into_iter().map(|r| r as i64).collect();
    say!("{}", report(Found::Numbers(results)));
}
