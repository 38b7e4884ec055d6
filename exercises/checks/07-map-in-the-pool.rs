//! 검사기가 연습 07의 `map_in_the_pool(f, items)`에 자기 함수를 넘깁니다. 이 함수는 어디서
//! 돌았는지 출력하고("computing x"), 일마다 100ms 걸리며 그 시작과 끝을 출력하므로("task x starts",
//! "task x ends"), 트레이스로 항목이 풀의 작업 프로세스에서, 동시에 계산됐는지 알 수 있습니다.
//! 가장 먼저 시작한 일은 다른 일이 시작할 때까지 기다립니다(`meet.rs`).
//!
//! The checker hands exercise 07's `map_in_the_pool(f, items)` a function of its own, which says
//! where it ran ("computing x") and takes 100 ms, printing its start and end ("task x starts",
//! "task x ends"): the trace then shows whether the items were computed in pool workers, side by
//! side. The task that starts first waits for another to start (`meet.rs`).

#[allow(dead_code)]
#[path = "../07-map-in-the-pool/src/main.rs"]
mod learner;

use check_protocol::{Found, report};

mod meet;

use std::sync::atomic::{AtomicU32, Ordering};

/// 검사기가 곱하는 수. 풀이 시작하기 전에 정함(풀의 작업 프로세스는 그 뒤에 fork됨).
/// The checker's factor, set before the pool starts (its workers are forked after it).
static FACTOR: AtomicU32 = AtomicU32::new(0);

fn probe(x: u32) -> u32 {
    common::say!("task {x} starts");
    common::say!("computing {x}");
    let running = meet::running(x.into());
    std::thread::sleep(std::time::Duration::from_millis(100));
    drop(running);
    common::say!("task {x} ends");
    x * FACTOR.load(Ordering::SeqCst) + 1
}

fn main() {
    let args: [u32; 2] = check_protocol::numbers();
    FACTOR.store(args[1], Ordering::SeqCst);
    let results = learner::map_in_the_pool(probe, (1..=args[0]).collect());
    meet::clean_up();
    let results = results.into_iter().map(i64::from).collect();
    common::say!("{}", report(Found::Numbers(results)));
}
