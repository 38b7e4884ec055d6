//! 연습 22의 풀이 — 더하기 한 번 내내 가드 하나. 가드가 파이썬의 `with lock:` 블록에 해당합니다. 가드가 살아
//! 있는 동안 읽기와 쓰기가 모두 일어납니다.
//!
//! Exercise 22, a solution: one guard for the whole step. The guard is Python's
//! `with lock:` block: the read and the write both happen while it lives.

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64) {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    // 파이썬으로는:
                    // with lock: counter = add_one(counter)
                    let mut c = counter.lock().expect("lock the counter");
                    *c = add_one(*c);
                }
            });
        }
    });
}

fn main() {
    let counter = Mutex::new(0);
    add_under_a_lock(&counter, 2, 1_000_000, |n| n + 1);
    say!("counter: {}", counter.into_inner().expect("the counter"));
}
