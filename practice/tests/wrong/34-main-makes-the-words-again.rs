//! 틀림(세 번째 눈가림 검토에서): 스레드는 대문자로 출력만 하고 아무것도 돌려주지 않으며,
//! main이 자기 낱말로 결과를 다시 만듭니다. 줄과 결과는 맞지만 스레드에서 돌아온 값이
//! 없습니다. 검사기의 할당자가 main이 만든 것을 봅니다.
//! Wrong (from the third blind review): the threads shout and return nothing; main makes the
//! results again from its own copy of the words: the lines and the results are right, but no value
//! came back from a thread. The checker's allocator sees that main made them.
//! Named: made by the main thread

use common::say;
use std::thread;

pub fn shout_all(words: Vec<String>) -> Vec<String> {
    let handles: Vec<thread::JoinHandle<()>> = words
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, word)| {
            thread::Builder::new()
                .name(format!("shouter {i}"))
                .spawn(move || {
                    let loud = word.to_uppercase();
                    say!("shouter {i}: {loud}");
                })
                .expect("spawn a shouter")
        })
        .collect();
    for h in handles {
        h.join().expect("a shouter");
    }
    words.iter().map(|w| w.to_uppercase()).collect()
}

fn main() {
    let words = ["hello", "from", "threads"].map(String::from).to_vec();
    for loud in shout_all(words) {
        say!("main got {loud}");
    }
}
