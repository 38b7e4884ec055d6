//! Wrong (from the blind review): polling `ready()` with 10 ms sleeps up to a deadline of its own
//! (it hung on the pool's `ready()`, which looked at nothing, until that was mended).
//! Named: is not waiting

use common::pool::{AsyncResult, Pool};
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
        while !result.ready() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        if result.ready() {
            match result.get() {
                Ok(y) => say!("task {x}: {y}"),
                Err(error) => say!("task {x}: {error}"),
            }
        } else {
            say!("task {x}: timed out");
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
