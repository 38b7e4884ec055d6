//! 연습 30의 풀이 — 전역 변수를 `AtomicU64`로: 모든 스레드가 함께 쓸 수 있는(`Sync`) `static`이고,
//! `fetch_add`는 한 번의 원자적 연산으로 더합니다.
//!
//! Exercise 30, a solution: the global is an `AtomicU64`: a `static` every thread
//! may share (it is `Sync`), and `fetch_add` adds in one indivisible step.

use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

pub static VISITS: AtomicU64 = AtomicU64::new(0);

pub fn count_visits(visitors: usize, visits: u64) -> u64 {
    thread::scope(|scope| {
        for t in 0..visitors {
            thread::Builder::new()
                .name(format!("visitor {t}"))
                .spawn_scoped(scope, move || {
                    for _ in 0..visits {
                        VISITS.fetch_add(1, Ordering::Relaxed);
                    }
                    say!("visitor {t} done");
                })
                .expect("spawn a visitor");
        }
    });
    VISITS.load(Ordering::Relaxed)
}

fn main() {
    say!("visits: {}", count_visits(2, 2_000_000));
}
