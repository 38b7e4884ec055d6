//! 연습 02의 풀이 — `move`가 `name`의 소유권을 스레드로 옮깁니다.
//!
//! Exercise 02, a solution: `move` hands `name` to the thread.

use common::say;
use std::thread;

fn main() {
    let mut threads = Vec::new();
    for i in 0..5 {
        let name = format!("thread {i}");
        threads.push(thread::spawn(move || {
            say!("hello from {name}");
        }));
    }
    for t in threads {
        t.join().expect("a thread panicked");
    }
}
