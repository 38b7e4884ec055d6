//! 검사기가 연습 15의 `with_fresh_workers(work, xs, most)`를 자기 `work`로 부릅니다. 이 `work`는
//! 자기 작업 프로세스가 일을 몇 개 했는지 알립니다.
//! The checker calls exercise 15's `with_fresh_workers(work, xs, most)` with a `work` of its own,
//! which says how many tasks its worker process has done.

#[allow(dead_code)]
#[path = "../15-fresh-workers/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::{current_process, say};
use std::sync::atomic::{AtomicUsize, Ordering};

/// 이 프로세스에서 마친 일의 수.
/// Tasks done in this process.
static DONE: AtomicUsize = AtomicUsize::new(0);

fn work(x: u64) -> u64 {
    let done = DONE.fetch_add(1, Ordering::Relaxed) + 1;
    say!("task {done} of {} (work {x})", current_process().name);
    x * 10 + 1
}

fn main() {
    common::init();
    let args: [u64; 2] = check_protocol::numbers();
    let xs: Vec<u64> = (1..=args[0]).collect();
    let results = learner::with_fresh_workers(work, xs, args[1] as usize);
    let results = results.into_iter().map(|r| r as i64).collect();
    say!("{}", report(Found::Numbers(results)));
}
