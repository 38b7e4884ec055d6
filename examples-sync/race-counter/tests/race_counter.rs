//! `race-counter`: 잠금과 원자적 연산이 보장하는 것만 검사하고, 운으로만 되는 것은 검사하지 않습니다.
//! `race-counter`: what a lock and an atomic guarantee, and nothing that only luck gives.

use harness::exact;

harness::example!(
    "race-counter",
    threads,
    recording = harness::checks::Recording {
        all_numbers: true,
        ..Default::default()
    },
    python = harness::checks::Twin {
        rust_only: &["with a Mutex", "with fetch_add"],
        python_only: &["with a Lock"],
        ..Default::default()
    }
);

#[test]
fn a_mutex_and_fetch_add_lose_no_update() {
    let run = run();
    run.assert_count(exact("with a Mutex: 2000000"), 1);
    run.assert_count(exact("with fetch_add: 2000000"), 1);
}

#[test]
fn without_a_lock_the_count_is_at_most_the_total() {
    // Lost updates are luck; more than 2000000 would be a bug.
    let count: u64 = run().number_after("without a lock: ");
    assert!(count <= 2_000_000, "{count}");
}
