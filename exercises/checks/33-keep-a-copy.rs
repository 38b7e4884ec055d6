//! 검사기가 연습 33의 `start_worker(name)`를 자기 이름으로 부릅니다.
//! The checker calls exercise 33's `start_worker(name)` with a name of its own.

#[allow(dead_code)]
#[path = "../33-keep-a-copy/src/main.rs"]
mod learner;

fn main() {
    common::init();
    let [n]: [u64; 1] = check_protocol::numbers();
    learner::start_worker(&format!("worker{n}"));
}
