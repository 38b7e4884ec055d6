//! `cpu-bound`: 일을 어떻게 나누든 같은, 맞는 개수를 찾습니다. (각각 얼마나 빨랐는지는 읽는 사람을
//! 위해 찍을 뿐, 검사하지 않습니다. 시간 재기는 벤치마크의 몫입니다.)
//! `cpu-bound`: every way of splitting the job finds the same, correct count. (How fast each
//! was is printed for the reader, and never asserted: timings belong in benchmarks.)

use harness::Example;

// There are 9592 primes below 100,000: a size that keeps the debug build's run short.
harness::example!(
    "cpu-bound",
    processes,
    args = ["100000"],
    recording = harness::checks::Recording {
        all_numbers: true,
        orders: &[("counting the primes", "serial")],
        ..Default::default()
    }
);

#[test]
fn every_method_counts_the_same_primes() {
    let run = run();
    run.assert_first("counting the primes below 100000: 16 tasks,");
    for method in ["serial", "processes", "threads", "rayon"] {
        run.assert_count(method, 1);
    }
    run.assert_count(" 9592 primes in ", 4);
}

#[test]
fn the_processes_are_real_pool_workers() {
    let run = run();
    // Only the main process prints; the workers' lifetimes are in the trace.
    run.assert_one_process();
    assert!(!run.pool_worker_pids().is_empty());
}

#[test]
fn a_bad_size_is_refused() {
    let run = Example::new(env!("CARGO_BIN_EXE_cpu-bound"))
        .arg("lots")
        .run();
    run.assert_exit_code(2);
    assert_eq!(
        run.stderr,
        "error: the size must be a whole number, not \"lots\"\n"
    );
}
