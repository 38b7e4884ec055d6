//! The checker calls exercise 05's `num_after_the_child()` with `NUM` set to its own number.

#[allow(dead_code)]
#[path = "../05-send-num-back/src/main.rs"]
mod learner;

use std::sync::atomic::Ordering;

fn main() {
    let num: i32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .expect("a number");
    learner::NUM.store(num, Ordering::SeqCst);
    let after = learner::num_after_the_child();
    common::say!("result: {after}");
}
