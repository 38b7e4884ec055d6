//! The checker calls exercise 17's `each_on_its_own(work, xs)` with a `work` of its own: one
//! task panics and one crashes its worker, at places it picks; each task says where it ran.

#[allow(dead_code)]
#[path = "../17-keep-the-other-results/src/main.rs"]
mod learner;

use common::{current_process, say};
use std::sync::atomic::{AtomicU64, Ordering};

static PANICS: AtomicU64 = AtomicU64::new(0);
static CRASHES: AtomicU64 = AtomicU64::new(0);

fn work(x: u64) -> u64 {
    say!("work {x} in {}", current_process().name);
    if x == PANICS.load(Ordering::Relaxed) {
        panic!("the checker's task {x} fails");
    }
    if x == CRASHES.load(Ordering::Relaxed) {
        std::process::abort();
    }
    x * 10 + 1
}

fn main() {
    common::init();
    let args: [u64; 3] = check_protocol::numbers();
    let (tasks, panics, crashes) = (args[0], args[1], args[2]);
    let xs: Vec<u64> = (1..=tasks).map(|i| i * 7).collect();
    PANICS.store(xs[panics as usize], Ordering::Relaxed);
    CRASHES.store(xs[crashes as usize], Ordering::Relaxed);
    learner::each_on_its_own(work, &xs);
}
