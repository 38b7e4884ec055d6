//! 연습 27의 풀이 — `WaitGroup` 복제본이 일마다 따라갑니다. 작업자는 일을 마치면 그 복제본을
//! drop하고(`task_done()`), main의 `wait()`는 그 회차의 복제본이 모두 사라지면
//! 돌아옵니다(`q.join()`).
//!
//! Exercise 27, a solution: a `WaitGroup` clone rides along with each task; the
//! worker drops it when the task is done (`task_done()`), and main's `wait()` returns once every
//! clone of its round is gone (`q.join()`).

use common::{say, sleep_secs};
use crossbeam_utils::sync::WaitGroup;
use std::thread;

pub fn two_rounds(workers: usize, tasks: u32) {
    let (q_put, q) = crossbeam_channel::unbounded::<(u32, u32, WaitGroup)>();
    thread::scope(|scope| {
        for w in 0..workers {
            let q = q.clone();
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for (round, task, done) in q.iter() {
                        sleep_secs(0.2);
                        say!("round {round} task {task} done");
                        drop(done); // 파이썬의 task_done()
                    }
                    say!("worker {w} ends");
                })
                .expect("spawn a worker");
        }
        for round in 1..=2 {
            let all_done = WaitGroup::new();
            for task in 0..tasks {
                q_put
                    .send((round, task, all_done.clone()))
                    .expect("put a task");
            }
            all_done.wait(); // 파이썬의 q.join()
            say!("round {round} done");
        }
        drop(q_put); // 더 줄 일이 없음: 작업자의 반복이 끝남 (no more tasks: the workers' loops end)
    });
}

fn main() {
    two_rounds(2, 4);
}
