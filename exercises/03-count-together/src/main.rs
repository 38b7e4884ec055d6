//! 연습 03 — 두 스레드가 한 카운터에 더하기 (노트 너머: 공유 상태, race-counter)
//! Exercise 03 — two threads add to one counter (after the notes: shared state, race-counter)
//!
//! 할 일: 두 스레드가 각각 1,000,000번 1을 더해서 "counter: 2000000"을 찍게 하세요. 파이썬처럼
//! 쓴 지금 코드는 컴파일되지 않습니다. `Mutex`나 원자적 값(`AtomicU64::fetch_add`)을 쓰세요.
//! Task: two threads each add 1 a million times, and the program prints "counter: 2000000".
//! Written the Python way, it does not compile: use a `Mutex` or an atomic (`fetch_add`).
//!
//! 확인 / check: `cargo run -p practice -- check 03`

use common::say;
use std::thread;

fn main() {
    let mut counter: u64 = 0;
    thread::scope(|scope| {
        for _ in 0..2 {
            // TODO: two threads cannot both borrow `counter` mutably.
            scope.spawn(|| {
                for _ in 0..1_000_000 {
                    counter += 1;
                }
            });
        }
    });
    say!("counter: {counter}");
}
