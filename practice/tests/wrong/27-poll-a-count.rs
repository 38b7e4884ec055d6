//! Wrong: main polls a count of finished tasks with a short sleep in place of `q.join()` (the
//! blind review's habit): each round ends after its tasks, but main wakes once a look.
//! Named: is not waiting

use common::{say, sleep_secs};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::Duration;

pub fn two_rounds(workers: usize, tasks: u32) {
    let (q_put, q) = crossbeam_channel::unbounded::<(u32, u32)>();
    let finished = AtomicU32::new(0);
    thread::scope(|scope| {
        for w in 0..workers {
            let (q, finished) = (q.clone(), &finished);
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for (round, task) in q.iter() {
                        sleep_secs(0.2);
                        say!("round {round} task {task} done");
                        finished.fetch_add(1, Ordering::SeqCst);
                    }
                    say!("worker {w} ends");
                })
                .expect("spawn a worker");
        }
        for round in 1..=2 {
            for task in 0..tasks {
                q_put.send((round, task)).expect("put a task");
            }
            while finished.load(Ordering::SeqCst) < round * tasks {
                thread::sleep(Duration::from_millis(1));
            }
            say!("round {round} done");
        }
        drop(q_put);
    });
}

fn main() {
    two_rounds(2, 4);
}
