//! 연습 13의 풀이 — `get_timeout`은 그때까지 오지 않은 결과를 포기하고(`PoolError::Timeout`),
//! `terminate`는 멈춘 것까지 작업 프로세스를 모두 끝냅니다.
//!
//! Exercise 13, a solution: `get_timeout` gives up on a result that is not in by
//! then (`PoolError::Timeout`), and `terminate` ends the workers, the stuck one too.

use common::pool::{AsyncResult, Pool, PoolError};
use common::say;
use std::time::Duration;

pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64) {
    let pool = Pool::new(xs.len()).expect("start the pool"); // 일마다 작업 프로세스 하나 (a worker for each task)
    let pending: Vec<(u64, AsyncResult<u64>)> = xs
        .iter()
        .map(|&x| (x, pool.apply_async(work, x).expect("apply_async")))
        .collect();
    for (x, result) in &pending {
        match result.get_timeout(Duration::from_millis(timeout_ms)) {
            Ok(y) => say!("task {x}: {y}"),
            Err(PoolError::Timeout) => say!("task {x}: timed out"),
            Err(error) => say!("task {x}: {error}"),
        }
    }
    pool.terminate(); // 멈춘 일은 스스로 끝나지 않음 (the stuck task will not end by itself)
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
