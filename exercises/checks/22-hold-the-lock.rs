//! The checker calls exercise 22's `add_under_a_lock(counter, threads, times, add_one)` with a
//! counter and an `add_one` of its own, and prints what the counter holds afterwards and how many
//! additions each thread made through its `add_one`, the calling thread apart.

#[allow(dead_code)]
#[path = "../22-hold-the-lock/src/main.rs"]
mod learner;

mod adders;

use std::sync::Mutex;

fn add_one(n: u64) -> u64 {
    adders::count();
    n + 1
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let counter = Mutex::new(0);
    learner::add_under_a_lock(&counter, args[0] as usize, args[1], add_one);
    let total = counter.into_inner().expect("the counter");
    common::say!("{}", check_protocol::report(adders::found(total)));
}
