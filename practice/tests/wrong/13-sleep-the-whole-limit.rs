//! 잘못된 풀이(두 번째 블라인드 리뷰): 시간 제한만큼 한 번 자고 나서 된 결과만 모읍니다. get(timeout)으로 결과마다 기다리지 않습니다.
//! Wrong (from the second blind review): one sleep of the whole time limit, then whatever is
//! ready: no get(timeout) for each result.
//! Named: printed only once the time limit had passed

use common::pool::{AsyncResult, Pool};
use common::say;
use std::time::Duration;

pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64) {
    let pool = Pool::new(xs.len()).expect("start the pool");
    let pending: Vec<(u64, AsyncResult<u64>)> = xs
        .iter()
        .map(|&x| (x, pool.apply_async(work, x).expect("apply_async")))
        .collect();
    std::thread::sleep(Duration::from_millis(timeout_ms));
    for (x, result) in &pending {
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

fn work(x: u64) -> u64 {
    if x == 3 {
        std::thread::sleep(Duration::from_secs(60));
    }
    x * x
}

fn main() {
    common::init();
    collect_in_time(work, &[1, 2, 3, 4, 5], 2000);
}
