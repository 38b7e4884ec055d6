//! The checker calls exercise 27's `two_rounds(workers, tasks)` with its own numbers.

#[allow(dead_code)]
#[path = "../27-wait-for-the-tasks/src/main.rs"]
mod learner;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    learner::two_rounds(args[0] as usize, args[1] as u32);
}
