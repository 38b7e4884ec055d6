//! 연습 15의 풀이 — 풀 빌더의 `maxtasksperchild`: 일을 `most`개 한 작업 프로세스는 캐시와 함께
//! 끝나고, 풀이 새 프로세스를 fork합니다.
//!
//! Exercise 15, a solution: `maxtasksperchild` on the pool's builder: a worker
//! that has done `most` tasks ends, its cache with it, and the pool forks a fresh one.

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};
use std::sync::Mutex;

pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64> {
    let pool = Pool::builder()
        .processes(2)
        .maxtasksperchild(most) // 작업 프로세스는 `most`개를 하고 물러남 (a worker retires after `most` tasks)
        .build()
        .expect("start the pool");
    pool.map_chunked(work, xs, 1).expect("map")
}

/// 작업 프로세스마다 하나씩 있는, 커지기만 하는 캐시.
/// A cache that only grows, one per worker process.
static CACHE: Mutex<Vec<u64>> = Mutex::new(Vec::new());

fn square(x: u64) -> u64 {
    let mut cache = CACHE.lock().expect("the cache");
    cache.push(x);
    say!("{} holds {} items", current_process().name, cache.len());
    x * x
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let squares = with_fresh_workers(square, (1..=8).collect(), 2);
    say!("squares: {}", Py(&squares));
}
