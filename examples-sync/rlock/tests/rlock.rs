//! `rlock`: std's `Mutex` is not reentrant (it says so, without deadlocking), parking_lot's
//! `ReentrantMutex` is.

harness::example!(
    "rlock",
    threads,
    python = harness::checks::Twin {
        rust_only: &["the guard passed down"],
        ..Default::default()
    }
);

#[test]
fn a_plain_mutex_taken_again_by_its_holder_would_block() {
    run().assert_stdout(&[
        "a plain lock, taken again by its holder: would block",
        "the guard passed down, used twice: 2",
        "a reentrant lock, taken twice: 2",
    ]);
}
