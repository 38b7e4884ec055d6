//! 검사기가 연습 24의 `at_most_two(workers, inside_ms)`를 자기 수로 부릅니다.
//! The checker calls exercise 24's `at_most_two(workers, inside_ms)` with its own numbers.

#[allow(dead_code)]
#[path = "../24-two-at-a-time/src/main.rs"]
mod learner;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    learner::at_most_two(args[0] as usize, args[1]);
}
