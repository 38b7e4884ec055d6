//! 연습 26의 풀이 — 모든 작업자가 함께 쓰는 `Barrier` 하나. 작업자는 단계를 마칠 때마다 여기서
//! 기다리고, 마지막으로 도착한 작업자가 모두를 다음 단계로 보냅니다.
//!
//! Exercise 26, a solution: one `Barrier` for all the workers; each waits on it
//! after every phase, and the last to arrive lets them all go on.

use common::{say, sleep_secs};
use std::sync::Barrier;
use std::thread;

pub fn in_phases(workers: usize, phases: usize) {
    let barrier = Barrier::new(workers);
    thread::scope(|scope| {
        for w in 0..workers {
            let barrier = &barrier;
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for p in 0..phases {
                        sleep_secs(0.5 * w as f64); // 작업자 0이 가장 빠름 (worker 0 is the quickest)
                        say!("worker {w} phase {p} done");
                        barrier.wait(); // 파이썬의 barrier.wait(): 모두 도착할 때까지
                    }
                })
                .expect("spawn a worker");
        }
    });
}

fn main() {
    in_phases(3, 3);
}
