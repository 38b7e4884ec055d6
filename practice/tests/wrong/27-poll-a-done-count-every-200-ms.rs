//! 틀림(세 번째 눈가림 검토에서): `WaitGroup` 대신 끝난 일의 수를 원자 변수에
//! 세고 main이 200ms마다 봅니다. 회차마다 몇 번만 깨어나서 깨는 횟수만 세던 때는
//! 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): the workers count the tasks done in an atomic and main
//! looks at the count every 200 ms, in place of a `WaitGroup`: it wakes only a few times a round,
//! so it passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

use common::{say, sleep_secs};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::Duration;

pub fn two_rounds(workers: usize, tasks: u32) {
    let (q_put, q) = crossbeam_channel::unbounded::<(u32, u32)>();
    let done = AtomicU32::new(0);
    thread::scope(|scope| {
        for w in 0..workers {
            let q = q.clone();
            let done = &done;
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for (round, task) in q.iter() {
                        sleep_secs(0.2);
                        say!("round {round} task {task} done");
                        done.fetch_add(1, Ordering::SeqCst);
                    }
                    say!("worker {w} ends");
                })
                .expect("spawn a worker");
        }
        for round in 1..=2 {
            for task in 0..tasks {
                q_put.send((round, task)).expect("put a task");
            }
            while done.load(Ordering::SeqCst) < tasks * round {
                thread::sleep(Duration::from_millis(200));
            }
            say!("round {round} done");
        }
        drop(q_put);
    });
}

fn main() {
    two_rounds(2, 4);
}
