//! 틀림(세 번째 눈가림 검토에서): main이 시간 제한을 준 `get` 한 번 대신
//! 300ms마다 `ready()`를 봅니다. 1초에 몇 번만 깨어나서 깨는 횟수만 세던 때는
//! 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): main looks at `ready()` every 300 ms until a deadline, in
//! place of one `get` with a time limit: it wakes only a few times a second, so it passed while
//! only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

use common::pool::{AsyncResult, Pool};
use common::say;
use std::time::{Duration, Instant};

pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64) {
    let pool = Pool::new(xs.len()).expect("start the pool");
    let pending: Vec<(u64, AsyncResult<u64>)> = xs
        .iter()
        .map(|&x| (x, pool.apply_async(work, x).expect("apply_async")))
        .collect();
    for (x, result) in &pending {
        let deadline = Instant::now() + Duration::from_millis(timeout_ms);
        while !result.ready() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(300));
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
