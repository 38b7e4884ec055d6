//! 연습 10 — 두 잠금을 반대 순서로: 교착 풀기 (노트 너머: 공유 상태)
//! Exercise 10 — two locks taken in opposite orders: fix the deadlock (after the notes: shared state)
//!
//! 할 일: 두 스레드가 계좌 두 개를 잠그고 돈을 옮긴 뒤 "both transfers done"이 찍히게 하세요. 지금은 한
//! 스레드가 a 다음 b를, 다른 스레드가 b 다음 a를 잠가서, 둘이 서로를 영원히 기다립니다.
//! `both_hold_one`은 둘이 첫 잠금을 쥘 때까지 기다려서 교착이 언제나 일어나게 합니다(바꾸지 마세요).
//! Task: two threads lock two accounts and move money, then "both transfers done" prints. Today one
//! thread locks a then b, the other b then a, and they wait for each other forever.
//! `both_hold_one` lets both take their first lock before either goes on, so the deadlock always
//! happens (leave it as is).
//!
//! 확인 / check: `cargo run -p practice -- check 10`

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

/// Waits until both threads hold their first lock, or 200 ms: it lines up the deadlock, if there
/// is one to line up.
fn both_hold_one(holding: &(Mutex<usize>, Condvar)) {
    let (count, both_there) = holding;
    let mut count = count.lock().expect("count");
    *count += 1;
    both_there.notify_all();
    let _ = both_there
        .wait_timeout_while(count, Duration::from_millis(200), |n| *n < 2)
        .expect("wait");
}

fn main() {
    let a = Mutex::new(100);
    let b = Mutex::new(100);
    let holding = (Mutex::new(0), Condvar::new());
    thread::scope(|scope| {
        scope.spawn(|| {
            let mut from = a.lock().expect("lock a");
            both_hold_one(&holding);
            let mut to = b.lock().expect("lock b");
            *from -= 10;
            *to += 10;
            say!("moved 10 from a to b");
        });
        scope.spawn(|| {
            // TODO: every thread must take the locks in the same order.
            let mut from = b.lock().expect("lock b");
            both_hold_one(&holding);
            let mut to = a.lock().expect("lock a");
            *from -= 20;
            *to += 20;
            say!("moved 20 from b to a");
        });
    });
    say!("both transfers done: a = {}, b = {}", a.into_inner().expect("a"), b.into_inner().expect("b"));
}
