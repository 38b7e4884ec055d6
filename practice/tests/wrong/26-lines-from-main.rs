//! Wrong: main prints every line, in order, and no worker runs.

use common::{say, sleep_secs};

pub fn in_phases(workers: usize, phases: usize) {
    for p in 0..phases {
        for w in 0..workers {
            sleep_secs(0.5 * w as f64);
            say!("worker {w} phase {p} done");
        }
    }
}

fn main() {
    in_phases(3, 3);
}
