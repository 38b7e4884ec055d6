//! 공유 상태 — `queue.Queue` with `task_done()` and `join()` (after the notes).
//!
//! Run: `cargo run -p queue-join`
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
                        drop(done); // task_done()
                    }
                })
                .expect("spawn a worker");
        }
        let all_done = WaitGroup::new();
        for task in 0..5 {
            q_put.send((task, all_done.clone())).expect("put a task");
        }
        say!("main waits for every task");
        all_done.wait(); // q.join()
        say!("all tasks done");
        drop(q_put); // no more tasks: the workers' loops end
    });
}
