//! The notes' claims about `queue-basic` (1) 큐, first snippet).

#[test]
fn items_come_out_in_the_order_they_went_in() {
    let run = harness::run(env!("CARGO_BIN_EXE_queue-basic"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_stdout(&["1", "2", "3"]);
    run.assert_one_process();
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_queue-basic"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_queue-basic"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("1", "2"), ("2", "3")],
            ..Default::default()
        },
    );
}
