//! 검사기가 연습 20의 `fill_in_slices(children, width)`를 자기 수로 부릅니다.
//! The checker calls exercise 20's `fill_in_slices(children, width)` with its own numbers.

#[allow(dead_code)]
#[path = "../20-each-its-own-slice/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;

fn main() {
    common::init();
    let args: [usize; 2] = check_protocol::numbers();
    let array = learner::fill_in_slices(args[0], args[1]);
    say!(
        "{}",
        report(Found::Numbers(array.into_iter().map(i64::from).collect()))
    );
}
