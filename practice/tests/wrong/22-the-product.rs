//! Wrong: threads that add nothing, and the total worked out as threads × times under one guard.

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64) {
    let _ = add_one;
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {});
        }
    });
    *counter.lock().expect("lock the counter") += threads as u64 * times;
}

fn main() {
    let counter = Mutex::new(0);
    add_under_a_lock(&counter, 2, 1_000_000, |n| n + 1);
    say!("counter: {}", counter.into_inner().expect("the counter"));
}
