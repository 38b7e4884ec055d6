//! 검사기가 연습 09의 `count_in_processes(processes, times)`를 자기 수로 부릅니다.
//! The checker calls exercise 09's `count_in_processes(processes, times)` with its own numbers.

#[allow(dead_code)]
#[path = "../09-count-in-four-processes/src/main.rs"]
mod learner;

use check_protocol::{Found, report};

fn main() {
    let args: [i32; 2] = check_protocol::numbers();
    let total = learner::count_in_processes(args[0] as usize, args[1]);
    common::say!("{}", report(Found::Number(total.into())));
}
