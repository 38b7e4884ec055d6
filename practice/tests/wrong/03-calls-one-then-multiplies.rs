//! Wrong: each thread calls `one` as often as it should, and adds nothing; the total is worked
//! out as threads × times (the learner's trial: the checker's `one` always returned 1).
//! Named: threads × times

use common::say;
use std::thread;

pub fn count_together(threads: usize, times: u64, one: fn() -> u64) -> u64 {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                for _ in 0..times {
                    one();
                }
            });
        }
    });
    threads as u64 * times
}

fn main() {
    say!("counter: {}", count_together(2, 1_000_000, || 1));
}
