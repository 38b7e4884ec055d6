//! 검사기가 연습 25의 `release_after(workers, prep_ms)`를 자기 수로 부릅니다.
//! The checker calls exercise 25's `release_after(workers, prep_ms)` with its own numbers.

#[allow(dead_code)]
#[path = "../25-wait-for-the-go/src/main.rs"]
mod learner;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    learner::release_after(args[0] as usize, args[1]);
}
