//! 검사기가 연습 03의 `count_together(threads, times, one)`를 자기 수와 자기 `one`으로 부릅니다.
//! 이 `one`은 부를 때마다 1에서 9 사이의 수를 새로 뽑아 돌려주므로, 답은 `one`이 돌려준 것을
//! 모두 더해야만 나옵니다. 첫 스레드의 첫 `one`은 다른 스레드가 `one`을 부를 때까지(5초까지)
//! 기다립니다. 합계와 스레드마다 `one`을 부른 횟수, 그리고 둘이 만났는지를 알립니다.
//!
//! The checker calls exercise 03's `count_together(threads, times, one)` with its own numbers and
//! a `one` of its own, which returns a number from 1 to 9 drawn at each call: only adding up what
//! `one` returned gives the answer. The first thread's first `one` waits (up to 5 s) for another
//! thread to call `one`. It reports the total, each thread's calls of `one`, and whether the two met.

#[allow(dead_code)]
#[path = "../03-count-together/src/main.rs"]
mod learner;

mod adders;

fn one() -> u64 {
    adders::count_in_company()
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let total = learner::count_together(args[0] as usize, args[1], one);
    common::say!("{}", check_protocol::report(adders::found(total)));
}
