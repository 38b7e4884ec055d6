//! 잘못된 풀이(두 번째 블라인드 리뷰): apply_async의 결과마다 ready()를 10ms마다 들여다봅니다(폴링). imap_unordered로 기다리지
//! 않습니다.
//! Wrong (from the second blind review): each apply_async result's ready() looked at every 10
//! ms (polling), not imap_unordered.
//! Named: is not waiting

use common::pool::Pool;
use common::say;
use std::collections::BTreeMap;
use std::thread;

fn count_file(path: String) -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(&path).expect("read a file");
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_owned()).or_insert(0) += 1;
    }
    say!("counted {path}");
    counts.into_iter().collect()
}

pub fn count_words(
    paths: Vec<String>,
    count_file: fn(String) -> Vec<(String, u64)>,
) -> Vec<(String, u64)> {
    let n = paths.len();
    let pool = Pool::new(2).expect("start the pool");
    let pending: Vec<_> = paths
        .into_iter()
        .map(|p| Some(pool.apply_async(count_file, p).expect("apply_async")))
        .collect();
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let progress = thread::Builder::new()
        .name("progress".into())
        .spawn(move || {
            let mut k = 0;
            for () in rx {
                k += 1;
                say!("progress: {k}/{n} files");
            }
        })
        .expect("spawn progress");
    let mut pending = pending;
    let mut total: BTreeMap<String, u64> = BTreeMap::new();
    let mut left = n;
    while left > 0 {
        for slot in pending.iter_mut() {
            if slot.as_ref().is_some_and(|r| r.ready()) {
                let counts = slot.take().unwrap().get().expect("counts");
                tx.send(()).expect("progress");
                for (word, c) in counts {
                    *total.entry(word).or_insert(0) += c;
                }
                left -= 1;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    drop(tx);
    progress.join().expect("progress");
    pool.close();
    pool.join().expect("join the pool");
    let mut sorted: Vec<(String, u64)> = total.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted
}

fn main() {
    common::init();
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
