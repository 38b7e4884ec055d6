//! 공유 상태 — `queue.Queue` with `task_done()` and `join()` (after the notes).
//!
//! 실행 / Run: `cargo run -p queue-join`
//! 눈여겨볼 점: "all tasks done"은 모든 "task N done" 뒤에 나옵니다. `crossbeam-channel`이 일을
//! 나르고, 일마다 `WaitGroup` 복제본이 함께 실려 가서, 작업자는 일을 마치면 그 복제본을 버립니다(파이썬의
//! `task_done()`). main의 `wait()`는 복제본이 모두 사라지면 반환합니다(`q.join()`).
//! Notice: "all tasks done" comes after every "task N done". A `crossbeam-channel` carries the
//! tasks; a `WaitGroup` clone rides along with each, and a worker drops it when the task is done
//! (Python's `task_done()`); main's `wait()` returns when every clone is gone (`q.join()`).

use common::{say, sleep_secs};
use crossbeam_utils::sync::WaitGroup;
use std::thread;

fn main() {
    let (q_put, q) = crossbeam_channel::unbounded::<(u32, WaitGroup)>();
    thread::scope(|scope| {
        for w in 0..2 {
            let q = q.clone();
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for (task, done) in q.iter() {
                        sleep_secs(0.2);
                        say!("task {task} done");
                        drop(done); // 파이썬의 task_done()
                    }
                })
                .expect("spawn a worker");
        }
        let all_done = WaitGroup::new();
        for task in 0..5 {
            q_put.send((task, all_done.clone())).expect("put a task");
        }
        say!("main waits for every task");
        all_done.wait(); // 파이썬의 q.join()
        say!("all tasks done");
        drop(q_put); // 더 줄 일이 없음: 작업자의 반복이 끝남 (no more tasks: the workers' loops end)
    });
}
