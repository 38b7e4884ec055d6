//! Wrong (from the first blind review): one `Mutex` guard held around each thread's whole loop:
//! the total is exact, and the threads add one after another.
//! Named: never added side by side

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn count_together(threads: usize, times: u64, one: fn() -> u64) -> u64 {
    let counter = Mutex::new(0u64);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut c = counter.lock().unwrap();
                for _ in 0..times {
                    *c += one();
                }
            });
        }
    });
    counter.into_inner().unwrap()
}

fn main() {
    say!("counter: {}", count_together(2, 1_000_000, || 1));
}
