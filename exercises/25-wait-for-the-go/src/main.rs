//! 연습 25 — 출발 신호를 기다리기 (공유 상태 — threading.Event)
//! Exercise 25 — wait for the go (shared state, threading.Event)
//!
//! 할 일: `release_after(workers, prep_ms)`에서 작업 스레드 `workers`개가 main의 신호를 기다렸다가
//! 각자 "worker i goes"를 출력하게 하세요. main은 `prep_ms` 밀리초 동안 준비하고 "main: go"를 출력한 뒤
//! 신호를 줍니다. 지금은 작업자가 기다리지 않고 바로 갑니다. `common::sync::Event`(파이썬의
//! `threading.Event`)를 쓰세요. 검사기는 이 함수를 다른 값으로도 부릅니다.
//! Task: in `release_after(workers, prep_ms)`, `workers` threads wait for main's signal, then each
//! prints "worker i goes". Main prepares for `prep_ms` milliseconds, prints "main: go", then gives
//! the signal. Today the workers do not wait. Use `common::sync::Event` (Python's
//! `threading.Event`). The checker calls the function with other numbers too.
//!
//! 확인 / Check: `cargo run -p practice -- check 25`

use common::say;
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    // TODO: main의 신호(go)를 기다리세요.
                    //       wait for main's go.
                    say!("worker {i} goes");
                })
                .expect("spawn a worker")
        })
        .collect();
    thread::sleep(Duration::from_millis(prep_ms)); // main이 준비함 (main prepares)
    say!("main: go");
    // TODO: 신호를 주세요.
    //       give the signal.
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    release_after(3, 1200);
}
