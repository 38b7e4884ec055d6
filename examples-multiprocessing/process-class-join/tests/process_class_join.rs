//! `process-class-join`에 대한 노트의 주장: `join` 앞과 뒤.
//! The notes' claims about `process-class-join`: before and after `join`.

use harness::exact;

harness::example!(
    "process-class-join",
    processes,
    recording = harness::checks::Recording {
        volatile: &["True", "False"],
        orders: &[
            ("before join", "after join"),
            ("run SubProcess", "after join"),
        ],
        ..Default::default()
    }
);

#[test]
fn the_parent_lines_come_in_order() {
    let run = run();
    let parent: Vec<&str> = run
        .said()
        .into_iter()
        .filter(|e| e.pid == run.pid)
        .map(|e| e.msg.as_str())
        .collect();
    assert_eq!(parent.len(), 7, "{parent:#?}");
    assert_eq!(parent[0], "__init__ MainProcess");
    assert_eq!(parent[1], "before join");
    // Alive or already finished: a forked child can be done before the parent asks.
    assert!(["SubProcess:  True", "SubProcess:  False"].contains(&parent[2]));
    assert_eq!(
        &parent[3..],
        ["None", "after join", "SubProcess:  False", "None"]
    );
}

#[test]
fn the_child_runs_before_after_join_and_never_changes_the_parent() {
    let run = run();
    run.assert_process(exact("run bob"), "SubProcess");
    run.assert_before(exact("run SubProcess"), exact("after join"));
    run.assert_count(exact("None"), 2);
    run.assert_process(exact("None"), "MainProcess");
    run.assert_last(exact("None"));
}
