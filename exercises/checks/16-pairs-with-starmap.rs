//! The checker calls exercise 16's `products(f, pairs)` with pairs and a function of its own,
//! which says where it ran.

mod args;

#[allow(dead_code)]
#[path = "../16-pairs-with-starmap/src/main.rs"]
mod learner;

use common::{current_process, say};

fn f(a: u64, b: u64) -> u64 {
    say!("work {a} in {}", current_process().name);
    a * 100 + b
}

fn main() {
    common::init();
    let args: [u64; 2] = args::numbers();
    let pairs: Vec<(u64, u64)> = (1..=args[0]).map(|a| (a, a + args[1])).collect();
    let shown: Vec<String> = learner::products(f, pairs)
        .iter()
        .map(u64::to_string)
        .collect();
    say!("result: {}", shown.join(" "));
}
