//! 연습 26 — 단계마다 모두 기다리기 (공유 상태 — threading.Barrier)
//! Exercise 26 — line up the phases (shared state, threading.Barrier)
//!
//! 할 일: `in_phases(workers, phases)`에서 작업 스레드 `workers`개가 단계마다 일을 하고
//! "worker w phase p done"을 출력합니다. 작업자마다 빠르기가 다릅니다. 모든 작업자가 한 단계를
//! 마치기 전에는 아무도 다음 단계를 시작하면 안 됩니다. 지금은 빠른 작업자가 앞서 나갑니다.
//! `std::sync::Barrier`(파이썬의 `threading.Barrier`)를 쓰세요. 검사기는 이 함수를 다른 값으로도
//! 부릅니다.
//! Task: in `in_phases(workers, phases)`, `workers` threads work through the phases, each
//! printing "worker w phase p done". The workers go at different speeds. No one may start a
//! phase before every worker has finished the one before; today the quick ones run ahead. Use
//! `std::sync::Barrier` (Python's `threading.Barrier`). The checker calls the function with other
//! numbers too.
//!
//! 확인 / Check: `cargo run -p practice -- check 26`

use common::{say, sleep_secs};
use std::thread;

pub fn in_phases(workers: usize, phases: usize) {
    thread::scope(|scope| {
        for w in 0..workers {
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for p in 0..phases {
                        sleep_secs(0.5 * w as f64); // 작업자 0이 가장 빠름 (worker 0 is the quickest)
                        say!("worker {w} phase {p} done");
                        // TODO: 모든 작업자가 p단계를 마칠 때까지 여기서 기다리세요.
                        //       wait here until every worker has finished phase p.
                    }
                })
                .expect("spawn a worker");
        }
    });
}

fn main() {
    in_phases(3, 3);
}
