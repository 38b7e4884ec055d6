//! 틀림(세 번째 눈가림 검토에서): main이 스레드를 join하지 않고 150ms마다
//! `is_finished`를 봅니다. 기다리는 동안 몇 번만 깨어나서 깨는 횟수만 세던 때는
//! 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): main looks at `is_finished` every 150 ms until every
//! thread is done, in place of joining them: coarse enough to wake only a few times in a wait,
//! so it passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

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
        threads.push(
            thread::Builder::new()
                .name(format!("thread {i}"))
                .spawn(run)
                .expect("spawn a thread"),
        );
    }
    say!("main thread end");
    while !threads.iter().all(|t| t.is_finished()) {
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}
