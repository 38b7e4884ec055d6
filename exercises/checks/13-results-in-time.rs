//! 검사기가 연습 13의 `collect_in_time(work, xs, timeout_ms)`를 자기 `work`로 부릅니다. 이
//! `work`는 어디서 돌았는지 알리고, 자기가 고른 일에서 멈춥니다.
//! The checker calls exercise 13's `collect_in_time(work, xs, timeout_ms)` with a `work` of its
//! own, which says where it ran and is stuck on the task it picks.

#[allow(dead_code)]
#[path = "../13-results-in-time/src/main.rs"]
mod learner;

use common::{current_process, say};
use std::time::Duration;

/// 멈출 일: 작업 프로세스가 자기 명령줄에서 직접 셈. main에서 전역에 넣어 두면 fork로 시작한
/// 작업 프로세스만 그 값을 보고, spawn이나 forkserver로 시작한 작업 프로세스는 못 봄.
/// The stuck task, worked out by each worker from its own command line: a global that main
/// sets would reach only the workers a fork starts, not those of spawn or forkserver.
fn stuck() -> u64 {
    let [_, stuck, _]: [u64; 3] = check_protocol::numbers();
    (stuck + 1) * 2
}

fn work(x: u64) -> u64 {
    say!("work {x} in {}", current_process().name);
    if x == stuck() {
        // 멈춘 동안 다른 일은 곧 끝나고 아무 일도 없습니다. main 프로세스가 몇 번 잠드는지 검사기가
        // 지켜봅니다.
        // While it is stuck, the other tasks are soon done and nothing happens: the checker
        // watches how often the main process goes to sleep.
        common::trace::watch_main(Duration::from_secs(30));
    }
    x * 10 + 1
}

fn main() {
    common::init();
    let args: [u64; 3] = check_protocol::numbers();
    let (tasks, stuck, timeout_ms) = (args[0], args[1], args[2]);
    let xs: Vec<u64> = (1..=tasks).map(|i| i * 2).collect();
    assert_eq!(xs[stuck as usize], self::stuck());
    learner::collect_in_time(work, &xs, timeout_ms);
}
