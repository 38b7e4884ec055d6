//! The checker calls exercise 19's `square_over_a_pipe(jobs)` with jobs of its own.

#[allow(dead_code)]
#[path = "../19-the-end-marker/src/main.rs"]
mod learner;

use common::say;

fn main() {
    common::init();
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let jobs: Vec<u64> = (0..args[0]).map(|i| args[1] + i * 7).collect();
    say!("result: {}", learner::square_over_a_pipe(&jobs));
}
