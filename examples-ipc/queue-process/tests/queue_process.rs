//! The notes' claims about `queue-process` (1) 큐, second snippet).

use harness::exact;

#[test]
fn the_parent_gets_each_childs_list_in_turn() {
    let run = harness::run(env!("CARGO_BIN_EXE_queue-process"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_stdout(&["[42, None, 'process 1']", "[31, None, 'process 2']"]);
    // The parent printed both; the children only put.
    run.assert_one_process();
    run.assert_no_process_left();
}

#[test]
fn a_line_never_appears_that_no_child_sent() {
    let run = harness::run(env!("CARGO_BIN_EXE_queue-process"));
    run.assert_success();
    run.assert_count(exact("[42, None, 'process 1']"), 1);
    run.assert_count(exact("[31, None, 'process 2']"), 1);
    run.assert_trace_complete();
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_queue-process"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_queue-process"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_queue-process"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("process 1", "process 2")],
            ..Default::default()
        },
    );
}
