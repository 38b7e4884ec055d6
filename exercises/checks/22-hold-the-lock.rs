//! The checker calls exercise 22's `add_under_a_lock(counter, threads, times, add_one)` with a
//! counter and an `add_one` of its own, and prints what the counter holds afterwards and how many
//! additions each thread made through its `add_one`, the calling thread apart: a total worked
//! out without the threads' additions shows.

#[allow(dead_code)]
#[path = "../22-hold-the-lock/src/main.rs"]
mod learner;

use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};

/// Every thread that called `add_one`, with its count, registered at its first call.
static ADDERS: Mutex<Vec<(ThreadId, Arc<AtomicU64>)>> = Mutex::new(Vec::new());

thread_local! {
    static MINE: Arc<AtomicU64> = {
        let mine = Arc::new(AtomicU64::new(0));
        let me = (thread::current().id(), Arc::clone(&mine));
        ADDERS.lock().expect("the adders").push(me);
        mine
    };
}

fn add_one(n: u64) -> u64 {
    MINE.with(|mine| mine.fetch_add(1, Ordering::Relaxed));
    n + 1
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let counter = Mutex::new(0);
    learner::add_under_a_lock(&counter, args[0] as usize, args[1], add_one);
    say!("result: {}", counter.into_inner().expect("the counter"));
    // The threads were joined before the function returned: their counts are all in.
    let caller = thread::current().id();
    let adders = ADDERS.lock().expect("the adders");
    let count = |(_, n): &(ThreadId, Arc<AtomicU64>)| n.load(Ordering::Relaxed);
    let mut others: Vec<u64> = adders.iter().filter(|a| a.0 != caller).map(count).collect();
    others.sort_unstable_by(|a, b| b.cmp(a));
    let by_caller: u64 = adders.iter().filter(|a| a.0 == caller).map(count).sum();
    say!("additions by other threads: {others:?}");
    say!("additions by the caller: {by_caller}");
}
