//! Wrong (from the blind review): the read and the write still under two guards (the race the
//! lesson mends), hidden by joining each thread as it starts: they never run together.
//! Named: with the counter's lock free

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64) {
    thread::scope(|scope| {
        for _ in 0..threads {
            let worker = scope.spawn(|| {
                for _ in 0..times {
                    // with lock: seen = counter
                    let seen = *counter.lock().expect("lock the counter");
                    // with lock: counter = add_one(seen)
                    *counter.lock().expect("lock the counter") = add_one(seen);
                }
            });
            worker.join().expect("a thread panicked");
        }
    });
}

fn main() {
    let counter = Mutex::new(0);
    add_under_a_lock(&counter, 2, 1_000_000, |n| n + 1);
    say!("counter: {}", counter.into_inner().expect("the counter"));
}
