//! Wrong: the Python habit of a thread per wait, each with its own event loop.

use common::say;
use std::time::Duration;

async fn wait(i: usize, ms: u64) {
    say!("wait {i} starts");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    say!("wait {i} done");
}

pub fn gather_waits(n: usize, wait_ms: u64) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("start a tokio runtime");
    drop(runtime);
    // A thread and a runtime per wait: they wait together, but not on one thread.
    let threads: Vec<_> = (0..n)
        .map(|i| {
            std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_time()
                    .build()
                    .expect("start a tokio runtime")
                    .block_on(wait(i, wait_ms));
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a wait");
    }
}

fn main() {
    gather_waits(5, 200);
}
