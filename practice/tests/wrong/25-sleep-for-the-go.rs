// Each worker sleeps past main's preparation instead of waiting for the signal: right in `main`
// (1.2 s), more than a second late when the checker's call prepares briefly.
use common::say;
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    thread::sleep(Duration::from_millis(1_400));
                    say!("worker {i} goes");
                })
                .expect("spawn a worker")
        })
        .collect();
    thread::sleep(Duration::from_millis(prep_ms));
    say!("main: go");
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    release_after(3, 1200);
}
