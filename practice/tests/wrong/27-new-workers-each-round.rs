//! Wrong: the Python habit of `q.join()` read as joining the threads: new workers for each round,
//! joined at its end.

use common::{say, sleep_secs};
use std::thread;

pub fn two_rounds(workers: usize, tasks: u32) {
    for round in 1..=2 {
        let (q_put, q) = crossbeam_channel::unbounded::<u32>();
        thread::scope(|scope| {
            for w in 0..workers {
                let q = q.clone();
                thread::Builder::new()
                    .name(format!("worker {w}"))
                    .spawn_scoped(scope, move || {
                        for task in q.iter() {
                            sleep_secs(0.2);
                            say!("round {round} task {task} done");
                        }
                        say!("worker {w} ends");
                    })
                    .expect("spawn a worker");
            }
            for task in 0..tasks {
                q_put.send(task).expect("put a task");
            }
            drop(q_put);
        });
        say!("round {round} done");
    }
}

fn main() {
    two_rounds(2, 4);
}
