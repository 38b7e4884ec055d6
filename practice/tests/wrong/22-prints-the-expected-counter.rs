//! Wrong: the expected counter printed, and nothing added.

use common::say;
use std::sync::Mutex;

pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64) {
    let _ = (counter, threads, times, add_one);
}

fn main() {
    let counter = Mutex::new(0);
    add_under_a_lock(&counter, 2, 1_000_000, |n| n + 1);
    let _ = counter;
    say!("counter: 2000000");
}
