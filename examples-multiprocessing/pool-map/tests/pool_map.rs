//! The notes' claims about `pool-map` (Pool 사용하기): 1..=99, once each, by four workers.

use harness::{Run, exact};
use std::collections::BTreeSet;

fn run() -> Run {
    let run = harness::run(env!("CARGO_BIN_EXE_pool-map"));
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_trace_complete();
    run.assert_no_process_left();
    run
}

#[test]
fn every_number_is_printed_exactly_once() {
    let run = run();
    for x in 1..100 {
        run.assert_count(exact(&x.to_string()), 1);
    }
    assert_eq!(run.stdout.len(), 99);
}

#[test]
fn four_worker_processes_did_the_work() {
    let run = run();
    let workers: BTreeSet<u32> = run.said().iter().map(|event| event.pid).collect();
    assert_eq!(workers.len(), 4, "{workers:?}");
    assert!(!workers.contains(&run.pid), "the parent printed a number");
    for event in run.said() {
        assert_eq!(event.ppid, run.pid, "{event:?}");
        assert!(event.process.starts_with("ForkPoolWorker-"), "{event:?}");
    }
}

#[test]
fn a_worker_prints_its_chunk_in_order() {
    // Chunks of 7 (99 / 16, rounded up): 1..=7 go to one worker, which prints them in order.
    let run = run();
    for x in 1..7 {
        run.assert_same_process(exact(&x.to_string()), exact(&(x + 1).to_string()));
        run.assert_before(exact(&x.to_string()), exact(&(x + 1).to_string()));
    }
}

#[test]
fn sigint_or_sigterm_leaves_no_child_behind() {
    harness::checks::assert_signals_leave_nothing(env!("CARGO_BIN_EXE_pool-map"));
}

#[test]
fn a_closed_stdout_ends_it_quietly() {
    harness::checks::assert_quiet_when_stdout_closes(env!("CARGO_BIN_EXE_pool-map"));
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = harness::run(env!("CARGO_BIN_EXE_pool-map"));
    run.assert_success();
    harness::checks::assert_matches_recording(&run, env!("CARGO_MANIFEST_DIR"), Default::default());
}
