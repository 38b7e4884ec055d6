//! `process-join`에 대한 노트의 주장 (1) Join).
//! The notes' claims about `process-join` (1) Join).

use harness::exact;

harness::example!(
    "process-join",
    processes,
    recording = harness::checks::Recording {
        orders: &[("Sub Process end", "Main Process end")],
        ..Default::default()
    }
);

#[test]
fn the_child_ends_before_main_does() {
    let run = run();
    run.assert_stdout(&[
        "Main Process start",
        "Sub Process start",
        "Sub Process end",
        "Main Process end",
    ]);
    run.assert_process(exact("Sub Process start"), "Sub Process");
    run.assert_same_process(exact("Sub Process start"), exact("Sub Process end"));
    run.assert_child_of(exact("Sub Process end"), exact("Main Process end"));
}
