//! 연습 01의 풀이 — 핸들을 모아 두었다가 마지막 줄을 출력한 뒤에 모두 join합니다.
//!
//! Exercise 01, a solution: keep the handles, join them after the last line.

use common::{current_thread_name, say, sleep_secs};
use std::thread;

fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let mut threads = Vec::new();
    for i in 0..5 {
        let handle = thread::Builder::new()
            .name(format!("thread {i}"))
            .spawn(run)
            .expect("spawn a thread");
        threads.push(handle);
    }
    say!("main thread end");
    for handle in threads {
        handle.join().expect("a thread panicked");
    }
}
