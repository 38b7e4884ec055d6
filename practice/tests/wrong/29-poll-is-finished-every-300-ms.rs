//! 틀림(세 번째 눈가림 검토에서): 기다림을 함께 await하지 않고 main이
//! 300ms마다 핸들마다 `is_finished`를 봅니다. 1초에 몇 번만 깨어나서 깨는
//! 횟수만 세던 때는 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): the waits are spawned, then main looks at every handle's
//! `is_finished` every 300 ms, in place of awaiting them together: it wakes only a few times a
//! second, so it passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

//! 연습 29 — 한 스레드에서 함께 기다리기 (공유 상태 너머 — asyncio.gather)
//! Exercise 29 — gather on one thread (beyond shared state: asyncio.gather)
//!
//! 할 일: `gather_waits(n, wait)`는 한 스레드의 tokio 런타임에서 기다림 `wait(0)`부터
//! `wait(n - 1)`까지를 돌립니다. `main`의 기다림 i는 "wait i starts"를 출력하고 200밀리초를 기다린 뒤
//! "wait i done"을 출력합니다. 모두 함께 기다리게 하세요(파이썬의 `await asyncio.gather(...)`).
//! 그러면 `n`개가 기다림 하나만큼만 걸립니다. 지금은 하나씩 차례로 await해서
//! (`for c in coros: await c`) `n`배가 걸립니다. 스레드를 더 만들지는 마세요. 검사기는 이 함수를
//! 자기 기다림과 다른 개수로도 부릅니다.
//! Task: `gather_waits(n, wait)` runs the waits `wait(0)` to `wait(n - 1)` on a one-thread tokio
//! runtime. `main`'s wait i prints "wait i starts", waits 200 milliseconds, then prints "wait i
//! done". Let them all wait together (Python's `await asyncio.gather(...)`): `n` of them then take
//! as long as one. Today each is awaited after the one before (`for c in coros: await c`), which
//! takes `n` times as long. Start no more threads. The checker calls the function with waits of
//! its own, and other counts.
//!
//! 확인 / Check: `cargo run -p practice -- check 29`

use common::say;
use std::future::Future;
use std::time::Duration;

async fn wait(i: usize, ms: u64) {
    say!("wait {i} starts");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    say!("wait {i} done");
}

/// `wait(0)`부터 `wait(n - 1)`까지 돌립니다. 저마다 따로 task가 될 수 있게 `Send + 'static`입니다.
/// Runs `wait(0)` to `wait(n - 1)`; `Send + 'static`, so that each can be a task of its own.
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
        // TODO: 기다림을 하나씩 차례로 말고, 모두 한꺼번에.
        //       all the waits at once, not one after another.
        let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(wait(i))).collect();
        while !tasks.iter().all(|t| t.is_finished()) {
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    });
}

fn main() {
    gather_waits(5, |i| wait(i, 200));
}
