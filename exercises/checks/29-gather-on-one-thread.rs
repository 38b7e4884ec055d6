//! The checker calls exercise 29's `gather_waits(n, wait_ms)` with its own numbers.

#[allow(dead_code)]
#[path = "../29-gather-on-one-thread/src/main.rs"]
mod learner;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    learner::gather_waits(args[0] as usize, args[1]);
}
