//! Wrong: a fixed sleep after each phase in place of a barrier.

use common::{say, sleep_secs};
use std::thread;

pub fn in_phases(workers: usize, phases: usize) {
    thread::scope(|scope| {
        for w in 0..workers {
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for p in 0..phases {
                        sleep_secs(0.5 * w as f64); // worker 0 is the quickest
                        say!("worker {w} phase {p} done");
                        sleep_secs(2.0); // long enough for the slowest, we hope
                    }
                })
                .expect("spawn a worker");
        }
    });
}

fn main() {
    in_phases(3, 3);
}
