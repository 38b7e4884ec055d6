//! The checker calls exercise 14's `print_as_they_come(work, xs)` with a `work` of its own: the
//! last task takes 1.5 s, and each says where it ran and when it finished.

#[allow(dead_code)]
#[path = "../14-as-they-come/src/main.rs"]
mod learner;

use common::{current_process, say};
use std::time::Duration;

/// 마지막 일: 작업 프로세스가 자기 명령줄에서 직접 셈(전역은 fork로 시작한 작업 프로세스에만 닿음).
/// The last task, worked out by each worker from its own command line (a global that main sets
/// would reach only the workers a fork starts).
fn last() -> u64 {
    let [tasks]: [u64; 1] = check_protocol::numbers();
    tasks * 5
}

fn work(x: u64) -> u64 {
    if x == last() {
        std::thread::sleep(Duration::from_millis(1500));
    }
    say!("work {x} in {} finished", current_process().name);
    x * 10 + 1
}

fn main() {
    common::init();
    let args: [u64; 1] = check_protocol::numbers();
    let xs: Vec<u64> = (1..=args[0]).map(|i| i * 5).collect();
    assert_eq!(xs.last(), Some(&last()));
    learner::print_as_they_come(work, &xs);
}
