//! 잘못된 풀이(세 번째 블라인드 리뷰): 공유 기록 없이 작업자마다 자기 Vec에 적고, 끝에 작업자 번호 차례로 이어 붙입니다.
//! Wrong (from the third blind review): no shared log; each writer fills a Vec of its own, joined
//! at the end in the writers' order.
//! Named: comes before it in the log
use common::say;
use std::thread;

pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String> {
    thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                thread::Builder::new()
                    .name(format!("writer {w}"))
                    .spawn_scoped(scope, move || {
                        let mut mine = Vec::new();
                        for e in 0..entries {
                            let entry = format!("writer {w} entry {e}");
                            say!("{entry}");
                            mine.push(entry);
                        }
                        say!("writer {w} done");
                        mine
                    })
                    .expect("spawn a writer")
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a writer"))
            .collect()
    })
}

fn main() {
    let log = log_from_threads(3, 4);
    for entry in &log {
        say!("log: {entry}");
    }
    say!("{} entries", log.len());
}
