//! `process-args-fn`에 대한 노트의 주장 (1) 함수 경우).
//! The notes' claims about `process-args-fn` (1) 함수 경우).

use harness::exact;

harness::example!(
    "process-args-fn",
    processes,
    recording = harness::checks::Recording {
        orders: &[("hello", "Main Process")],
        ..Default::default()
    }
);

#[test]
fn the_child_prints_its_name_and_argument_before_main_goes_on() {
    let run = run();
    run.assert_stdout(&["Sub Process", "hello", "Main Process"]);
    run.assert_process(exact("Sub Process"), "Sub Process");
    run.assert_process(exact("hello"), "Sub Process");
    run.assert_child_of(exact("hello"), exact("Main Process"));
}
