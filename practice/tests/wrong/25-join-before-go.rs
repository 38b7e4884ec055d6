// The Python habit of joining right after starting: each worker is waited for before the
// signal, so it goes before "main: go" (it does not wait for the go).
use common::say;
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    for i in 0..workers {
        thread::Builder::new()
            .name(format!("worker {i}"))
            .spawn(move || say!("worker {i} goes"))
            .expect("spawn a worker")
            .join()
            .expect("a worker");
    }
    thread::sleep(Duration::from_millis(prep_ms));
    say!("main: go");
}

fn main() {
    release_after(3, 1200);
}
