//! Wrong: main sleeps a long real time in place of waiting for the round's tasks.

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
            thread::sleep(std::time::Duration::from_secs(2)); // surely long enough
            say!("round {round} done");
        }
        drop(q_put); // no more tasks: the workers' loops end
    });
}

fn main() {
    two_rounds(2, 4);
}
