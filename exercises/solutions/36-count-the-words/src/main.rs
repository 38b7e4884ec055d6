//! 연습 36의 풀이 — 풀의 `imap_unordered`가 작업 프로세스에서 파일을 세고, 파일마다 끝나는 대로 센
//! 결과를 돌려줍니다. main은 그 결과를 합치면서 채널로 "progress" 스레드에 알리고, 이 스레드는 main이
//! 송신자를 drop하면 끝납니다.
//!
//! Exercise 36, a solution: the pool's `imap_unordered` counts the files in its
//! workers and hands each file's counts back as it is done; main merges them and tells a
//! "progress" thread over a channel, which ends when main drops its sender.

use common::pool::Pool;
use common::say;
use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;

/// 파일 하나에서 낱말을 셉니다.
/// Counts the words of one file.
fn count_file(path: String) -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(&path).expect("read a file");
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_owned()).or_insert(0) += 1;
    }
    say!("counted {path}");
    counts.into_iter().collect()
}

/// 모든 파일의 낱말을 세고 합칩니다. 많이 나온 것부터, 같으면 낱말 순서로.
/// Every file's words, counted and merged: the most frequent first, then by word.
pub fn count_words(
    paths: Vec<String>,
    count_file: fn(String) -> Vec<(String, u64)>,
) -> Vec<(String, u64)> {
    let files = paths.len();
    let pool = Pool::new(2).expect("start the pool");
    let (done, progress) = mpsc::channel::<usize>();
    let reporter = thread::Builder::new()
        .name("progress".into())
        .spawn(move || {
            for k in progress {
                say!("progress: {k}/{files} files");
            }
        })
        .expect("spawn the progress thread");
    let mut total: BTreeMap<String, u64> = BTreeMap::new();
    // 파일마다 센 것이 오는 대로, 먼저 끝난 파일부터.
    // As each file's counts come in, whichever file finishes first.
    let counted = pool.imap_unordered(count_file, paths).expect("imap");
    for (k, counts) in counted.enumerate() {
        for (word, n) in counts.expect("a file's counts") {
            *total.entry(word).or_insert(0) += n;
        }
        done.send(k + 1).expect("report the progress");
    }
    drop(done); // 보고하는 스레드의 반복이 끝남 (the reporter's loop ends)
    reporter.join().expect("the progress thread");
    drop(pool); // 작업 프로세스가 끝남(파이썬의 `with Pool() as pool:`을 나설 때처럼) (the workers end, as Python's leaving `with Pool() as pool:`)
    let mut sorted: Vec<(String, u64)> = total.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let texts = concat!(env!("CARGO_MANIFEST_DIR"), "/texts");
    let mut paths: Vec<String> = std::fs::read_dir(texts)
        .expect("the texts")
        .map(|entry| entry.expect("a file").path().display().to_string())
        .collect();
    paths.sort();
    for (word, n) in count_words(paths, count_file).into_iter().take(5) {
        say!("{word}: {n}");
    }
}
