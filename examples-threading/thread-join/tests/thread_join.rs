//! `thread-join`에 대한 노트의 주장 ("Fork와 Join"): `join`은 두 작업자를 모두 기다립니다.
//! The notes' claims about `thread-join` ("Fork와 Join"): `join` waits for both workers.

use harness::exact;

harness::example!(
    "thread-join",
    threads,
    recording = harness::checks::Recording {
        orders: &[
            ("sub thread end", "main thread post job"),
            ("main thread post job", "main thread end"),
        ],
        ..Default::default()
    }
);

#[test]
fn both_workers_end_before_the_post_job() {
    let run = run();
    run.assert_before(exact("sub thread end  1"), "main thread post job");
    run.assert_before(exact("sub thread end  2"), "main thread post job");
}

#[test]
fn post_job_then_end_close_the_run() {
    let run = run();
    run.assert_first("main thread start");
    run.assert_before("main thread post job", "main thread end");
    run.assert_last("main thread end");
    assert_eq!(run.stdout.len(), 7, "{:#?}", run.stdout);
}

#[test]
fn each_worker_prints_from_its_own_named_thread() {
    let run = run();
    for name in ["1", "2"] {
        let start = format!("sub thread start  {name}");
        run.assert_count(exact(&start), 1);
        run.assert_thread(exact(&start), name);
        run.assert_same_thread(exact(&start), exact(&format!("sub thread end  {name}")));
    }
    run.assert_different_thread(exact("sub thread start  1"), exact("sub thread start  2"));
    run.assert_thread("main thread", "main");
    run.assert_one_process();
}

/// The order is the joins', not the sleeps': with one worker held back 300 ms before it starts
/// (`TUTORIAL_STRAGGLER`, from `common::perturb`: the first to print, then the other), each end
/// still comes before the post job. Without either `join`, one of these runs prints the post
/// job first (equal sleeps alone would end the two workers microseconds apart).
#[test]
fn the_post_job_waits_for_a_worker_held_back() {
    for late in ["first:300", "rest:300"] {
        let run = harness::Example::new(env!("CARGO_BIN_EXE_thread-join"))
            .env(common::perturb::STRAGGLER_VAR, late)
            .run();
        run.assert_success();
        run.assert_before(exact("sub thread end  1"), "main thread post job");
        run.assert_before(exact("sub thread end  2"), "main thread post job");
    }
}
