//! The checker calls exercise 03's `count_together(threads, times)` with its own numbers.

#[allow(dead_code)]
#[path = "../03-count-together/src/main.rs"]
mod learner;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let total = learner::count_together(args[0] as usize, args[1]);
    common::say!("result: {total}");
}
