//! 공유 상태 — `threading.Barrier(3)`: three threads meet before going on (after the notes).
//!
//! 실행 / Run: `cargo run -p barrier`
//! 눈여겨볼 점: 스레드들이 서로 다른 때에 도착하는데도, "before" 줄이 모두 "after" 줄보다 먼저
//! 나옵니다. `std::sync::Barrier`가 파이썬의 `Barrier`입니다. `wait`는 스레드 하나에게 리더라고도
//! 알려 줍니다. 파이썬의 `wait`가 그중 하나에게 0을 돌려주는 것과 같습니다.
//! Notice: every "before" line comes before any "after" line, although the threads arrive at
//! different times. `std::sync::Barrier` is Python's `Barrier`; `wait` also tells one thread it
//! is the leader, as Python's returns 0 to one of them.

use common::{say, sleep_secs};
use std::sync::Barrier;
use std::thread;

fn main() {
    let barrier = Barrier::new(3);
    thread::scope(|scope| {
        for i in 0..3 {
            let barrier = &barrier;
            thread::Builder::new()
                .name(format!("thread {i}"))
                .spawn_scoped(scope, move || {
                    sleep_secs(0.5 * i as f64);
                    say!("thread {i} before the barrier");
                    barrier.wait();
                    say!("thread {i} after the barrier");
                })
                .expect("spawn a thread");
        }
    });
}
