//! 잘못된 풀이(두 번째 블라인드 리뷰): 스레드마다 자기 문자열을 Box::leak으로 &'static str로 만들어 돌려줍니다.
//! 컴파일은 되지만 가진 값을 돌려주지 않고 메모리를 새게 합니다.
//! Wrong (from the second blind review): each thread leaks its string with Box::leak to return
//! a &'static str: it compiles, returning no owned value, and leaks.
//! Named: Box::leak
use common::say;
use std::thread;

pub fn shout_all(words: Vec<String>) -> Vec<String> {
    let handles: Vec<thread::JoinHandle<&'static str>> = words
        .into_iter()
        .enumerate()
        .map(|(i, word)| {
            thread::Builder::new()
                .name(format!("shouter {i}"))
                .spawn(move || {
                    let loud = word.to_uppercase();
                    say!("shouter {i}: {loud}");
                    let leaked: &'static str = Box::leak(loud.into_boxed_str());
                    leaked
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
