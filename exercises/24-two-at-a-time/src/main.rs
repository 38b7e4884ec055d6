//! 연습 24 — 한 번에 둘만 (공유 상태 — threading.Semaphore)
//! Exercise 24 — two at a time (shared state, threading.Semaphore)
//!
//! 할 일: `at_most_two(workers, inside_ms)`에서 작업 스레드 `workers`개가 각자 "enter i"를 출력하고
//! `inside_ms` 밀리초 동안 머문 뒤 "leave i"를 출력합니다. 한 번에 둘까지만 안에 있게 하세요. 지금은
//! 모두가 한꺼번에 들어갑니다. `common::sync::Semaphore`(파이썬의 `threading.Semaphore(2)`)를 쓰세요.
//! 한 번에 하나씩만 들어가게 하는 것(`Mutex`)도 틀립니다. 둘은 함께 들어가야 합니다.
//! Task: in `at_most_two(workers, inside_ms)`, `workers` threads each print "enter i", stay
//! `inside_ms` milliseconds, then print "leave i". Let at most two be inside at once; today they
//! all go in together. Use `common::sync::Semaphore` (Python's `threading.Semaphore(2)`). One at a
//! time (a `Mutex`) is wrong too: two must be able to be inside together.
//!
//! 확인 / Check: `cargo run -p practice -- check 24`

use common::say;
use std::thread;
use std::time::Duration;

pub fn at_most_two(workers: usize, inside_ms: u64) {
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    // TODO: 안에는 한꺼번에 많아야 둘.
                    //       at most two inside at once.
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
