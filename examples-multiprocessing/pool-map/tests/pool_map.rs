//! `pool-map`에 대한 노트의 주장 (Pool 사용하기): 1..=99를 작업자 넷이 한 번씩.
//! The notes' claims about `pool-map` (Pool 사용하기): 1..=99, once each, by four workers.

use harness::exact;
use std::collections::BTreeSet;

harness::example!("pool-map", processes);

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
    // The workers are children of the pool's fork server, itself a child of the program.
    let server = run
        .events_of_kind(harness::Kind::ProcessStart)
        .into_iter()
        .find(|e| e.process == "ForkServer")
        .unwrap_or_else(|| run.fail("no ForkServer started"));
    assert_eq!(server.ppid, run.pid);
    for event in run.said() {
        assert_eq!(event.ppid, server.pid, "{event:?}");
        assert!(harness::is_pool_worker(&event.process), "{event:?}");
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
