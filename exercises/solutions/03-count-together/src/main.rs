//! 연습 03의 풀이 — 한 번 더할 때마다 원자적 `fetch_add` 하나로 더합니다.
//!
//! Exercise 03, a solution: one atomic `fetch_add` per step.

use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

pub fn count_together(threads: usize, times: u64, one: fn() -> u64) -> u64 {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    counter.fetch_add(one(), Ordering::Relaxed);
                }
            });
        }
    });
    counter.into_inner()
}

fn main() {
    say!("counter: {}", count_together(2, 1_000_000, || 1));
}
