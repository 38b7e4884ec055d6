//! `process-args-class`에 대한 노트의 주장 (2) Class 경우).
//! The notes' claims about `process-args-class` (2) Class 경우).

use harness::exact;

harness::example!(
    "process-args-class",
    processes,
    recording = harness::checks::Recording {
        orders: &[("hello", "Main Process")],
        ..Default::default()
    }
);

#[test]
fn the_method_runs_in_the_child_before_main_goes_on() {
    let run = run();
    run.assert_stdout(&["Sub Process", "hello", "Main Process"]);
    run.assert_process(exact("hello"), "Sub Process");
    run.assert_child_of(exact("hello"), exact("Main Process"));
}
