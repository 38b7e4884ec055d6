//! `process-class-target`에 대한 노트의 주장 (타켓으로 클래스 전달).
//! The notes' claims about `process-class-target` (타켓으로 클래스 전달).

use harness::exact;

harness::example!(
    "process-class-target",
    processes,
    recording = harness::checks::Recording {
        orders: &[("__init__ SubProcess", "run bob")],
        ..Default::default()
    }
);

#[test]
fn construction_and_run_both_happen_in_the_child() {
    let run = run();
    run.assert_stdout(&["__init__ SubProcess", "run bob", "run SubProcess"]);
    run.assert_process(exact("__init__ SubProcess"), "SubProcess");
    run.assert_same_process(exact("__init__ SubProcess"), exact("run SubProcess"));
    assert_ne!(run.event(exact("run bob")).pid, run.pid);
}
