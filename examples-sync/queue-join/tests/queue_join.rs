//! `queue-join`: main의 "all tasks done"은 모든 일 뒤에 나옵니다.
//! `queue-join`: main's "all tasks done" comes after every task.

use harness::exact;

harness::example!(
    "queue-join",
    threads,
    recording = harness::checks::Recording {
        orders: &[("task ", "all tasks done")],
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn all_tasks_done_comes_after_every_task() {
    let run = run();
    for task in 0..5 {
        let line = format!("task {task} done");
        run.assert_count(exact(&line), 1);
        run.assert_before(exact(&line), exact("all tasks done"));
    }
    run.assert_last(exact("all tasks done"));
    run.assert_thread(exact("all tasks done"), "main");
    for event in run.events_matching(" done") {
        if event.msg != "all tasks done" {
            assert!(event.thread.starts_with("worker "), "{event:?}");
        }
    }
}
