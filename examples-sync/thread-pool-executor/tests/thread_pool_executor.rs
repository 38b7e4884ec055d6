//! `thread-pool-executor`: `as_completed`에서는 끝난 순서로, `map`에서는 입력 순서로 결과가 돌아옵니다.
//! `thread-pool-executor`: results come back in completion order from `as_completed` and in
//! input order from `map`.

use harness::exact;

harness::example!(
    "thread-pool-executor",
    threads,
    recording = harness::checks::Recording {
        orders: &[("submit", "as_completed"), ("as_completed", "map")],
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn submit_then_result_gives_the_square() {
    run().assert_first(exact("submit(square, 4).result(): 16"));
}

#[test]
fn as_completed_gives_every_result_once() {
    // In completion order, which timing decides: only which results, not their order, is sure.
    let run = run();
    for x in 1..=4 {
        run.assert_count(exact(&format!("as_completed: square({x}) = {}", x * x)), 1);
    }
}

#[test]
fn map_gives_the_results_in_input_order() {
    run().assert_last(exact("map: [1, 4, 9, 16]"));
}
