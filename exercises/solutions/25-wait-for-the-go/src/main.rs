//! 연습 25의 풀이 — `Event` 하나를 `Arc`로 나눠 갖고, 작업자는 저마다 그 신호를 기다립니다.
//!
//! Exercise 25, a solution: one `Event`, shared by `Arc`, waited on by every worker.

use common::say;
use common::sync::Event;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    let go = Arc::new(Event::new());
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            let go = Arc::clone(&go);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    go.wait(); // 파이썬의 event.wait()
                    say!("worker {i} goes");
                })
                .expect("spawn a worker")
        })
        .collect();
    thread::sleep(Duration::from_millis(prep_ms)); // main이 준비함 (main prepares)
    say!("main: go");
    go.set(); // 파이썬의 event.set(): 기다리던 쪽이 모두 감
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    release_after(3, 1200);
}
