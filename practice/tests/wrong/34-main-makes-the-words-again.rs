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
