//! 연습 32의 풀이 — `RefCell` 대신 `Mutex`: `lock`으로 스레드들이 차례대로 기록을 씁니다(`Sync`).
//! `borrow_mut`는 한 스레드 안에서 빌림을 셀 뿐입니다.
//!
//! Exercise 32, a solution: a `Mutex` in place of the `RefCell`: `lock` makes
//! the threads take turns at the log (`Sync`), where `borrow_mut` only counts borrows on one thread.

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String> {
    let log = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for w in 0..writers {
            let log = &log;
            thread::Builder::new()
                .name(format!("writer {w}"))
                .spawn_scoped(scope, move || {
                    for e in 0..entries {
                        let entry = format!("writer {w} entry {e}");
                        say!("{entry}");
                        log.lock().expect("lock the log").push(entry);
                    }
                    say!("writer {w} done");
                })
                .expect("spawn a writer");
        }
    });
    log.into_inner().expect("the log")
}

fn main() {
    let log = log_from_threads(3, 4);
    for entry in &log {
        say!("log: {entry}");
    }
    say!("{} entries", log.len());
}
