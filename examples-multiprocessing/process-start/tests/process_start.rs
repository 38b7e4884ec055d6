//! The notes' claims about `process-start` (join과 데몬, no join).

use harness::{Run, exact};

fn run() -> Run {
    let run = harness::run(env!("CARGO_BIN_EXE_process-start"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_trace_complete();
    run.assert_no_process_left();
    run
}

#[test]
fn main_ends_before_the_child_does() {
    let run = run();
    run.assert_first(exact("Main Process start"));
    // The child sleeps 5 s (250 ms here) before "Sub Process end".
    run.assert_before(exact("Main Process end"), exact("Sub Process end"));
}

#[test]
fn the_program_still_waits_for_the_child() {
    let run = run();
    run.assert_last(exact("Sub Process end"));
    run.assert_count(exact("Sub Process start"), 1);
    run.assert_process(exact("Sub Process end"), "Sub Process");
    run.assert_child_of(exact("Sub Process end"), exact("Main Process end"));
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_process-start"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_process-start"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_process-start"));
    run.assert_success();
    harness::checks::assert_matches_recording(
        &run,
        env!("CARGO_MANIFEST_DIR"),
        harness::checks::Recording {
            orders: &[("Main Process end", "Sub Process end")],
            ..Default::default()
        },
    );
}
