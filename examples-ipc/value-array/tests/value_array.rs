//! `value-array`에 대한 노트의 주장 (3) Value, Array).
//! The notes' claims about `value-array` (3) Value, Array).

harness::example!(
    "value-array",
    processes,
    recording = harness::checks::Recording {
        orders: &[("2.0", "[0, 1")],
        ..Default::default()
    }
);

#[test]
fn the_parent_sees_what_the_children_wrote() {
    let run = run();
    // 2.0: the second child's write, read by the parent. The array was negated twice.
    run.assert_stdout(&["2.0", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"]);
    run.assert_one_process();
}
