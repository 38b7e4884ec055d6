//! `asyncio-tokio`: 스레드 하나에서 많은 기다리기. (시간과 메모리는 읽는 사람을 위해 찍을 뿐, 검사하지
//! 않습니다.)
//! `asyncio-tokio`: many waits on one thread. (Times and memory are printed for the reader, and
//! never asserted.)

harness::example!(
    "asyncio-tokio",
    processes,
    recording = harness::checks::Recording {
        all_numbers: true,
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn the_five_waits_run_on_the_main_thread_alone() {
    let run = run();
    run.assert_first("5 waits of 1 s on one thread: ");
    // Only the main thread of the main process ever started: the runtime added none.
    let main_threads: Vec<_> = run
        .events_of_kind(harness::Kind::ThreadStart)
        .into_iter()
        .filter(|e| e.pid == run.pid)
        .map(|e| e.thread.clone())
        .collect();
    assert_eq!(main_threads, ["main"]);
}

#[test]
fn tasks_and_threads_are_each_measured_in_a_process_of_their_own() {
    let run = run();
    for what in ["waiting tasks", "waiting threads"] {
        run.assert_count(&format!("10000 {what}: "), 1);
        let child = run
            .events_of_kind(harness::Kind::ProcessExit)
            .into_iter()
            .find(|e| e.process == what)
            .unwrap_or_else(|| panic!("no process {what}"));
        assert_eq!((child.ppid, child.exitcode), (run.pid, Some(0)));
    }
    run.assert_one_process();
}
