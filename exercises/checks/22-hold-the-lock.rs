//! The checker calls exercise 22's `add_under_a_lock(counter, threads, times)` with a counter of
//! its own, and prints what the counter holds afterwards.

#[allow(dead_code)]
#[path = "../22-hold-the-lock/src/main.rs"]
mod learner;

use common::say;
use std::sync::Mutex;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let counter = Mutex::new(0);
    learner::add_under_a_lock(&counter, args[0] as usize, args[1]);
    say!("result: {}", counter.into_inner().expect("the counter"));
}
