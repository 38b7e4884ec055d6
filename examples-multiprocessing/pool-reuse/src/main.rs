//! Pool 사용하기, after the notes — one pool for many calls: its workers are started once.
//!
//! Run: `cargo run -p pool-reuse`
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

/// Which worker ran the item.
fn worker_pid(_: u32) -> u32 {
    std::process::id()
}

fn main() {
    common::init(); // if __name__ == '__main__':
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
