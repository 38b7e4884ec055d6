//! 연습 29의 풀이 — Exercise 29, a solution: each wait is a task of the runtime's `JoinSet`; when
//! one awaits its timer, the thread runs the next, so every wait starts before any is done.

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
            waits.spawn(wait(i)); // a task: it runs whenever another one waits
        }
        while waits.join_next().await.is_some() {} // asyncio.gather
    });
}

fn main() {
    gather_waits(5, |i| wait(i, 200));
}
