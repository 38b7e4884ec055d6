//! 공유 상태 — `threading.Condition`: a producer and a consumer share a queue (after the notes).
//!
//! Run: `cargo run -p condition`
//! Notice: every item is consumed once, in order, each after it was produced. The `Condvar` pairs
//! with the `Mutex` that guards the queue, and the consumer waits in a `while` loop: a `Condvar`
//! may wake it for nothing (a spurious wake-up), as Python's docs warn of `Condition.wait` too.

use common::{say, sleep_secs};
use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;

#[derive(Default)]
struct Queue {
    items: VecDeque<u32>,
    done: bool,
}

fn main() {
    let queue = Mutex::new(Queue::default());
    let changed = Condvar::new();
    thread::scope(|scope| {
        let (queue, changed) = (&queue, &changed);
        let consumer = thread::Builder::new().name("consumer".into());
        consumer
            .spawn_scoped(scope, move || {
                loop {
                    let mut q = queue.lock().expect("lock the queue");
                    while q.items.is_empty() && !q.done {
                        q = changed.wait(q).expect("wait on the condition");
                    }
                    let Some(item) = q.items.pop_front() else {
                        break;
                    };
                    drop(q);
                    say!("consumed {item}");
                }
            })
            .expect("spawn the consumer");
        let producer = thread::Builder::new().name("producer".into());
        producer
            .spawn_scoped(scope, move || {
                for item in 0..5 {
                    sleep_secs(0.2);
                    let mut q = queue.lock().expect("lock the queue");
                    say!("produced {item}");
                    q.items.push_back(item);
                    changed.notify_one(); // Python's `cond.notify()`
                }
                queue.lock().expect("lock the queue").done = true;
                changed.notify_all();
            })
            .expect("spawn the producer");
    });
    say!("all 5 items consumed");
}
