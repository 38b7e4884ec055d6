//! The checker calls exercise 31's `sum_in_threads(items, adders)` with a list of its own.

mod args;

#[allow(dead_code)]
#[path = "../31-arc-not-rc/src/main.rs"]
mod learner;

use common::say;

fn main() {
    let args: [u64; 3] = args::numbers();
    let (len, adders, factor) = (args[0], args[1], args[2]);
    let items: Vec<u64> = (1..=len).map(|i| i * factor).collect();
    say!(
        "result: {}",
        learner::sum_in_threads(items, adders as usize)
    );
}
