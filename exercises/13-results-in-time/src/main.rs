//! 연습 13 — 시간 안에 결과 받기 (Pool — apply_async와 get(timeout))
//! Exercise 13 — results in time (the Pool: apply_async and get(timeout))
//!
//! 할 일: `collect_in_time(work, xs, timeout_ms)`는 `xs`의 값마다 `apply_async`로 풀에 일을 주고,
//! 결과마다 "task x: y"를 출력합니다. 일 하나는 멈춰서 끝나지 않습니다. `timeout_ms` 안에 오지 않는
//! 결과는 "task x: timed out"을 출력하고 넘어가세요(파이썬의 `get(timeout)`). 그리고 멈춘 일을 기다리지
//! 말고 풀을 끝내세요(`terminate`). 지금은 `get()`이 영영 기다립니다. 검사기는 어느 일이 멈추는지
//! 모르는 자기 `work`로 이 함수를 부릅니다.
//! Task: `collect_in_time(work, xs, timeout_ms)` gives the pool a task per value of `xs` with
//! `apply_async`, and prints "task x: y" for each result. One task is stuck and never ends. For a
//! result not in within `timeout_ms`, print "task x: timed out" and go on (Python's
//! `get(timeout)`); then end the pool without waiting for the stuck task (`terminate`). Today
//! `get()` waits forever. The checker calls the function with a `work` of its own, stuck on a
//! task you do not know.
//!
//! 확인 / Check: `cargo run -p practice -- check 13`

use common::pool::{AsyncResult, Pool};
use common::say;
use std::time::Duration;

pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64) {
    let pool = Pool::new(xs.len()).expect("start the pool"); // 일마다 작업 프로세스 하나 (a worker for each task)
    let pending: Vec<(u64, AsyncResult<u64>)> = xs
        .iter()
        .map(|&x| (x, pool.apply_async(work, x).expect("apply_async")))
        .collect();
    for (x, result) in &pending {
        // TODO: 최대 timeout_ms만 기다리고, 그 안에 오지 않으면 "task x: timed out"을 출력하세요.
        //       wait at most timeout_ms; then print "task x: timed out".
        match result.get() {
            Ok(y) => say!("task {x}: {y}"),
            Err(error) => say!("task {x}: {error}"),
        }
    }
    pool.close();
    pool.join().expect("join the pool"); // TODO: 멈춘 일은 끝나지 않습니다. (the stuck task never ends)
}

/// 3번 일은 멈춰 버립니다.
/// Task 3 is stuck.
fn work(x: u64) -> u64 {
    if x == 3 {
        std::thread::sleep(Duration::from_secs(60));
    }
    x * x
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    collect_in_time(work, &[1, 2, 3, 4, 5], 2000);
}
