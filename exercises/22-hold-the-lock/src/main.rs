//! 연습 22 — 읽고 쓰는 동안 잠금을 쥐고 있기 (공유 상태 — threading.Lock, with lock:)
//! Exercise 22 — hold the lock (shared state, threading.Lock and `with lock:`)
//!
//! 할 일: `add_under_a_lock(counter, threads, times, add_one)`에서 스레드 `threads`개가 각자
//! `times`번 카운터에 1을 더합니다(`counter = add_one(counter)`). 지금은 읽을 때 한 번, 쓸 때 한 번
//! 잠가서, 그 사이에 다른 스레드가 끼어들면 더한 것을 잃습니다(파이썬에서 `with lock:` 블록 두
//! 개로 나눈 것과 같음). 더하기 하나가 잠금 한 번 안에서 끝나게 고치세요. 검사기는 자기 카운터와
//! 자기 `add_one`으로 이 함수를 부르고, 값과 스레드마다 더한 횟수를 직접 셉니다.
//! Task: in `add_under_a_lock(counter, threads, times, add_one)`, `threads` threads each add 1 to
//! the counter `times` times (`counter = add_one(counter)`). Today each step locks once to read
//! and once to write, so another thread that comes in between loses an addition (as two
//! `with lock:` blocks would in Python). Let each addition happen under one locking. The checker
//! calls the function with a counter and an `add_one` of its own, and counts the value and each
//! thread's additions itself.
//!
//! 확인 / Check: `cargo run -p practice -- check 22`

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64) {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    // 파이썬으로는:
                    // with lock: seen = counter
                    let seen = *counter.lock().expect("lock the counter");
                    // TODO: 여기서 다른 스레드가 더할 수 있고, 그 더하기는 아래에서 사라집니다.
                    //       another thread can add here, and its addition is lost below.
                    // with lock: counter = add_one(seen)
                    *counter.lock().expect("lock the counter") = add_one(seen);
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
