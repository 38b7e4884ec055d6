//! `manager-queue-lock`: 풀의 일들이 쓰는 매니저의 큐, 잠금, 이벤트, dict.
//! `manager-queue-lock`: a manager's queue, lock, event and dict in a pool's tasks.

use harness::exact;

harness::example!(
    "manager-queue-lock",
    processes,
    python = harness::checks::Twin::default()
);

#[test]
fn no_task_goes_on_before_the_event_and_the_count_is_exact() {
    let run = run();
    run.assert_stdout(&[
        "before the event: 0 items on the queue",
        "[0, 1, 2, 3, 4, 5, 6, 7]",
        "['task 0 done', 'task 1 done', 'task 2 done', 'task 3 done', 'task 4 done', 'task 5 done', 'task 6 done', 'task 7 done']",
        "count: 8",
    ]);
    run.assert_process(exact("count: 8"), "MainProcess");
}
