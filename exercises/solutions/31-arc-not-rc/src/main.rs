//! 연습 31의 풀이 — `Rc` 대신 `Arc`: 참조 카운트를 원자적 연산으로 바꾸므로 그 복제본은 다른
//! 스레드로 갈 수 있습니다(`Send`). `Rc`의 복제본은 갈 수 없습니다.
//!
//! Exercise 31, a solution: `Arc` in place of `Rc`: its count is changed with
//! atomic operations, so its clones may go to other threads (`Send`); `Rc`'s may not.

use common::say;
use std::sync::Arc;
use std::thread;

pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64 {
    let items = Arc::new(items);
    let handles: Vec<thread::JoinHandle<u64>> = (0..adders)
        .map(|t| {
            let items = Arc::clone(&items);
            thread::Builder::new()
                .name(format!("adder {t}"))
                .spawn(move || {
                    let part: u64 = items.iter().skip(t).step_by(adders).sum();
                    say!("adder {t}: {part}");
                    part
                })
                .expect("spawn an adder")
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("an adder"))
        .sum()
}

fn main() {
    let total = sum_in_threads((1..=100).collect(), 4);
    say!("total: {total}");
}
