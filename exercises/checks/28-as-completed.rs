//! 검사기가 연습 28의 `submit_all(xs, work)`를 자기 `work`로 부릅니다. 검사기가 고른 자리의 일 하나는
//! 실제 시간으로 2.5~3.5초(실행마다 뽑음) 걸리고, 나머지는 곧바로 끝납니다. 일마다 끝났다고 출력합니다.
//!
//! The checker calls exercise 28's `submit_all(xs, work)` with a `work` of its own: one task, at a
//! place it picks, takes 2.5 to 3.5 s of real time (drawn per run); the others are done at once.
//! Each says when it finished.

#[allow(dead_code)]
#[path = "../28-as-completed/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

static SLOW: AtomicU64 = AtomicU64::new(0);

fn work(x: u64) -> u64 {
    if x == SLOW.load(Ordering::Relaxed) {
        // 실행마다 뽑고, 실제 시간: 계속 확인하는 main은 그동안 여러 번 깨어남. 그동안 다른 일은
        // 없으니, 검사기가 main이 몇 번 잠들었는지 지켜봅니다.
        // Drawn per run, real time: a main that polls wakes many times while it lasts. Nothing
        // else happens meanwhile: the checker watches how often main goes to sleep.
        let drawn =
            std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), x);
        let lasts = Duration::from_millis(2_500 + drawn % 1_001);
        common::trace::watch(std::process::id(), lasts);
    }
    say!("work {x} finished");
    x * 10 + 1
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let (tasks, slow) = (args[0], args[1]);
    let xs: Vec<u64> = (1..=tasks).map(|i| i * 3).collect();
    SLOW.store(xs[slow as usize], Ordering::Relaxed);
    let results = learner::submit_all(&xs, work);
    let results = results.into_iter().map(|r| r as i64).collect();
    say!("{}", report(Found::Numbers(results)));
}
