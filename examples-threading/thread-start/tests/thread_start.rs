//! `thread-start`에 대한 노트의 주장 (§1.1): 이름 붙은 스레드 다섯, 파이썬에서는 조인하지 않습니다.
//! The notes' claims about `thread-start` (§1.1): five named threads, never joined in Python.

harness::example!(
    "thread-start",
    threads,
    recording = harness::checks::Recording {
        orders: &[
            ("main thread start", "sub thread end"),
            ("main thread end", "sub thread end"),
        ],
        ..Default::default()
    }
);

#[test]
fn main_thread_starts_first() {
    run().assert_first("main thread start");
}

#[test]
fn every_worker_starts_and_ends_once_in_its_own_named_thread() {
    let run = run();
    for i in 0..5 {
        let start = format!("sub thread start  thread {i}");
        let end = format!("sub thread end  thread {i}");
        run.assert_count(&start, 1);
        run.assert_count(&end, 1);
        run.assert_thread(&start, &format!("thread {i}"));
        run.assert_same_thread(&start, &end);
        run.assert_before(&start, &end);
    }
    run.assert_thread("main thread", "main");
}

#[test]
fn main_ends_before_the_workers_wake_up() {
    // The workers sleep 3 s (150 ms at the test scale) after starting; main ends right after
    // starting them: a margin of 150 ms.
    run().assert_before("main thread end", "sub thread end");
}

#[test]
fn the_process_waits_for_its_workers_as_python_does() {
    let run = run();
    run.assert_count("sub thread end", 5);
    run.assert_last("sub thread end");
}

#[test]
fn all_lines_come_from_one_process() {
    run().assert_one_process();
}

#[test]
fn a_bad_time_scale_is_refused_before_anything_runs() {
    let run = harness::Example::new(env!("CARGO_BIN_EXE_thread-start"))
        .env("TUTORIAL_TIME_SCALE", "fast")
        .run();
    run.assert_exit_code(2);
    run.assert_stdout(&[]);
    assert_eq!(
        run.stderr,
        "error: invalid TUTORIAL_TIME_SCALE=\"fast\": expected a number from 0 to 100\n"
    );
}
