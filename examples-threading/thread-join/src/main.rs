//! Fork와 Join — waiting for threads with `join` (notes §1.1).
//!
//! 실행 / Run: `cargo run -p thread-join`
//! 눈여겨볼 점: "sub thread end" 두 줄이 모두 "main thread post job"보다 먼저 나옵니다. `join`은
//! 작업자가 끝날 때까지 메인 스레드를 막아 둡니다. 러스트에서도 파이썬과 똑같습니다.
//! Notice: both "sub thread end" lines come before "main thread post job": `join` blocks the main
//! thread until the worker has finished, in Rust exactly as in Python.

use common::{current_thread_name, say, sleep_secs};
use std::thread;

/// 노트의 `Worker.run`으로, 이름 붙은 스레드마다 돌리는 함수입니다.
/// The notes' `Worker.run`, the function each named thread runs.
fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(5.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let t1 = thread::Builder::new()
        .name("1".into())
        .spawn(run)
        .expect("spawn thread 1");
    let t2 = thread::Builder::new()
        .name("2".into())
        .spawn(run)
        .expect("spawn thread 2");

    // `join`은 스레드의 결과도 돌려줍니다. 여기서는 `()`이고, `run`이 패닉했다면 그 패닉입니다.
    // `join` also hands back the thread's result: here `()`, or the panic if `run` panicked.
    t1.join().expect("thread 1 panicked");
    t2.join().expect("thread 2 panicked");

    say!("main thread post job");
    say!("main thread end");
}
