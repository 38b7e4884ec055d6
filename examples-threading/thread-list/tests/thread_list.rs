//! `thread-list`에 대한 노트의 주장 ("스레드 List 가능"): 리스트의 스레드를 모두 조인합니다.
//! The notes' claims about `thread-list` ("스레드 List 가능"): every thread in the list is joined.

use harness::exact;

harness::example!(
    "thread-list",
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
fn all_three_workers_end_before_the_post_job() {
    let run = run();
    run.assert_count("sub thread end", 3);
    run.assert_before("sub thread end", "main thread post job");
    run.assert_before("main thread post job", "main thread end");
    run.assert_last("main thread end");
}

#[test]
fn workers_are_named_by_their_number() {
    let run = run();
    for i in 0..3 {
        let start = format!("sub thread start  {i}");
        run.assert_count(exact(&start), 1);
        run.assert_thread(exact(&start), &i.to_string());
        run.assert_same_thread(exact(&start), exact(&format!("sub thread end  {i}")));
    }
    run.assert_first("main thread start");
    run.assert_one_process();
}
