//! Wrong: results taken in time, then the pool closed and joined: join waits for the stuck
//! task: a hang.

use common::pool::{AsyncResult, Pool, PoolError};
use common::say;
use std::time::Duration;

pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64) {
    let pool = Pool::new(xs.len()).expect("start the pool"); // a worker for each task
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
    pool.close();
    pool.join().expect("join the pool"); // Python's habit: close, then join
}

/// Task 3 is stuck.
fn work(x: u64) -> u64 {
    if x == 3 {
        std::thread::sleep(Duration::from_secs(60));
    }
    x * x
}

fn main() {
    common::init(); // if __name__ == '__main__':
    collect_in_time(work, &[1, 2, 3, 4, 5], 2000);
}
