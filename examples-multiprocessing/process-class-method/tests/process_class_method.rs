//! The notes' claims about `process-class-method` (프로세스와 클래스).

use harness::exact;

#[test]
fn init_in_main_run_in_the_child_and_the_parent_copy_unchanged() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-class-method"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_stdout(&["__init__ MainProcess", "run bob", "run SubProcess", "None"]);
    run.assert_process(exact("__init__ MainProcess"), "MainProcess");
    run.assert_process(exact("run bob"), "SubProcess");
    run.assert_process(exact("None"), "MainProcess");
    run.assert_child_of(exact("run bob"), exact("None"));
    run.assert_no_process_left();
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_process-class-method"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_process-class-method"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-class-method"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[
                ("__init__ MainProcess", "run bob"),
                ("run SubProcess", "None"),
            ],
            ..Default::default()
        },
    );
}
