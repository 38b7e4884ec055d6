//! 연습 34 — 가진 것을 돌려주기 (러스트가 거부하는 것 — 09: 자기 값의 참조를 돌려주는 스레드)
//! Exercise 34 — return what you own (what Rust refuses — 09: a thread that returns a reference
//! to its own value)
//!
//! 할 일: `shout_all(words)`는 낱말마다 스레드 "shouter i"를 하나씩 띄웁니다. 스레드는 낱말을
//! 대문자로 바꿔 "shouter i: WORD"를 출력하고 그 결과를 돌려주고, 함수는 결과를 순서대로 돌려줍니다.
//! main은 받은 것마다 "main got WORD"를 출력합니다. 지금 코드는 컴파일되지 않습니다. 컴파일러의
//! 말을 읽고 고치세요. 검사기는 이 함수를 다른 낱말로도 부릅니다.
//! Task: `shout_all(words)` starts a thread "shouter i" per word. The thread makes the word upper
//! case, prints "shouter i: WORD" and returns it; the function returns the results in order. Main
//! prints "main got WORD" for each. This code does not compile. Read what the compiler says and
//! fix it. The checker calls the function with other words too.
//!
//! 확인 / Check: `cargo run -p practice -- check 34`

use common::say;
use std::thread;

pub fn shout_all(words: Vec<String>) -> Vec<String> {
    let handles: Vec<thread::JoinHandle<&str>> = words
        .into_iter()
        .enumerate()
        .map(|(i, word)| {
            thread::Builder::new()
                .name(format!("shouter {i}"))
                .spawn(move || {
                    let loud = word.to_uppercase();
                    say!("shouter {i}: {loud}");
                    loud.as_str()
                })
                .expect("spawn a shouter")
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a shouter").to_owned())
        .collect()
}

fn main() {
    let words = ["hello", "from", "threads"].map(String::from).to_vec();
    for loud in shout_all(words) {
        say!("main got {loud}");
    }
}
