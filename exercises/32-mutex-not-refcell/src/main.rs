//! 연습 32 — RefCell이 아니라 Mutex (러스트가 거부하는 것 — 05: 스레드가 함께 쓰는 RefCell)
//! Exercise 32 — a Mutex, not a RefCell (what Rust refuses — 05: a RefCell shared by threads)
//!
//! 할 일: `log_from_threads(writers, entries)`에서 스레드 `writers`개가 한 기록(log)에 각자
//! "writer w entry e"를 `entries`개씩 적고(적을 때마다 출력함), 다 적으면 "writer w done"을
//! 출력합니다. 함수는 기록을 돌려주고, main이 그 기록을 "log: ..."로 출력합니다. 파이썬에서는 리스트에
//! 그냥 append하지만, 지금 코드는 컴파일되지 않습니다. 컴파일러의 말을 읽고 고치세요. 기록에 넣을
//! 때만 잠그세요. 검사기는 이 함수를 다른 값으로도 부르고, 잃거나 겹친 항목이 없는지, 한 스레드가
//! 기다리는 동안 다른 스레드가 적는지 봅니다.
//! Task: in `log_from_threads(writers, entries)`, `writers` threads each write `entries` entries
//! "writer w entry e" to one log (printing each), then print "writer w done". The function
//! returns the log, and main prints it as "log: ...". Python would just append to a list; this
//! code does not compile. Read what the compiler says and fix it; lock only to push an entry.
//! The checker calls the function with other numbers too, looks for lost or doubled entries, and
//! sees whether the others write while one writer is held back.
//!
//! 확인 / Check: `cargo run -p practice -- check 32`

use common::say;
use std::cell::RefCell;
use std::thread;

pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String> {
    let log = RefCell::new(Vec::new());
    thread::scope(|scope| {
        for w in 0..writers {
            let log = &log;
            thread::Builder::new()
                .name(format!("writer {w}"))
                .spawn_scoped(scope, move || {
                    for e in 0..entries {
                        let entry = format!("writer {w} entry {e}");
                        say!("{entry}");
                        log.borrow_mut().push(entry);
                    }
                    say!("writer {w} done");
                })
                .expect("spawn a writer");
        }
    });
    log.into_inner()
}

fn main() {
    let log = log_from_threads(3, 4);
    for entry in &log {
        say!("log: {entry}");
    }
    say!("{} entries", log.len());
}
