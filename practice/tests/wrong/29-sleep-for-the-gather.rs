//! Wrong: the waits spawned as tasks, then a fixed sleep in place of gathering them (the blind
//! review's habit): long enough for main's own waits, too short for the checker's, which draw
//! their own lengths.
//! Named: Sleeping a fixed time is not gathering

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
        let mut waits = tokio::task::JoinSet::new();
        for i in 0..n {
            waits.spawn(wait(i));
        }
        tokio::time::sleep(Duration::from_millis(600)).await;
    });
}

fn main() {
    gather_waits(5, |i| wait(i, 200));
}
