//! Right, by another tool (the third blind review's, refused as polling until the allowance
//! counted a wait per task): each worker sends "done" on a second channel after each task, and
//! main waits for as many as it put in the round, asleep in `recv` between them.

use common::{say, sleep_secs};
use std::thread;

pub fn two_rounds(workers: usize, tasks: u32) {
    let (q_put, q) = crossbeam_channel::unbounded::<(u32, u32)>();
    let (done_put, done) = crossbeam_channel::unbounded::<()>();
    thread::scope(|scope| {
        for w in 0..workers {
            let (q, done_put) = (q.clone(), done_put.clone());
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for (round, task) in q.iter() {
                        sleep_secs(0.2);
                        say!("round {round} task {task} done");
                        done_put.send(()).expect("say it is done");
                    }
                    say!("worker {w} ends");
                })
                .expect("spawn a worker");
        }
        for round in 1..=2 {
            for task in 0..tasks {
                q_put.send((round, task)).expect("put a task");
            }
            for _ in 0..tasks {
                done.recv().expect("a task done");
            }
            say!("round {round} done");
        }
        drop(q_put); // 더 줄 일이 없음: 작업자의 반복이 끝남 (no more tasks: the workers' loops end)
    });
}

fn main() {
    two_rounds(2, 4);
}
