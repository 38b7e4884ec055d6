//! Wrong: no threads; main shouts every word and prints the shouters' lines itself.

use common::say;

pub fn shout_all(words: Vec<String>) -> Vec<String> {
    words
        .into_iter()
        .enumerate()
        .map(|(i, word)| {
            let loud = word.to_uppercase();
            say!("shouter {i}: {loud}");
            loud
        })
        .collect()
}

fn main() {
    let words = ["hello", "from", "threads"].map(String::from).to_vec();
    for loud in shout_all(words) {
        say!("main got {loud}");
    }
}
