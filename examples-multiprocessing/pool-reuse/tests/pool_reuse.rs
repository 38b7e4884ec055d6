//! `pool-reuse`: 풀의 작업자는 모든 호출을 맡고, `maxtasksperchild`는 새 작업자를 데려옵니다.
//! `pool-reuse`: a pool's workers serve every call; `maxtasksperchild` brings new ones.

use harness::{Run, exact};
use std::collections::BTreeSet;

harness::example!("pool-reuse", processes);

/// The PIDs of a line that ends with a list: `map 1 ran on: [4242, 4243]`.
fn pids(run: &Run, prefix: &str) -> BTreeSet<u32> {
    let line = run.event(prefix).msg.clone();
    let list = line
        .rsplit_once('[')
        .map_or("", |(_, rest)| rest.trim_end_matches(']'));
    list.split(", ")
        .map(|pid| pid.parse().expect("a PID"))
        .collect()
}

/// The workers of the run, from the trace.
fn workers(run: &Run) -> BTreeSet<u32> {
    run.pool_worker_pids()
}

#[test]
fn every_call_runs_on_the_workers_the_pool_started_with() {
    let run = run();
    let pool = pids(run, "the pool's workers: ");
    assert_eq!(pool.len(), 4);
    assert!(
        pool.is_subset(&workers(run)),
        "{pool:?} are not pool workers"
    );
    assert_eq!(pids(run, "map 1 ran on: "), pool);
    assert_eq!(pids(run, "map 2 ran on: "), pool);
    let apply: u32 = run
        .event("apply_async ran on: ")
        .msg
        .rsplit(' ')
        .next()
        .and_then(|pid| pid.parse().ok())
        .expect("a PID");
    assert!(pool.contains(&apply));
}

#[test]
fn the_rest_of_the_api_gives_python_s_answers() {
    let run = run();
    run.assert_count(exact("apply(square, 7): 49"), 1);
    run.assert_count(exact("starmap(mul, ...): [6, 20]"), 1);
    run.assert_count(exact("imap(square, 1..=5): [1, 4, 9, 16, 25]"), 1);
}

#[test]
fn with_maxtasksperchild_new_workers_take_over() {
    let run = run();
    let first = pids(run, "maxtasksperchild=2, first workers: ");
    let ran_on = pids(run, "8 tasks ran on ");
    // Two tasks each: eight tasks need four workers, the first two and two new ones.
    run.assert_count("8 tasks ran on 4 workers: ", 1);
    assert!(first.is_subset(&ran_on));
    assert!(ran_on.is_subset(&workers(run)));
}
