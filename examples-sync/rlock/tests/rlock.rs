//! `rlock`: std의 `Mutex`는 재진입할 수 없고(교착 상태에 빠지지 않고 그렇다고 알립니다), parking_lot의
//! `ReentrantMutex`는 재진입할 수 있습니다.
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
