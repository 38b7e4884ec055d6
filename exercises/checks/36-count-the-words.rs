//! The checker calls exercise 36's `count_words(paths, count_file)` with files of its own: `files`
//! texts of words from a small list, made from `seed` (`check_protocol::capstone`, which the
//! checker's check reads too, to know the counts), in a folder it removes afterwards; and with a
//! `count_file` of its own, the only reader of its files: they hold each word spelled backwards.
//! Counts made without it are wrong, and where it ran shows in the trace ("counted <path>").
//! File k takes 0.1 + 0.15 k s to count (the last, 1 to 1.5 s more), so progress shown as files
//! complete comes before the last file is counted.
//!
//! 검사기가 연습 36의 `count_words(paths, count_file)`를 자기 파일과 자기 `count_file`로 부릅니다.
//! 파일은 단어를 거꾸로 적어 두어 그 함수만 바르게 읽고, 파일 k는 세는 데 0.1 + 0.15k초(마지막 파일은 1~1.5초 더)가 걸리므로,
//! 파일이 끝나는 대로 알린 진행 상황은 마지막 파일을 다 세기 전에 나옵니다.

#[allow(dead_code)]
#[path = "../36-count-the-words/src/main.rs"]
mod learner;

use check_protocol::capstone::text;
use check_protocol::{Found, report};
use common::say;
use std::collections::BTreeMap;

/// 검사기의 파일 하나에서 낱말을 셈. 파일에는 낱말마다 거꾸로 적혀 있음.
/// Counts the words of one of the checker's files, each spelled backwards on disk.
fn count_file(path: String) -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(&path).expect("read a file");
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.chars().rev().collect()).or_insert(0) += 1;
    }
    // 파일 k는 0.1 + 0.15k초 걸림: 먼저 끝난 파일의 진행 상황은 마지막 파일이 끝나기 적어도
    // 0.15초 전에 알릴 수 있음.
    // File k takes 0.1 + 0.15 k s: the first file done can be reported at least 0.15 s before
    // the last is.
    let k: u64 = (path.rsplit("file-").next())
        .and_then(|rest| rest.strip_suffix(".txt"))
        .and_then(|k| k.parse().ok())
        .unwrap_or(0);
    std::thread::sleep(std::time::Duration::from_millis(100 + 150 * k));
    let [files, _]: [u64; 2] = check_protocol::numbers();
    if k + 1 == files {
        // 마지막 파일은 1~1.5초 더 걸림(실행마다 뽑음). 다른 파일이 끝난 뒤로는 아무 일도 없으니,
        // 그동안 main 프로세스의 스레드가 몇 번 잠드는지 검사기가 지켜봅니다.
        // The last file takes 1 to 1.5 s more (drawn per run). Once the others are done nothing
        // happens: the checker watches how often the main process's threads sleep meanwhile.
        let drawn = std::hash::BuildHasher::hash_one(
            &std::collections::hash_map::RandomState::new(),
            &path,
        );
        common::trace::watch_main(std::time::Duration::from_millis(1_000 + drawn % 501));
    }
    say!("counted {path}");
    counts.into_iter().collect()
}

/// 검사기의 파일에 적힌 모양의 `text`: 낱말마다 거꾸로.
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
