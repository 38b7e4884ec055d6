//! Pool 사용하기, after the notes — one pool for many calls: its workers are started once.
//!
//! 실행 / Run: `cargo run -p pool-reuse`
//! 눈여겨볼 점: `map` 두 번과 `apply_async`가 풀이 처음 시작한 작업자 넷의 PID에서 그대로 돕니다.
//! 파이썬의 `Pool(4)`가 작업자를 다시 쓰는 것과 같습니다. `maxtasksperchild(2)`를 주면 작업자는 일을
//! 두 개 하고 물러나고, 새 프로세스가 새 PID로 그 자리를 맡습니다.
//! Notice: two `map`s and an `apply_async` run on the same four worker PIDs the pool started
//! with, as Python's `Pool(4)` reuses its workers. With `maxtasksperchild(2)` each worker retires
//! after two tasks and a new process, with a new PID, takes its place.

use common::pool::Pool;
use common::python::Py;
use common::say;
use std::collections::BTreeSet;

fn square(x: u64) -> u64 {
    x * x
}

fn mul(a: u64, b: u64) -> u64 {
    a * b
}

/// 그 항목을 돌린 작업자가 누구인지 알려 줍니다.
/// Which worker ran the item.
fn worker_pid(_: u32) -> u32 {
    std::process::id()
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let pool = Pool::new(4).expect("start the pool");
    let pids: BTreeSet<u32> = pool.worker_pids().into_iter().collect();
    say!(
        "the pool's workers: {}",
        Py(&pids.iter().copied().collect::<Vec<_>>())
    );
    for call in 1..=2 {
        let ran_on: BTreeSet<u32> = pool
            .map(worker_pid, 0..100)
            .expect("map")
            .into_iter()
            .collect();
        say!(
            "map {call} ran on: {}",
            Py(&ran_on.into_iter().collect::<Vec<_>>())
        );
    }
    let later = pool.apply_async(worker_pid, 0).expect("apply_async");
    say!("apply_async ran on: {}", later.get().expect("get"));
    say!(
        "apply(square, 7): {}",
        pool.apply(square, 7).expect("apply")
    );
    say!(
        "starmap(mul, ...): {}",
        Py(&pool.starmap(mul, [(2, 3), (4, 5)]).expect("starmap"))
    );
    let lazy: Vec<u64> = pool
        .imap(square, 1..=5)
        .expect("imap")
        .map(|r| r.expect("item"))
        .collect();
    say!("imap(square, 1..=5): {}", Py(&lazy));
    pool.close();
    pool.join().expect("join");

    // 작업자마다 일 두 개(여기서는 항목 하나짜리 덩어리)를 하고 물러나며, 새 작업자로 바뀝니다.
    // Each worker retires after two tasks (here, chunks of one item) and is replaced.
    let pool = Pool::builder()
        .processes(2)
        .maxtasksperchild(2)
        .build()
        .expect("start the pool");
    let first: Vec<u32> = pool.worker_pids();
    let ran_on: BTreeSet<u32> = pool
        .map_chunked(worker_pid, 0..8, 1)
        .expect("map")
        .into_iter()
        .collect();
    say!("maxtasksperchild=2, first workers: {}", Py(&first));
    say!(
        "8 tasks ran on {} workers: {}",
        ran_on.len(),
        Py(&ran_on.into_iter().collect::<Vec<_>>())
    );
}
