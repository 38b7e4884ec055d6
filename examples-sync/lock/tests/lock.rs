//! `lock`: `Mutex`가 스레드들이 덧붙인 항목을 하나도 잃지 않습니다.
//! `lock`: a `Mutex` keeps every item the threads append.

use harness::exact;

harness::example!(
    "lock",
    threads,
    recording = harness::checks::Recording {
        orders: &[("appended", "the list has")],
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn every_item_is_in_the_list_once() {
    let run = run();
    run.assert_count(exact("the list has 20 items"), 1);
    run.assert_last(exact("every item once: True"));
}

#[test]
fn each_thread_reports_from_its_own_thread_before_the_count() {
    let run = run();
    for t in 0..4 {
        let line = format!("thread {t} appended 5 items");
        run.assert_thread(exact(&line), &format!("thread {t}"));
        // The scope joins every thread before main counts.
        run.assert_before(exact(&line), "the list has");
    }
}
