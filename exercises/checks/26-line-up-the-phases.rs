//! 검사기가 연습 26의 `in_phases(workers, phases)`를 자기 수로 부릅니다.
//! The checker calls exercise 26's `in_phases(workers, phases)` with its own numbers.

#[allow(dead_code)]
#[path = "../26-line-up-the-phases/src/main.rs"]
mod learner;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    learner::in_phases(args[0] as usize, args[1] as usize);
}
