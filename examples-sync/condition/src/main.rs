//! 공유 상태 — `threading.Condition`: a producer and a consumer share a queue (after the notes).
//!
//! 실행 / Run: `cargo run -p condition`
//! 눈여겨볼 점: 항목마다 만들어진 뒤에, 순서대로 한 번씩 소비됩니다. `Condvar`는 큐를 지키는
//! `Mutex`와 짝을 이루고, 소비자는 `while` 반복문 안에서 기다립니다. `Condvar`는 아무 일 없이 깨울
//! 수도 있기 때문입니다(가짜 깨어남). 파이썬 문서도 `Condition.wait`를 두고 같은 점을 경고합니다.
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
                    changed.notify_one(); // 파이썬의 `cond.notify()` (Python's `cond.notify()`)
                }
                queue.lock().expect("lock the queue").done = true;
                changed.notify_all();
            })
            .expect("spawn the producer");
    });
    say!("all 5 items consumed");
}
