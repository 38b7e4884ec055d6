//! `io-bound`: 스레드 다섯에서 요청 다섯이 한 번씩 끝납니다. (시간은 읽는 사람을 위해 찍을 뿐,
//! 검사하지 않습니다.)
//! `io-bound`: five requests on five threads, each done once. (The times are printed for the
//! reader, and never asserted.)

harness::example!(
    "io-bound",
    threads,
    recording = harness::checks::Recording {
        all_numbers: true,
        orders: &[(" done", "5 waits on 5 threads")],
        ..Default::default()
    }
);

#[test]
fn five_requests_each_finish_on_their_own_thread() {
    let run = run();
    run.assert_first("5 waits one after another: ");
    for i in 0..5 {
        let line = format!("request {i} done");
        run.assert_count(harness::exact(&line), 1);
        run.assert_thread(harness::exact(&line), &format!("request {i}"));
    }
    // `join` orders the summary after every request.
    run.assert_before(" done", "5 waits on 5 threads: ");
    run.assert_last("5 waits on 5 threads: ");
    run.assert_one_process();
}
