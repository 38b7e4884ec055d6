// The Python habit `counter += 1` as two steps: a load, then a store.
use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
pub fn count_together(threads: usize, times: u64, one: fn() -> u64) -> u64 {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    let now = counter.load(Ordering::Relaxed);
                    counter.store(now + one(), Ordering::Relaxed);
                }
            });
        }
    });
    counter.into_inner()
}
fn main() {
    say!("counter: {}", count_together(2, 1_000_000, || 1));
}
