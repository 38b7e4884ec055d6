//! `shareable-list`: 자식이 이름으로 찾은 `ShareableList`를 바꾸고, 그 한계는 지켜집니다.
//! `shareable-list`: a child changes a `ShareableList` found by its name; its limits hold.

use harness::exact;

harness::example!(
    "shareable-list",
    processes,
    python = harness::checks::Twin::default(),
    // Ended at its second line, before `unlink`: the tracker unlinks the list's block and says so.
    closed_stdout_may_say = "resource_tracker: There appear to be 1 leaked shared_memory"
);

#[test]
fn the_parent_sees_the_childs_changes_after_the_join() {
    let run = run();
    run.assert_stdout(&[
        "created [1, 2.5, 'text', None]",
        "child sees [2, 5.0, 'TEXT', True]",
        "parent sees [2, 5.0, 'TEXT', True]",
        "ValueError: bytes/str item exceeds available storage",
        "len stays 4",
    ]);
    run.assert_process(exact("child sees [2, 5.0, 'TEXT', True]"), "Process-1");
    run.assert_process(exact("parent sees [2, 5.0, 'TEXT', True]"), "MainProcess");
    assert_eq!(harness::checks::shm_segments_left(), Vec::<String>::new());
}
