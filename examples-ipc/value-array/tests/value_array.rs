//! The notes' claims about `value-array` (3) Value, Array).

#[test]
fn the_parent_sees_what_the_children_wrote_and_nothing_is_left() {
    let run = harness::run(env!("CARGO_BIN_EXE_value-array"));
    run.assert_success();
    run.assert_stderr_empty();
    // 2.0: the second child's write, read by the parent. The array was negated twice.
    run.assert_stdout(&["2.0", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"]);
    run.assert_one_process();
    run.assert_no_process_left();
    assert_eq!(harness::checks::shm_segments_left(), Vec::<String>::new());
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_value-array"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_value-array"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_value-array"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("2.0", "[0, 1")],
            ..Default::default()
        },
    );
}
