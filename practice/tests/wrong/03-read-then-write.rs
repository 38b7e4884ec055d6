// The Python habit `counter += 1` as two steps: a load, then a store.
use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;
fn main() {
    let counter = AtomicU64::new(0);
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..1_000_000 {
                    let now = counter.load(Ordering::Relaxed);
                    counter.store(now + 1, Ordering::Relaxed);
                }
            });
        }
    });
    say!("counter: {}", counter.into_inner());
}
