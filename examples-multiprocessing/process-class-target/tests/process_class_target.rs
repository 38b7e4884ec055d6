//! The notes' claims about `process-class-target` (타켓으로 클래스 전달).

use harness::exact;

#[test]
fn construction_and_run_both_happen_in_the_child() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-class-target"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_stdout(&["__init__ SubProcess", "run bob", "run SubProcess"]);
    run.assert_process(exact("__init__ SubProcess"), "SubProcess");
    run.assert_same_process(exact("__init__ SubProcess"), exact("run SubProcess"));
    assert_ne!(run.event(exact("run bob")).pid, run.pid);
    run.assert_no_process_left();
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_process-class-target"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_process-class-target"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-class-target"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("__init__ SubProcess", "run bob")],
            ..Default::default()
        },
    );
}
