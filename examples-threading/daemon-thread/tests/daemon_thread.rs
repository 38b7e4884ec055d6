//! `daemon-thread`에 대한 노트의 주장 ("데몬 스레드 만들기"): 작업자들은 main과 함께 죽습니다.
//! The notes' claims about `daemon-thread` ("데몬 스레드 만들기"): the workers die with main.

use harness::Example;
use std::time::Duration;

harness::example!(
    "daemon-thread",
    threads,
    recording = harness::checks::Recording {
        orders: &[("sub thread start", "main thread end")],
        ..Default::default()
    }
);

#[test]
fn five_workers_start_before_main_ends() {
    let run = run();
    run.assert_count("sub thread start", 5);
    for i in 0..5 {
        run.assert_thread(
            &format!("sub thread start  thread {i}"),
            &format!("thread {i}"),
        );
    }
    run.assert_before("sub thread start", "main thread end");
}

#[test]
fn main_thread_end_is_the_last_line() {
    let run = run();
    run.assert_first("main thread start");
    run.assert_last("main thread end");
    run.assert_one_process();
}

#[test]
fn daemon_workers_never_finish() {
    // At the notes' own scale the workers sleep 3 s. The run must end well before that: the
    // bound is half the sleep, more than a hundred times what the exit takes.
    let run = Example::new(env!("CARGO_BIN_EXE_daemon-thread"))
        .scale(1.0)
        .run();
    run.assert_success();
    run.assert_never("sub thread end");
    if run.elapsed >= Duration::from_millis(1500) {
        run.fail("expected the process to end at once, not wait for its sleeping workers");
    }
}
