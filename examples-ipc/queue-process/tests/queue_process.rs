//! `queue-process`에 대한 노트의 주장 (1) 큐, 두 번째 코드).
//! The notes' claims about `queue-process` (1) 큐, second snippet).

use harness::exact;

harness::example!(
    "queue-process",
    processes,
    recording = harness::checks::Recording {
        orders: &[("process 1", "process 2")],
        ..Default::default()
    }
);

#[test]
fn the_parent_gets_each_childs_list_in_turn() {
    let run = run();
    run.assert_stdout(&["[42, None, 'process 1']", "[31, None, 'process 2']"]);
    // The parent printed both; the children only put.
    run.assert_one_process();
}

#[test]
fn a_line_never_appears_that_no_child_sent() {
    let run = run();
    run.assert_count(exact("[42, None, 'process 1']"), 1);
    run.assert_count(exact("[31, None, 'process 2']"), 1);
}
