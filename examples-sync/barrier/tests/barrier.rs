//! `barrier`: 모든 스레드의 "before" 줄보다 먼저 나오는 "after" 줄은 없습니다.
//! `barrier`: no thread's "after" line before every thread's "before" line.

use harness::exact;

harness::example!(
    "barrier",
    threads,
    recording = harness::checks::Recording {
        orders: &[("before the barrier", "after the barrier")],
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn every_before_comes_before_any_after() {
    let run = run();
    run.assert_count("before the barrier", 3);
    run.assert_count("after the barrier", 3);
    run.assert_before("before the barrier", "after the barrier");
    for i in 0..3 {
        run.assert_same_thread(
            exact(&format!("thread {i} before the barrier")),
            exact(&format!("thread {i} after the barrier")),
        );
    }
}
