//! 연습 10의 풀이 — Exercise 10, a solution: both threads lock `a` first, then `b`. The second
//! one waits for `a` while holding nothing, so no circle of waiting can form.

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
            let mut to = a.lock().expect("lock a");
            both_hold_one(&holding);
            let mut from = b.lock().expect("lock b");
            *from -= 20;
            *to += 20;
            say!("moved 20 from b to a");
        });
    });
    say!("both transfers done: a = {}, b = {}", a.into_inner().expect("a"), b.into_inner().expect("b"));
}
