//! The checker calls exercise 09's `count_in_processes(processes, times)` with its own numbers.

#[allow(dead_code)]
#[path = "../09-count-in-four-processes/src/main.rs"]
mod learner;

fn main() {
    let args: Vec<i32> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let total = learner::count_in_processes(args[0] as usize, args[1]);
    common::say!("result: {total}");
}
