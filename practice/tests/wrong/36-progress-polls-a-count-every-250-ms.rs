//! 틀림(세 번째 눈가림 검토에서): 진행 스레드가 파일마다 끝났다는 소식을 받지 않고
//! 250ms마다 공유 카운터를 봅니다. 1초에 몇 번만 깨어나서 깨는 횟수만 세던 때는
//! 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): the progress thread looks at a shared count of files done
//! every 250 ms, in place of receiving each file's completion: it wakes only a few times a second,
//! so it passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

//! 연습 36 — 마무리: 단어 세기 (여러 장을 합쳐서: Pool, 스레드, 채널)
//! Exercise 36 — the capstone: count the words (Pool, a thread and a channel together)
//!
//! 할 일: `count_words(paths, count_file)`은 파일마다 단어를 세고(`count_file`), 모두 합쳐서 많은 것부터
//! (같으면 단어 순으로) 돌려줍니다. main은 가장 많은 다섯 개를 "word: n"으로 출력합니다. 세 가지를
//! 더하세요. (1) 파일은 풀의 작업 프로세스에서 셉니다. (2) 이름이 "progress"인 스레드가, 파일의
//! 결과가 하나씩 들어올 때마다 "progress: k/n files"를 출력합니다. (3) 끝나면 아무것도 남지
//! 않습니다(풀, 스레드). 합치는 것은 main이 합니다. 지금은 main이 파일을 하나씩 셉니다. 검사기는
//! 여러분이 보지 못하는 파일과 자기 `count_file`로 이 함수를 부릅니다.
//! Task: `count_words(paths, count_file)` counts the words of each file (`count_file`) and
//! returns them all merged, most frequent first (then by word); main prints the top five as
//! "word: n". Add three things: (1) the files are counted in a pool's workers; (2) a thread named
//! "progress" prints "progress: k/n files" as each file's counts come in; (3) nothing is left when
//! it ends (the pool, the thread). Main does the merging. Today main counts the files one by one.
//! The checker calls the function with files you do not see, and a `count_file` of its own.
//!
//! 확인 / Check: `cargo run -p practice -- check 36`

use common::say;
use std::collections::BTreeMap;

/// 파일 하나에서 낱말을 셉니다(main이 `count_words`에 넘겨줌).
/// Counts the words of one file (main hands it to `count_words`).
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
    let n = paths.len();
    let pool = common::pool::Pool::new(4).expect("start the pool");
    let finished = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = finished.clone();
    let progress = std::thread::Builder::new()
        .name("progress".into())
        .spawn(move || {
            let mut printed = 0;
            while printed < n {
                let now = seen.load(std::sync::atomic::Ordering::SeqCst);
                while printed < now {
                    printed += 1;
                    say!("progress: {printed}/{n} files");
                }
                if printed < n {
                    std::thread::sleep(std::time::Duration::from_millis(250));
                }
            }
        })
        .expect("spawn progress");
    let mut total: BTreeMap<String, u64> = BTreeMap::new();
    for counts in pool.imap_unordered(count_file, paths).expect("imap") {
        finished.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        for (word, c) in counts.expect("a file's counts") {
            *total.entry(word).or_insert(0) += c;
        }
    }
    pool.close();
    pool.join().expect("join the pool");
    progress.join().expect("progress");
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
