//! Wrong: the Python habit of a thread per wait, each with its own event loop.

use common::say;
use std::future::Future;
use std::time::Duration;

async fn wait(i: usize, ms: u64) {
    say!("wait {i} starts");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    say!("wait {i} done");
}

pub fn gather_waits<W, F>(n: usize, wait: W)
where
    W: Fn(usize) -> F,
    F: Future<Output = ()> + Send + 'static,
{
    // A thread and a runtime per wait: they wait together, but not on one thread.
    let threads: Vec<_> = (0..n)
        .map(|i| {
            let one = wait(i);
            std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_time()
                    .build()
                    .expect("start a tokio runtime")
                    .block_on(one);
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a wait");
    }
}

fn main() {
    gather_waits(5, |i| wait(i, 200));
}
