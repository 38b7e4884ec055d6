//! 잘못된 풀이(세 번째 블라인드 리뷰): most를 무시하고 maxtasksperchild(1)로 일마다 새 작업 프로세스를 띄웁니다.
//! Wrong (from the third blind review): most ignored, maxtasksperchild(1): a fresh worker for
//! every task.
//! Named: no worker did
//! 연습 15 — 새 작업 프로세스로 바꾸기 (Pool — maxtasksperchild)
//! Exercise 15 — fresh workers (the Pool: maxtasksperchild)
//!
//! 할 일: `with_fresh_workers(work, xs, most)`는 작업 프로세스 두 개짜리 풀에서 `xs`의 값마다
//! `work`를 돌리고(한 번에 하나씩, chunk 1), 결과를 입력 순서대로 돌려줍니다. `work`는 작업
//! 프로세스 안에 캐시를 쌓는데 비우지 않습니다(메모리가 새는 라이브러리처럼). 작업 프로세스
//! 하나가 일을 `most`개보다 많이 하지 않게 하세요. 일을 그만큼 마친 작업 프로세스는 물러나고 새
//! 프로세스가 자리를 잇습니다(파이썬의 `Pool(2, maxtasksperchild=most)`). 지금은 두 작업
//! 프로세스가 모든 일을 합니다. 검사기는 이 함수를 다른 값으로도 부릅니다.
//! Task: `with_fresh_workers(work, xs, most)` runs `work` on each value of `xs` in a pool of two
//! workers (one at a time, chunks of 1) and returns the results in the inputs' order. `work` piles
//! up a cache in the worker and never empties it (as a leaking library would). Let no worker do
//! more than `most` tasks: a worker that has done that many retires, and a new process takes its
//! place (Python's `Pool(2, maxtasksperchild=most)`). Today the two workers do every task. The
//! checker calls the function with other numbers too.
//!
//! 확인 / Check: `cargo run -p practice -- check 15`

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};
use std::sync::Mutex;

pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64> {
    let _ = most;
    let pool = Pool::builder()
        .processes(2)
        .maxtasksperchild(1)
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
