//! `process-kill`에 대한 노트의 주장 (is_alive와 kill).
//! The notes' claims about `process-kill` (is_alive and kill).

use harness::exact;

harness::example!(
    "process-kill",
    processes,
    recording = harness::checks::Recording {
        volatile: &["True", "False"],
        as_set: true,
        ..Default::default()
    }
);

#[test]
fn status_is_false_before_start_and_true_after() {
    let run = run();
    run.assert_stdout_starts(&["Status:  False"]);
    // The second status line comes right after start: the child loops forever, so it is alive.
    let statuses: Vec<&String> = run
        .stdout
        .iter()
        .filter(|line| line.starts_with("Status:"))
        .collect();
    assert_eq!(statuses.len(), 4, "{:#?}", run.stdout);
    assert_eq!(statuses[1], "Status:  True");
    // Right after `kill` the child may or may not be dead yet: either answer is honest.
    assert!(["Status:  True", "Status:  False"].contains(&statuses[2].as_str()));
}

#[test]
fn status_is_false_after_join_and_nothing_runs_after_it() {
    let run = run();
    run.assert_last(exact("Status:  False"));
    run.assert_process("Status:", "MainProcess");
    run.assert_process("sub process is running", "SubProcess");
}

#[test]
fn the_child_runs_until_killed() {
    // A run of its own at scale 0.2: the child prints every second (200 ms here) and is killed
    // after 5 s (1 s), so its first two lines come at 0 and 200 ms, a margin of 800 ms. (At the
    // standard scale the margin was 200 ms, and a run beside a soak and a CI at once once saw one
    // line only.) How many more come depends on the machine.
    let run = harness::Example::new(env!("CARGO_BIN_EXE_process-kill"))
        .scale(0.2)
        .run();
    run.assert_count_in("sub process is running", 2..=usize::MAX);
    let running = run.lines_matching("sub process is running");
    let statuses = run.lines_matching("Status:");
    assert!(
        running
            .iter()
            .all(|&line| line > statuses[0] && line < statuses[3])
    );
}
