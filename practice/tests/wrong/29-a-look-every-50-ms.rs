//! Wrong (from the third blind review): the waits are spawned as tasks, then main sleeps 50 ms
//! and looks at each handle's `is_finished()`, over and over, instead of awaiting them together.
//! Named: polling

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
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("start a tokio runtime");
    runtime.block_on(async {
        let handles: Vec<_> = (0..n).map(|i| tokio::spawn(wait(i))).collect();
        while !handles.iter().all(|h| h.is_finished()) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
}

fn main() {
    gather_waits(5, |i| wait(i, 200));
}
