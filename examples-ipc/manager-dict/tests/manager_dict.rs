//! `manager-dict`: 프로세스 넷이 매니저 프로세스 안에 있는 dict와 list에 씁니다.
//! `manager-dict`: four processes write into a dict and a list that live in the manager process.

use harness::{Kind, exact};

harness::example!(
    "manager-dict",
    processes,
    python = harness::checks::Twin::default()
);

#[test]
fn main_sees_every_processs_entries_after_the_joins() {
    let run = run();
    assert!(
        run.stdout[0].starts_with("manager pid: "),
        "{:?}",
        run.stdout
    );
    run.assert_count(
        exact(
            "{0: 'from process 0', 1: 'from process 1', 2: 'from process 2', 3: 'from process 3'}",
        ),
        1,
    );
    run.assert_count(exact("[0, 1, 2, 3]"), 1);
    run.assert_process(exact("[0, 1, 2, 3]"), "MainProcess");
}

#[test]
fn the_manager_is_a_process_of_its_own_and_gone_after_the_block() {
    let run = run();
    let pid: u32 = run.number_after("manager pid: ");
    assert_ne!(pid, run.pid);
    let manager = run
        .events_of_kind(Kind::ProcessStart)
        .into_iter()
        .find(|e| e.process == "SyncManager-1")
        .expect("the manager's start in the trace");
    assert_eq!((manager.pid, manager.ppid), (pid, run.pid));
    run.assert_count(exact("after the with block, the manager is gone: True"), 1);
    let writers = run
        .events_of_kind(Kind::ProcessStart)
        .into_iter()
        .filter(|e| e.process.starts_with("Process-"))
        .count();
    assert_eq!(writers, 4);
}
