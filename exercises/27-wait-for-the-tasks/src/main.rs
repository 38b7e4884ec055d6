//! 연습 27 — 일이 다 끝날 때까지 기다리기 (공유 상태 — queue.Queue의 task_done()과 join())
//! Exercise 27 — wait for the tasks (shared state, queue.Queue's task_done() and join())
//!
//! 할 일: `two_rounds(workers, tasks)`에서 작업 스레드 `workers`개가 큐에서 일을 받아 하고
//! "round r task t done"을 출력합니다. main은 한 회차의 일을 모두 넣고, 그 일이 모두 끝나면
//! "round r done"을 출력한 뒤 다음 회차를 넣습니다. 작업자는 두 회차 동안 같은 스레드로 남아 있어야
//! 합니다(스레드를 join하는 것이 아니라 일을 기다림). 지금은 main이 기다리지 않습니다. 파이썬의
//! `task_done()`과 `q.join()`은 `crossbeam_utils::sync::WaitGroup`으로 할 수 있습니다.
//! Task: in `two_rounds(workers, tasks)`, `workers` threads take tasks from a queue, do them and
//! print "round r task t done". Main puts a round's tasks, prints "round r done" once every one of
//! them is done, then puts the next round. The workers stay, the same threads, for both rounds
//! (main waits for the tasks, not for the threads). Today main does not wait. Python's
//! `task_done()` and `q.join()` can be a `crossbeam_utils::sync::WaitGroup`.
//!
//! 확인 / Check: `cargo run -p practice -- check 27`

use common::{say, sleep_secs};
use std::thread;

pub fn two_rounds(workers: usize, tasks: u32) {
    let (q_put, q) = crossbeam_channel::unbounded::<(u32, u32)>();
    thread::scope(|scope| {
        for w in 0..workers {
            let q = q.clone();
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for (round, task) in q.iter() {
                        sleep_secs(0.2);
                        say!("round {round} task {task} done");
                    }
                    say!("worker {w} ends");
                })
                .expect("spawn a worker");
        }
        for round in 1..=2 {
            for task in 0..tasks {
                q_put.send((round, task)).expect("put a task");
            }
            // TODO: 이 회차의 일이 모두 끝날 때까지 기다리세요(파이썬의 `q.join()`).
            //       wait until every task of this round is done (Python's `q.join()`).
            say!("round {round} done");
        }
        drop(q_put); // 더 줄 일이 없음: 작업자의 반복이 끝남 (no more tasks: the workers' loops end)
    });
}

fn main() {
    two_rounds(2, 4);
}
