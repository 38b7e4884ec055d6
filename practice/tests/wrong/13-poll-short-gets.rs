//! Wrong (from the blind review): polling with `get_timeout(10 ms)` and a sleep up to a deadline
//! of its own, in place of one timed get per result.
//! Named: is not waiting

use common::pool::{AsyncResult, Pool, PoolError};
use common::say;
use std::time::{Duration, Instant};

pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64) {
    let pool = Pool::new(xs.len()).expect("start the pool"); // a worker for each task
    let pending: Vec<(u64, AsyncResult<u64>)> = xs
        .iter()
        .map(|&x| (x, pool.apply_async(work, x).expect("apply_async")))
        .collect();
    for (x, result) in &pending {
        let deadline = Instant::now() + Duration::from_millis(timeout_ms);
        loop {
            match result.get_timeout(Duration::from_millis(10)) {
                Ok(y) => {
                    say!("task {x}: {y}");
                    break;
                }
                Err(PoolError::Timeout) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(PoolError::Timeout) => {
                    say!("task {x}: timed out");
                    break;
                }
                Err(error) => {
                    say!("task {x}: {error}");
                    break;
                }
            }
        }
    }
    pool.terminate();
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
