//! Wrong (from the second blind review): the workers started two by two, each pair joined before
//! the next pair starts: never more than two inside, and two together, with no semaphore at all.
//! Named: the other place freed and nobody took it

use common::say;
use std::thread;
use std::time::Duration;

pub fn at_most_two(workers: usize, inside_ms: u64) {
    let ids: Vec<usize> = (0..workers).collect();
    for pair in ids.chunks(2) {
        let handles: Vec<thread::JoinHandle<()>> = pair
            .iter()
            .map(|&i| {
                thread::Builder::new()
                    .name(format!("worker {i}"))
                    .spawn(move || {
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
}

fn main() {
    at_most_two(6, 500);
}
