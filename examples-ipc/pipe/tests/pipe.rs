//! `pipe`에 대한 노트의 주장 (2) Pipe()).
//! The notes' claims about `pipe` (2) Pipe()).

use harness::exact;

harness::example!(
    "pipe",
    processes,
    recording = harness::checks::Recording {
        orders: &[("send from parent_conn", "send from child_conn")],
        ..Default::default()
    }
);

#[test]
fn the_child_prints_the_parents_message_and_the_parent_the_reply() {
    let run = run();
    // The reply is sent only after the child printed, so this order is certain.
    run.assert_stdout(&[
        "[31, None, 'send from parent_conn']",
        "[42, None, 'send from child_conn']",
    ]);
    run.assert_process(exact("[42, None, 'send from child_conn']"), "MainProcess");
    run.assert_child_of(
        exact("[31, None, 'send from parent_conn']"),
        exact("[42, None, 'send from child_conn']"),
    );
}
