//! The notes' claims about `process-args-class` (2) Class 경우).

use harness::exact;

#[test]
fn the_method_runs_in_the_child_before_main_goes_on() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-args-class"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_stdout(&["Sub Process", "hello", "Main Process"]);
    run.assert_process(exact("hello"), "Sub Process");
    run.assert_child_of(exact("hello"), exact("Main Process"));
    run.assert_no_process_left();
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_process-args-class"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_process-args-class"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-args-class"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("hello", "Main Process")],
            ..Default::default()
        },
    );
}
