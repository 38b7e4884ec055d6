//! Wrong (from the third blind review): each worker counts its arrival in an atomic and looks
//! at the count every 100 ms, in place of a `Barrier`: it wakes only a few times a phase, so it
//! passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

use common::{say, sleep_secs};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

pub fn in_phases(workers: usize, phases: usize) {
    let arrived = AtomicUsize::new(0);
    thread::scope(|scope| {
        for w in 0..workers {
            let arrived = &arrived;
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for p in 0..phases {
                        sleep_secs(0.5 * w as f64);
                        say!("worker {w} phase {p} done");
                        arrived.fetch_add(1, Ordering::SeqCst);
                        while arrived.load(Ordering::SeqCst) < workers * (p + 1) {
                            thread::sleep(Duration::from_millis(100));
                        }
                    }
                })
                .expect("spawn a worker");
        }
    });
}

fn main() {
    in_phases(3, 3);
}
