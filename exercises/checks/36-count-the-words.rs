//! The checker calls exercise 36's `count_words(paths, count_file)` with files of its own: `files`
//! texts of words from a small list, made from `seed` (`check_protocol::capstone`, which the
//! checker's check reads too, to know the counts), in a folder it removes afterwards; and with a
//! `count_file` of its own, the only reader of its files: they hold each word spelled backwards.
//! Counts made without it are wrong, and where it ran shows in the trace ("counted <path>").

#[allow(dead_code)]
#[path = "../36-count-the-words/src/main.rs"]
mod learner;

use check_protocol::capstone::text;
use check_protocol::{Found, report};
use common::say;
use std::collections::BTreeMap;

/// Counts the words of one of the checker's files, each spelled backwards on disk.
fn count_file(path: String) -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(&path).expect("read a file");
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.chars().rev().collect()).or_insert(0) += 1;
    }
    say!("counted {path}");
    counts.into_iter().collect()
}

/// `text` as the checker's files hold it: each word backwards.
fn backwards(text: &str) -> String {
    let words: Vec<String> = text.split(' ').map(|w| w.chars().rev().collect()).collect();
    words.join(" ")
}

fn main() {
    common::init();
    let args: [u64; 2] = check_protocol::numbers();
    let (files, seed) = (args[0], args[1]);
    let dir = std::env::temp_dir().join(format!("practice-36-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the texts");
    let paths: Vec<String> = (0..files)
        .map(|file| {
            let path = dir.join(format!("file-{file}.txt"));
            std::fs::write(&path, backwards(&text(file, seed))).expect("write a text");
            path.display().to_string()
        })
        .collect();
    let counts = learner::count_words(paths, count_file);
    std::fs::remove_dir_all(&dir).expect("remove the texts");
    say!("{}", report(Found::Counts(counts)));
}
