//! The checker calls exercise 24's `at_most_two(workers, inside_ms)` with its own numbers.

mod args;

#[allow(dead_code)]
#[path = "../24-two-at-a-time/src/main.rs"]
mod learner;

fn main() {
    let args: [u64; 2] = args::numbers();
    learner::at_most_two(args[0] as usize, args[1]);
}
