//! 검사기가 연습 27의 `two_rounds(workers, tasks)`를 자기 수로 부릅니다.
//! The checker calls exercise 27's `two_rounds(workers, tasks)` with its own numbers.

#[allow(dead_code)]
#[path = "../27-wait-for-the-tasks/src/main.rs"]
mod learner;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    learner::two_rounds(args[0] as usize, args[1] as u32);
}
