//! `process-start`에 대한 노트의 주장 (join과 데몬, 조인 없이).
//! The notes' claims about `process-start` (join과 데몬, no join).

use harness::exact;

harness::example!(
    "process-start",
    processes,
    recording = harness::checks::Recording {
        orders: &[("Main Process end", "Sub Process end")],
        ..Default::default()
    }
);

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
