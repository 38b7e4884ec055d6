//! Wrong: threads that add nothing, and the total worked out as threads × times.

use common::say;
use std::thread;

pub fn count_together(threads: usize, times: u64, one: fn() -> u64) -> u64 {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {});
        }
    });
    threads as u64 * times * one()
}

fn main() {
    say!("counter: {}", count_together(2, 1_000_000, || 1));
}
