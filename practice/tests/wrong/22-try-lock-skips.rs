//! Wrong: the Python habit of `lock.acquire(blocking=False)`: a step is skipped when the lock is busy.

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64) {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    // lock.acquire(blocking=False): skip the step when the lock is busy
                    if let Ok(mut c) = counter.try_lock() {
                        *c = add_one(*c);
                    }
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
