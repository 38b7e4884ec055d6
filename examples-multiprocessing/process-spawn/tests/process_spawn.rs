//! The notes' claims about `process-spawn` (프로세스 스포닝).

use harness::{Run, exact};

fn run() -> Run {
    let run = harness::run(env!("CARGO_BIN_EXE_process-spawn"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_trace_complete();
    run.assert_no_process_left();
    run
}

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

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_process-spawn"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_process-spawn"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-spawn"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("MainProcess End", "SubProcess End")],
            ..Default::default()
        },
    );
}
