//! The harness's assertions fail when their claim is false, and say so with the whole run.

use harness::{Example, exact};
use std::time::Duration;

const STRESS: &str = env!("CARGO_BIN_EXE_say-stress");

fn one_line_run() -> harness::Run {
    Example::new(STRESS).arg("1").arg("1").run()
}

#[test]
#[should_panic(expected = "expected every the line \"stress end\" before every")]
fn before_fails_on_the_wrong_order() {
    one_line_run().assert_before(exact("stress end"), exact("stress start"));
}

#[test]
#[should_panic(expected = "expected never")]
fn never_fails_when_the_line_is_there() {
    one_line_run().assert_never("stress 0 0");
}

#[test]
#[should_panic(expected = "to be printed by the thread named \"main\"")]
fn thread_identity_fails_for_another_thread() {
    one_line_run().assert_thread("stress 0 0", "main");
}

#[test]
#[should_panic(expected = "expected exit status 0")]
fn success_fails_on_a_usage_error() {
    Example::new(STRESS).run().assert_success();
}

#[test]
#[should_panic(expected = "--- stdout:\n   0 | stress start")]
fn a_failure_prints_the_captured_output() {
    one_line_run().assert_count("stress start", 2);
}

#[test]
#[should_panic(expected = "timed out")]
fn a_run_past_its_timeout_is_killed_and_fails() {
    Example::new(STRESS)
        .arg("1")
        .arg("100000000")
        .timeout(Duration::from_millis(300))
        .run();
}

#[test]
fn a_stopped_run_ends_at_once_and_says_so() {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let running = Example::new(STRESS)
        .arg("processes")
        .arg("2")
        .arg("100000000")
        .timeout(Duration::from_secs(60))
        .stop_when(std::sync::Arc::clone(&stop))
        .spawn();
    assert!(running.wait_for_trace(Duration::from_secs(20), |events| events.len() > 10));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (run, ending) = running.finish();
    assert!(ending.stopped, "{ending:?}");
    assert_eq!(ending.timed_out, None);
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
    // Its group was killed, the children with it.
    run.assert_no_process_left();
}
