//! The notes' claims about `process-join` (1) Join).

use harness::exact;

#[test]
fn the_child_ends_before_main_does() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-join"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_stdout(&[
        "Main Process start",
        "Sub Process start",
        "Sub Process end",
        "Main Process end",
    ]);
    run.assert_process(exact("Sub Process start"), "Sub Process");
    run.assert_same_process(exact("Sub Process start"), exact("Sub Process end"));
    run.assert_child_of(exact("Sub Process end"), exact("Main Process end"));
    run.assert_no_process_left();
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_process-join"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_process-join"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-join"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("Sub Process end", "Main Process end")],
            ..Default::default()
        },
    );
}
