//! `process-spawn`에 대한 노트의 주장 (프로세스 스포닝).
//! The notes' claims about `process-spawn` (프로세스 스포닝).

use harness::exact;

harness::example!(
    "process-spawn",
    processes,
    recording = harness::checks::Recording {
        orders: &[("MainProcess End", "SubProcess End")],
        ..Default::default()
    }
);

#[test]
fn main_prints_its_name_and_pid_then_ends() {
    let run = run();
    let pid = run.pid.to_string();
    run.assert_stdout_starts(&["MainProcess", &pid]);
    run.assert_process(exact("MainProcess End"), "MainProcess");
    run.assert_same_process(exact("MainProcess"), exact(&pid));
}

#[test]
fn the_child_is_another_process_with_its_own_pid() {
    let run = run();
    let child = run.event(exact("SubProcess End")).pid;
    assert_ne!(child, run.pid);
    // The child printed its own name and its own PID.
    run.assert_process(exact("SubProcess"), "SubProcess");
    run.assert_same_process(exact("SubProcess"), exact(&child.to_string()));
    run.assert_child_of(exact("SubProcess End"), exact("MainProcess End"));
}

#[test]
fn the_parent_waits_for_the_child_at_exit() {
    let run = run();
    // The child sleeps 5 s (250 ms here) before its last line; main ends right after the fork.
    run.assert_before(exact("MainProcess End"), exact("SubProcess End"));
    run.assert_last(exact("SubProcess End"));
    run.assert_before(exact("SubProcess"), exact("SubProcess End"));
}
