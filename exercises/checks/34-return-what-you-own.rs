//! 검사기가 연습 34의 `shout_all(words)`를 자기 낱말로 부릅니다.
//! The checker calls exercise 34's `shout_all(words)` with words of its own.

#[allow(dead_code)]
#[path = "../34-return-what-you-own/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let words: Vec<String> = (0..args[0]).map(|i| format!("w{}q", args[1] + i)).collect();
    say!("{}", report(Found::Words(learner::shout_all(words))));
}
