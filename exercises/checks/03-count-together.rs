//! The checker calls exercise 03's `count_together(threads, times, one)` with its own numbers and
//! a `one` of its own, and prints the total and how many additions each thread made through
//! `one`, the calling thread apart.

#[allow(dead_code)]
#[path = "../03-count-together/src/main.rs"]
mod learner;

mod adders;

fn one() -> u64 {
    adders::count();
    1
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let total = learner::count_together(args[0] as usize, args[1], one);
    common::say!("{}", check_protocol::report(adders::found(total)));
}
