//! Wrong (from the third blind review): no pool: one process per file, all started at once by
//! hand (forced fork, named like pool workers), each sending its counts back on a queue.
//! Named: is not a pool's worker

use common::process::{Process, StartMethod};
use common::say;
use std::collections::BTreeMap;
use std::sync::mpsc;
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
    let files = paths.len();
    let (put, counted) = common::ipc::channel::<Vec<(String, u64)>>().expect("a queue");
    let mut procs: Vec<Process> = paths
        .into_iter()
        .enumerate()
        .map(|(i, path)| {
            let put = put.clone();
            let mut p = Process::new(move || {
                put.send(count_file(path)).expect("send the counts");
            })
            .name(format!("ForkPoolWorker-{}", i + 1))
            .start_method(StartMethod::Fork);
            p.start().expect("start a worker");
            p
        })
        .collect();
    drop(put);
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
    let mut k = 0;
    while let Ok(counts) = counted.recv() {
        for (word, n) in counts {
            *total.entry(word).or_insert(0) += n;
        }
        k += 1;
        done.send(k).expect("report");
    }
    drop(done);
    reporter.join().expect("the progress thread");
    for p in &mut procs {
        p.join();
    }
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
