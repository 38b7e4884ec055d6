//! `queue-basic`에 대한 노트의 주장 (1) 큐, 첫 번째 코드).
//! The notes' claims about `queue-basic` (1) 큐, first snippet).

harness::example!(
    "queue-basic",
    threads,
    recording = harness::checks::Recording {
        orders: &[("1", "2"), ("2", "3")],
        ..Default::default()
    }
);

#[test]
fn items_come_out_in_the_order_they_went_in() {
    let run = run();
    run.assert_stdout(&["1", "2", "3"]);
    run.assert_one_process();
}
