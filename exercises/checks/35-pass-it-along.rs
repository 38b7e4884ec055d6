//! 검사기가 연습 35의 `greet_in_a_child(greeting)`를 자기 인사말로 부르고, 자식은 `spawn`으로
//! 시작합니다.
//! The checker calls exercise 35's `greet_in_a_child(greeting)` with a greeting of its own, its
//! children started by `spawn`.

#[allow(dead_code)]
#[path = "../35-pass-it-along/src/main.rs"]
mod learner;

use common::process::{StartMethod, set_start_method};

fn main() {
    common::init();
    set_start_method(StartMethod::Spawn).expect("the start method");
    let [n]: [u64; 1] = check_protocol::numbers();
    learner::greet_in_a_child(&format!("greeting number {n}"));
}
