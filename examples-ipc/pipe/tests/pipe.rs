//! The notes' claims about `pipe` (2) Pipe()).

use harness::exact;

#[test]
fn the_child_prints_the_parents_message_and_the_parent_the_reply() {
    let run = harness::run(env!("CARGO_BIN_EXE_pipe"));
    run.assert_success();
    run.assert_stderr_empty();
    // The reply is sent only after the child printed, so this order is certain.
    run.assert_stdout(&[
        "[31, None, 'send from parent_conn']",
        "[42, None, 'send from child_conn']",
    ]);
    let child = run.event(exact("[31, None, 'send from parent_conn']"));
    assert_ne!(child.pid, run.pid);
    assert_eq!(child.ppid, run.pid);
    run.assert_process(exact("[42, None, 'send from child_conn']"), "MainProcess");
    run.assert_no_process_left();
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_pipe"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_pipe"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_pipe"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("send from parent_conn", "send from child_conn")],
            ..Default::default()
        },
    );
}
