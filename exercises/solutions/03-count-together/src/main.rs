//! 연습 03의 풀이 — Exercise 03, a solution: one atomic `fetch_add` per step.

use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

fn main() {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..1_000_000 {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    say!("counter: {}", counter.into_inner());
}
