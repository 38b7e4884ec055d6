//! `manager-namespace`: 자식이 정한 속성은 부모에게 닿고, 사본을 바꾼 것은 닿지 않습니다.
//! `manager-namespace`: a child's attribute reaches the parent; a change to a copy does not.

use harness::exact;

harness::example!(
    "manager-namespace",
    processes,
    python = harness::checks::Twin::default()
);

#[test]
fn the_assignment_is_kept_and_the_append_to_a_copy_is_lost() {
    let run = run();
    run.assert_stdout(&["ns.x = 10", "ns.lst = [2]"]);
    run.assert_process(exact("ns.lst = [2]"), "MainProcess");
}
