//! 연습 34의 풀이 — 스레드가 `String`의 참조가 아니라 `String` 자체를 돌려줍니다. 값은 `join`을
//! 거쳐 밖으로 이동합니다. 참조라면 스레드가 끝난 뒤에도 남게 됩니다.
//!
//! Exercise 34, a solution: the thread returns the `String` itself, not a
//! reference to it: its value moves out through `join`, where a reference would outlive the thread.

use common::say;
use std::thread;

pub fn shout_all(words: Vec<String>) -> Vec<String> {
    let handles: Vec<thread::JoinHandle<String>> = words
        .into_iter()
        .enumerate()
        .map(|(i, word)| {
            thread::Builder::new()
                .name(format!("shouter {i}"))
                .spawn(move || {
                    let loud = word.to_uppercase();
                    say!("shouter {i}: {loud}");
                    loud // String 자체: 그 소유권은 join하는 쪽으로 감 (the String itself: its ownership goes to whoever joins)
                })
                .expect("spawn a shouter")
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a shouter"))
        .collect()
}

fn main() {
    let words = ["hello", "from", "threads"].map(String::from).to_vec();
    for loud in shout_all(words) {
        say!("main got {loud}");
    }
}
