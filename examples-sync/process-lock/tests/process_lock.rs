//! `process-lock`: 공유 메모리 안의 잠금이 두 프로세스의 읽고-쓰기를 정확하게 만듭니다.
//! `process-lock`: the lock in shared memory makes two processes' read-then-write exact.

use harness::exact;

harness::example!(
    "process-lock",
    processes,
    recording = harness::checks::Recording {
        all_numbers: true,
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn with_the_lock_no_update_is_lost() {
    let run = run();
    run.assert_count(exact("with the lock: 200000"), 1);
    run.assert_process(exact("with the lock: 200000"), "MainProcess");
}

#[test]
fn without_the_lock_the_count_is_at_most_the_total() {
    // Lost updates are luck; more than 200000 would be a bug.
    let count: u32 = run().number_after("without the lock: ");
    assert!(count <= 200_000, "{count}");
}

#[test]
fn four_counting_processes_ran() {
    let run = run();
    let children = run
        .events_of_kind(harness::Kind::ProcessStart)
        .into_iter()
        .filter(|e| e.ppid == run.pid)
        .count();
    assert_eq!(children, 4);
}
