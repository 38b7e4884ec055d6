//! 연습 29의 풀이 — 기다림마다 런타임 `JoinSet`의 task입니다. 한 task가 타이머를 await하는 동안
//! 스레드는 다음 task를 돌리므로, 어느 것도 끝나기 전에 모두 시작합니다.
//!
//! Exercise 29, a solution: each wait is a task of the runtime's `JoinSet`; when
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
            waits.spawn(wait(i)); // task 하나: 다른 task가 기다릴 때마다 돎 (a task: it runs whenever another one waits)
        }
        while waits.join_next().await.is_some() {} // 파이썬의 asyncio.gather
    });
}

fn main() {
    gather_waits(5, |i| wait(i, 200));
}
