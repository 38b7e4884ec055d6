//! The checker calls exercise 31's `sum_in_threads(items, adders)` with a list of its own.

#[allow(dead_code)]
#[path = "../31-arc-not-rc/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;

fn main() {
    let args: [u64; 3] = check_protocol::numbers();
    let (len, adders, factor) = (args[0], args[1], args[2]);
    let items: Vec<u64> = (1..=len).map(|i| i * factor).collect();
    let sum = learner::sum_in_threads(items, adders as usize);
    say!("{}", report(Found::Number(sum as i64)));
}
