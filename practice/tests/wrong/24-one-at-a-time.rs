// A lock in place of the semaphore: never more than two inside, but never two together either.
use common::say;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

pub fn at_most_two(workers: usize, inside_ms: u64) {
    let door = Arc::new(Mutex::new(()));
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            let door = Arc::clone(&door);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    let _inside = door.lock().expect("the door");
                    say!("enter {i}");
                    thread::sleep(Duration::from_millis(inside_ms));
                    say!("leave {i}");
                })
                .expect("spawn a worker")
        })
        .collect();
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    at_most_two(6, 500);
}
