//! `process-class-method`에 대한 노트의 주장 (프로세스와 클래스).
//! The notes' claims about `process-class-method` (프로세스와 클래스).

use harness::exact;

harness::example!(
    "process-class-method",
    processes,
    recording = harness::checks::Recording {
        orders: &[
            ("__init__ MainProcess", "run bob"),
            ("run SubProcess", "None"),
        ],
        ..Default::default()
    }
);

#[test]
fn init_in_main_run_in_the_child_and_the_parent_copy_unchanged() {
    let run = run();
    run.assert_stdout(&["__init__ MainProcess", "run bob", "run SubProcess", "None"]);
    run.assert_process(exact("__init__ MainProcess"), "MainProcess");
    run.assert_process(exact("run bob"), "SubProcess");
    run.assert_process(exact("None"), "MainProcess");
    run.assert_child_of(exact("run bob"), exact("None"));
}
