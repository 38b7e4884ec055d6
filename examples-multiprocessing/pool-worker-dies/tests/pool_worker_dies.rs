//! `pool-worker-dies`: 죽은 작업자는 잃은 항목과 함께 그 호출을 실패시키고, 새 작업자로 바뀝니다.
//! `pool-worker-dies`: a killed worker fails its call, with the items it lost, and is replaced.

use harness::{Kind, exact};

harness::example!(
    "pool-worker-dies",
    processes,
    python = harness::checks::Twin {
        rust_only: &["map failed", "workers replaced"],
        python_only: &["map: no result after"],
        ..Default::default()
    }
);

#[test]
fn the_map_fails_naming_the_worker_and_the_items_it_lost() {
    let run = run();
    // Chunks of one, dealt round the two workers: items 1, 3, 5, 7 went to the second; it died
    // on 3, with 5 and 7 still waiting.
    run.assert_first(exact(
        "map failed: ForkPoolWorker-2 died (exit code -9) with items [3, 5, 7] unfinished",
    ));
    let killed = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .find(|e| e.process == "ForkPoolWorker-2")
        .unwrap_or_else(|| run.fail("no exit of ForkPoolWorker-2"));
    assert_eq!(killed.exitcode, Some(-9));
}

#[test]
fn the_next_map_succeeds_on_a_new_worker() {
    let run = run();
    run.assert_before("map failed", "next map");
    run.assert_count(exact("next map: [0, 1, 4, 9, 16, 25, 36, 49]"), 1);
    run.assert_last(exact("workers replaced: 1"));
    // Every worker has a `process_exit` (its own, or its server's when a signal killed it; a
    // replacement killed as the pool ends may not have written its `process_start` yet).
    let workers = run.pool_worker_names();
    assert!(
        workers.contains("ForkPoolWorker-3"),
        "no replacement: {workers:?}"
    );
}
