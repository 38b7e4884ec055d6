//! The checker calls exercise 27's `two_rounds(workers, tasks)` with its own numbers.

#[allow(dead_code)]
#[path = "../27-wait-for-the-tasks/src/main.rs"]
mod learner;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    learner::two_rounds(args[0] as usize, args[1] as u32);
}
