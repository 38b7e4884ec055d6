//! Wrong: no `Barrier`: the workers are started anew for each phase and joined before the next,
//! so the phases line up, but each phase's "worker w" is another thread.

use common::{say, sleep_secs};
use std::thread;

pub fn in_phases(workers: usize, phases: usize) {
    for p in 0..phases {
        thread::scope(|scope| {
            for w in 0..workers {
                thread::Builder::new()
                    .name(format!("worker {w}"))
                    .spawn_scoped(scope, move || {
                        sleep_secs(0.5 * w as f64);
                        say!("worker {w} phase {p} done");
                    })
                    .expect("spawn a worker");
            }
        });
    }
}

fn main() {
    in_phases(3, 3);
}
