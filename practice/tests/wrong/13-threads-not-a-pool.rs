//! Wrong: no pool: a thread per task, and a channel's time limit.

use common::say;
use std::sync::mpsc;
use std::time::Duration;

pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64) {
    let pending: Vec<(u64, mpsc::Receiver<u64>)> = xs
        .iter()
        .map(|&x| {
            let (done, result) = mpsc::channel();
            std::thread::spawn(move || done.send(work(x)));
            (x, result)
        })
        .collect();
    for (x, result) in &pending {
        match result.recv_timeout(Duration::from_millis(timeout_ms)) {
            Ok(y) => say!("task {x}: {y}"),
            Err(_) => say!("task {x}: timed out"),
        }
    }
}

/// Task 3 is stuck.
fn work(x: u64) -> u64 {
    if x == 3 {
        std::thread::sleep(Duration::from_secs(60));
    }
    x * x
}

fn main() {
    common::init(); // if __name__ == '__main__':
    collect_in_time(work, &[1, 2, 3, 4, 5], 2000);
}
