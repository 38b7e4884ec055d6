//! 검사기가 연습 03의 `count_together(threads, times, one)`를 자기 수와 자기 `one`으로 부릅니다.
//! 이 `one`은 부를 때마다 1에서 9 사이의 수를 새로 뽑아 돌려주므로, 답은 `one`이 돌려준 것을
//! 모두 더해야만 나옵니다. 합계와 스레드마다 `one`을 부른 횟수를 알립니다.
//!
//! The checker calls exercise 03's `count_together(threads, times, one)` with its own numbers and
//! a `one` of its own, which returns a number from 1 to 9 drawn at each call: only adding up what
//! `one` returned gives the answer. It reports the total, and each thread's calls of `one`.

#[allow(dead_code)]
#[path = "../03-count-together/src/main.rs"]
mod learner;

mod adders;

fn one() -> u64 {
    adders::count()
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let total = learner::count_together(args[0] as usize, args[1], one);
    common::say!("{}", check_protocol::report(adders::found(total)));
}
