//! The checker calls exercise 16's `products(f, pairs)` with pairs and a function of its own,
//! which says where it ran.

#[allow(dead_code)]
#[path = "../16-pairs-with-starmap/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::{current_process, say};

fn f(a: u64, b: u64) -> u64 {
    say!("work {a} in {}", current_process().name);
    a * 100 + b
}

fn main() {
    common::init();
    let args: [u64; 2] = check_protocol::numbers();
    let pairs: Vec<(u64, u64)> = (1..=args[0]).map(|a| (a, a + args[1])).collect();
    let products = learner::products(f, pairs);
    let products = products.into_iter().map(|p| p as i64).collect();
    say!("{}", report(Found::Numbers(products)));
}
