//! `daemon-process`에 대한 노트의 주장 (2) Daemon속성).
//! The notes' claims about `daemon-process` (2) Daemon속성).

use harness::{Example, exact};
use std::time::Duration;

harness::example!(
    "daemon-process",
    processes,
    recording = harness::checks::Recording {
        optional: &["Sub Process start"],
        orders: &[("Main Process start", "Main Process end")],
        ..Default::default()
    }
);

#[test]
fn the_daemon_child_never_finishes() {
    let run = run();
    run.assert_first(exact("Main Process start"));
    run.assert_never("Sub Process end");
    // Whether the child gets to print its start before it is terminated is a race.
    run.assert_count_in(exact("Sub Process start"), 0..=1);
    run.assert_before(exact("Main Process start"), exact("Main Process end"));
}

#[test]
fn the_program_ends_at_once() {
    // At the notes' scale the child sleeps 5 s; the run must end well before: the bound is
    // half of that, hundreds of times what the exit takes.
    let run = Example::new(env!("CARGO_BIN_EXE_daemon-process"))
        .scale(1.0)
        .run();
    run.assert_success();
    run.assert_never("Sub Process end");
    run.assert_no_process_left();
    if run.elapsed >= Duration::from_millis(2500) {
        run.fail("expected the run to end at once, not to wait for the daemon child");
    }
}

/// 자식이 무언가를 찍기 전에 끝날 수도 있으므로, 자식을 시작했다는 것은 추적이 압니다: main이 데몬
/// 자식 하나를 시작했습니다.
/// The child may end before it prints anything, so the trace is what knows it was started: main
/// started one child, a daemon (a program that never starts it passed the tests above).
#[test]
fn main_starts_one_daemon_child() {
    let run = run();
    let started = run.events_of_kind(harness::Kind::ChildStarted);
    assert!(
        started.len() == 1
            && started[0].daemon == Some(true)
            && started[0].process == "MainProcess",
        "expected main to start one daemon child: {started:?}"
    );
}
