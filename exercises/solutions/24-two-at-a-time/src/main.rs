//! 연습 24의 풀이 — 자리가 둘인 `Semaphore`. 허가(permit)를 "enter" 전부터 "leave" 뒤까지 쥡니다.
//!
//! Exercise 24, a solution: a `Semaphore` of two places; its permit is held from
//! before "enter" to after "leave".

use common::say;
use common::sync::Semaphore;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

pub fn at_most_two(workers: usize, inside_ms: u64) {
    let places = Arc::new(Semaphore::new(2));
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            let places = Arc::clone(&places);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    let _permit = places.acquire(); // 파이썬의 with sem:
                    say!("enter {i}");
                    thread::sleep(Duration::from_millis(inside_ms));
                    say!("leave {i}");
                })
                .expect("spawn a worker")
        })
        .collect();
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    at_most_two(6, 500);
}
