//! 검사기가 연습 22의 `add_under_a_lock(counter, threads, times, add_one)`를 자기 카운터와 자기
//! `add_one`으로 부릅니다. 이 `add_one`은 부를 때마다 1에서 9 사이의 수를 새로 뽑아 더하므로,
//! 카운터의 값은 모든 더하기가 잠금 안에서 이루어져야만 맞습니다.
//!
//! The checker calls exercise 22's `add_under_a_lock(counter, threads, times, add_one)` with a
//! counter and an `add_one` of its own, which adds a number from 1 to 9 drawn at each call: the
//! counter comes out right only if every addition is made under the lock. It reports the counter
//! and each thread's calls of `add_one`.

#[allow(dead_code)]
#[path = "../22-hold-the-lock/src/main.rs"]
mod learner;

mod adders;

use std::sync::{Mutex, TryLockError};

/// 검사기의 카운터. `add_one`이 잠금이 비어 있는지 볼 수 있도록 전역에 둠.
/// The checker's counter, a global so that `add_one` can see whether its lock is free.
static COUNTER: Mutex<u64> = Mutex::new(0);

fn add_one(n: u64) -> u64 {
    // 더하기는 카운터의 잠금을 쥔 채로 불려야 함: 잠금이 비어 있으면(잡을 수 있으면) 읽기와
    // 쓰기 사이에 잠금을 놓은 것.
    // An addition is made holding the counter's lock: if the lock is free (it can be taken),
    // the read and the write were split across two guards.
    if !matches!(COUNTER.try_lock(), Err(TryLockError::WouldBlock)) {
        adders::unguarded();
    }
    n + adders::count()
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    // 검사기의 스레드가 틈틈이 잠금을 잡아 봄: 더하기 하나마다 잠그면 스레드가 더하는 도중에도
    // 잠금이 비는 때가 있고, 반복 전체를 잠그면 한 스레드가 다 더할 때까지 비지 않음.
    // A thread of the checker's tries the lock now and then: a lock taken for each addition is
    // free at moments while a thread is midway; one held around the whole loop is not.
    let watch = adders::watch_the_lock(args[0] as usize, args[1], || COUNTER.try_lock().is_ok());
    learner::add_under_a_lock(&COUNTER, args[0] as usize, args[1], add_one);
    adders::stop_watching();
    watch.join().expect("the watch");
    let total = *COUNTER.lock().expect("the counter");
    common::say!("{}", check_protocol::report(adders::found(total)));
}
