//! The checker calls exercise 24's `at_most_two(workers, inside_ms)` with its own numbers.

#[allow(dead_code)]
#[path = "../24-two-at-a-time/src/main.rs"]
mod learner;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    learner::at_most_two(args[0] as usize, args[1]);
}
