//! Wrong (from the second blind review): `pool.map` counts every file first; the progress
//! messages are sent only after all the work is done.
//! Named: Progress is reported as each file completes

use common::pool::Pool;
use common::say;
use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;

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
    // Count them all first (pool.map), then merge and report the progress afterwards.
    let all_counts = pool.map(count_file, paths).expect("map");
    for (k, counts) in all_counts.into_iter().enumerate() {
        for (word, n) in counts {
            *total.entry(word).or_insert(0) += n;
        }
        done.send(k + 1).expect("report the progress");
    }
    drop(done); // the reporter's loop ends
    reporter.join().expect("the progress thread");
    drop(pool); // the workers end (Python's leaving `with Pool() as pool:`)
    let mut sorted: Vec<(String, u64)> = total.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted
}

fn main() {
    common::init(); // if __name__ == '__main__':
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
