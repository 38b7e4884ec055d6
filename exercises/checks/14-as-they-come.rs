//! 검사기가 연습 14의 `print_as_they_come(work, xs)`를 자기 `work`로 부릅니다. 마지막 일은
//! 1.5초, 나머지는 100ms 걸리고, 일마다 시작과 끝("task x starts", "task x ends"), 어디서
//! 끝났는지를 출력합니다. 가장 먼저 시작한 일은 다른 일이 시작할 때까지 기다립니다(`meet.rs`).
//!
//! The checker calls exercise 14's `print_as_they_come(work, xs)` with a `work` of its own: the
//! last task takes 1.5 s, the others 100 ms, and each prints its start and end ("task x starts",
//! "task x ends") and where it finished. The task that starts first waits for another to start (`meet.rs`).

#[allow(dead_code)]
#[path = "../14-as-they-come/src/main.rs"]
mod learner;

use common::{current_process, say};
use std::time::Duration;

mod meet;

/// 마지막 일: 작업 프로세스가 자기 명령줄에서 직접 셈(전역은 fork로 시작한 작업 프로세스에만 닿음).
/// The last task, worked out by each worker from its own command line (a global that main sets
/// would reach only the workers a fork starts).
fn last() -> u64 {
    let [tasks]: [u64; 1] = check_protocol::numbers();
    tasks * 5
}

fn work(x: u64) -> u64 {
    say!("task {x} starts");
    // 마지막 일은 1.5초, 나머지는 100ms: 풀이 일을 나란히 맡기면 둘이 함께 돎.
    // The last task takes 1.5 s, the others 100 ms: a pool that hands them out side by side
    // runs two at once.
    let ms = if x == last() { 1_500 } else { 100 };
    let running = meet::running(x);
    std::thread::sleep(Duration::from_millis(ms));
    drop(running);
    say!("task {x} ends");
    say!("work {x} in {} finished", current_process().name);
    x * 10 + 1
}

fn main() {
    common::init();
    let args: [u64; 1] = check_protocol::numbers();
    let xs: Vec<u64> = (1..=args[0]).map(|i| i * 5).collect();
    assert_eq!(xs.last(), Some(&last()));
    learner::print_as_they_come(work, &xs);
    meet::clean_up();
}
