//! 연습 29 — 한 스레드에서 함께 기다리기 (공유 상태 너머 — asyncio.gather)
//! Exercise 29 — gather on one thread (beyond shared state: asyncio.gather)
//!
//! 할 일: `gather_waits(n, wait_ms)`는 한 스레드의 tokio 런타임에서 기다림 `n`개를 돌립니다.
//! 기다림 i는 "wait i starts"를 찍고 `wait_ms` 밀리초를 기다린 뒤 "wait i done"을 찍습니다. 모두
//! 함께 기다리게 하세요(파이썬의 `await asyncio.gather(...)`). 그러면 `n`개가 기다림 하나만큼만
//! 걸립니다. 지금은 하나씩 차례로 await해서(`for c in coros: await c`) `n`배가 걸립니다. 스레드를
//! 더 만들지는 마세요. 검사기는 이 함수를 다른 값으로도 부릅니다.
//! Task: `gather_waits(n, wait_ms)` runs `n` waits on a one-thread tokio runtime. Wait i prints
//! "wait i starts", waits `wait_ms` milliseconds, then prints "wait i done". Let them all wait
//! together (Python's `await asyncio.gather(...)`): `n` of them then take as long as one. Today
//! each is awaited after the one before (`for c in coros: await c`), which takes `n` times as long.
//! Start no more threads. The checker calls the function with other numbers too.
//!
//! 확인 / check: `cargo run -p practice -- check 29`

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
    runtime.block_on(async {
        // TODO: all the waits at once, not one after another.
        for i in 0..n {
            wait(i, wait_ms).await;
        }
    });
}

fn main() {
    gather_waits(5, 200);
}
