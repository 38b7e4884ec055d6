//! The checker calls exercise 18's `drain(producers, items)` with its own numbers.

#[allow(dead_code)]
#[path = "../18-drain-the-queue/src/main.rs"]
mod learner;

use common::say;

fn main() {
    common::init();
    let args: Vec<u32> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    say!("result: {}", learner::drain(args[0] as usize, args[1]));
}
