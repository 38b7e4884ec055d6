//! 스레드 List 가능 — keeping threads in a list (notes §1.1).
//!
//! 실행 / Run: `cargo run -p thread-list`
//! 눈여겨볼 점: 세 작업자는 아무 순서로나 끝나지만, 모두 "main thread post job"보다 먼저 끝납니다.
//! `Vec`에 든 핸들을 먼저 모두 조인하기 때문입니다.
//! Notice: the three workers end in any order, but all of them before "main thread post job",
//! because every handle in the `Vec` is joined first.

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
    let mut threads = Vec::new();
    for i in 0..3 {
        // 파이썬의 `Worker(i)`는 수를 이름 "0"으로 바꿉니다. 러스트의 스레드 이름은 String입니다.
        // Python's `Worker(i)` turns the number into the name "0"; a Rust thread name is a String.
        let thread = thread::Builder::new()
            .name(i.to_string())
            .spawn(run)
            .expect("spawn a worker thread");
        threads.push(thread);
    }

    for thread in threads {
        thread.join().expect("worker thread panicked");
    }
    say!("main thread post job");
    say!("main thread end");
}
